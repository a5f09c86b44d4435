import { Alert, Checkbox, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportTarget, Preview, PreviewRow } from './targets';

/** Step 3 of the import: every row with its problems (row number, column, reason), and how to import. */
export function ImportPreview<F extends string, R extends PreviewRow>({
  target,
  preview,
  mode,
  onMode,
}: {
  target: ImportTarget<F, R>;
  preview: Preview<R>;
  mode: 'valid' | 'all';
  onMode(m: 'valid' | 'all'): void;
}) {
  const { counts } = preview;
  const [problemsOnly, setProblemsOnly] = useState(counts.invalid > 0);
  const rows = problemsOnly ? preview.rows.filter((r) => !r.ok || r.warnings.length > 0) : preview.rows;
  return (
    <>
      <Alert
        type={counts.invalid > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        message={
          <span data-testid="import-counts">
            共 {counts.total} 行：正确 {counts.valid} 行，有错误 {counts.invalid} 行
            {counts.warnings > 0 && `，需留意 ${counts.warnings} 行`}
            {preview.note && `；${preview.note}`}
          </span>
        }
      />
      <Space style={{ marginBottom: 8 }} wrap>
        <Radio.Group value={mode} onChange={(e) => onMode(e.target.value as 'valid' | 'all')}>
          <Radio value="valid">只导入正确的 {counts.valid} 行</Radio>
          <Radio value="all" disabled={counts.invalid > 0}>
            全部正确才导入{counts.invalid > 0 && '（有错误行，不可选）'}
          </Radio>
        </Radio.Group>
        <Checkbox checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)}>
          只看有问题的行
        </Checkbox>
      </Space>
      <Table<R>
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ y: 340 }}
        rowClassName={(r) => (r.ok ? '' : 'import-row-bad')}
        columns={[
          { title: '行号', dataIndex: 'row', width: 64 },
          ...target.columns,
          {
            title: '检查结果',
            width: 300,
            render: (_v, r) =>
              r.ok && r.warnings.length === 0 ? (
                <Tag color="success">正确</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  {r.errors.map((e, i) => (
                    <Typography.Text key={`e${i}`} type="danger">
                      第{r.row}行 {e.column}：{e.message}
                    </Typography.Text>
                  ))}
                  {r.warnings.map((e, i) => (
                    <Typography.Text key={`w${i}`} type="warning">
                      {e.column}：{e.message}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}

import { Alert, Checkbox, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import type { ImportRowDto } from '../../../../shared/importChannels';
import { money } from '../../lib/format';

/** Step 3 of the import: every row with its problems (row number, column, reason), and how to import. */
export function ImportPreview({
  preview,
  mode,
  onMode,
}: {
  preview: ResponseOf<'import.preview'>;
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
            {preview.year && `；年度按 ${preview.year} 年`}
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
      <Table<ImportRowDto>
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ y: 340 }}
        rowClassName={(r) => (r.ok ? '' : 'import-row-bad')}
        columns={[
          { title: '行号', dataIndex: 'row', width: 64 },
          {
            title: '项目名称',
            dataIndex: 'title',
            ellipsis: true,
            render: (t: string) => t || <Typography.Text type="secondary">（空）</Typography.Text>,
          },
          { title: '类别', dataIndex: 'category', width: 100 },
          { title: '责任人', dataIndex: 'owner', width: 80 },
          { title: '完成时限', dataIndex: 'dueDate', width: 100, render: (d: string | null) => d ?? '—' },
          {
            title: '计划投资',
            dataIndex: 'budget',
            width: 100,
            align: 'right',
            render: (b: number | null) => money(b),
          },
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

import { Form, InputNumber, Select, Table, Typography } from 'antd';
import { errorMessage } from '../../lib/api';
import type { Choice, ImportTarget, Opened, PreviewRow } from './targets';

/** A, B, … Z, AA: the column letters people see in Excel. */
export const columnLetter = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));

/** Step 2 of the import: which sheet, which row holds the headers, which column is which field. */
export function ImportMapping<F extends string, R extends PreviewRow>({
  target,
  opened,
  value,
  onChange,
  onError,
}: {
  target: ImportTarget<F, R>;
  opened: Opened;
  value: Choice<F>;
  onChange(v: Choice<F>): void;
  onError(m: string | null): void;
}) {
  const options = [{ value: '', label: '（不导入）' }, ...target.fields];
  const required = target.fields.find((f) => f.value === target.required)?.label ?? '';
  const reload = async (sheet: string, headerRow?: number) => {
    try {
      onChange(await target.headers(opened, sheet, headerRow));
      onError(null);
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  const setField = (col: number, field: F | null) => {
    // One column per field: choosing a field elsewhere takes it from the column that had it.
    const mapping = value.mapping.map((f, i) => (i === col ? field : f === field ? null : f));
    onChange({ ...value, mapping });
  };
  const rows = value.headers.map((h, i) => ({ col: i, header: h }));
  const sheet = opened.sheets.find((s) => s.name === value.sheet);

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="工作表">
          <Select
            value={value.sheet}
            style={{ width: 200 }}
            aria-label="工作表"
            options={opened.sheets.map((s) => ({ value: s.name, label: `${s.name}（${s.rows} 行）` }))}
            onChange={(name: string) => void reload(name)}
          />
        </Form.Item>
        <Form.Item
          label="表头在第"
          help={value.guessed ? `已自动识别为第 ${value.headerRow} 行` : '请核对表头所在的行'}
        >
          <InputNumber
            min={1}
            max={Math.min(100, sheet?.rows ?? 100)}
            value={value.headerRow}
            onChange={(n) => n && void reload(value.sheet, n)}
            aria-label="表头行"
            addonAfter="行"
            style={{ width: 120 }}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        已按常见表头自动对应，请核对；“{required}”必须指定。不需要的列选“不导入”。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="col"
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={rows}
        columns={[
          { title: '列', width: 60, render: (_v, r) => columnLetter(r.col) },
          {
            title: 'Excel 表头',
            dataIndex: 'header',
            render: (h: string) => h || <Typography.Text type="secondary">（空）</Typography.Text>,
          },
          {
            title: '导入为',
            width: 220,
            render: (_v, r) => (
              <Select
                value={value.mapping[r.col] ?? ''}
                onChange={(f: F | '') => setField(r.col, f || null)}
                options={options}
                virtual={false}
                listHeight={320}
                style={{ width: 200 }}
                aria-label={`${columnLetter(r.col)}列“${r.header}”导入为`}
              />
            ),
          },
        ]}
      />
    </>
  );
}

import { Form, InputNumber, Select, Table, Typography } from 'antd';
import { IMPORT_FIELD_KEYS, IMPORT_FIELD_LABELS } from '../../../../shared/importChannels';
import type { ResponseOf } from '../../../../shared/contract';
import { call, errorMessage } from '../../lib/api';

type Field = (typeof IMPORT_FIELD_KEYS)[number];
export interface MappingState {
  sheet: string;
  headerRow: number;
  headers: string[];
  mapping: (Field | null)[];
}

/** A, B, … Z, AA: the column letters people see in Excel. */
export const columnLetter = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));

const FIELD_OPTIONS = [
  { value: '', label: '（不导入）' },
  ...IMPORT_FIELD_KEYS.map((k) => ({ value: k, label: IMPORT_FIELD_LABELS[k] })),
];

/** Step 2 of the import: which sheet, which row holds the headers, which column is which field. */
export function ImportMapping({
  opened,
  value,
  onChange,
  onError,
}: {
  opened: ResponseOf<'import.open'>;
  value: MappingState;
  onChange(v: MappingState): void;
  onError(m: string | null): void;
}) {
  const reload = async (sheet: string, headerRow: number) => {
    try {
      const h = await call('import.headers', { token: opened.token, sheet, headerRow });
      onChange({ sheet, headerRow, ...h });
      onError(null);
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  const setField = (col: number, field: Field | null) => {
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
            onChange={(name: string) => {
              const s = opened.sheets.find((x) => x.name === name)!;
              onChange({ sheet: name, headerRow: s.headerRow ?? 1, headers: s.headers, mapping: s.mapping });
            }}
          />
        </Form.Item>
        <Form.Item
          label="表头在第"
          help={sheet?.headerRow ? `已自动识别为第 ${sheet.headerRow} 行` : '没有识别出表头行，请指定'}
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
        已按常见表头自动对应，请核对；“项目名称”必须指定。不需要的列选“不导入”。
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
                onChange={(f: string) => setField(r.col, (f || null) as Field | null)}
                options={FIELD_OPTIONS}
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

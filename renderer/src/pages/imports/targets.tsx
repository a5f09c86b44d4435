/**
 * What the Excel import wizard imports: the fields a column can map to, how a
 * sheet's headers are guessed, the rows' preview columns and the calls that
 * check and import them. One wizard, two targets: the 项目台账 and 群众诉求
 * (a 12345 工单 list or a village's own sheet).
 */
import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import type { ResponseOf } from '../../../../shared/contract';
import {
  DEMAND_IMPORT_FIELD_LABELS,
  DEMAND_IMPORT_FIELDS,
  type DemandImportField,
  type DemandImportRow,
} from '../../../../shared/demandImport';
import { IMPORT_FIELD_KEYS, IMPORT_FIELD_LABELS, type ImportRowDto } from '../../../../shared/importChannels';
import { call } from '../../lib/api';
import { money } from '../../lib/format';

export type Opened = ResponseOf<'import.open'>;
export interface Issue {
  column: string;
  message: string;
}
export interface PreviewRow {
  row: number;
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
}
export interface Preview<R extends PreviewRow> {
  rows: R[];
  counts: { total: number; valid: number; invalid: number; warnings: number };
  /** A line for the counts banner (e.g. the ledger's year). */
  note?: string;
  year?: number | null;
}
export interface Choice<F extends string> {
  sheet: string;
  headerRow: number;
  headers: string[];
  mapping: (F | null)[];
  /** Whether the header row was found by itself. */
  guessed: boolean;
}
export interface ImportTarget<F extends string, R extends PreviewRow> {
  title: string;
  /** 个项目 / 条诉求: what the result counts. */
  noun: string;
  hint: string;
  fields: { value: F; label: string }[];
  required: F;
  /** The sheet's header row (guessed when not given), its texts and the guessed mapping. */
  headers(opened: Opened, sheet: string, headerRow?: number): Promise<Choice<F>>;
  preview(token: string, c: Choice<F>): Promise<Preview<R>>;
  apply(token: string, c: Choice<F>, mode: 'valid' | 'all'): Promise<ResponseOf<'import.apply'>>;
  columns: TableColumnsType<R>;
}

const empty = (t: string) => t || <Typography.Text type="secondary">（空）</Typography.Text>;
const orDash = (d: string | null) => d ?? '—';
type ProjectField = (typeof IMPORT_FIELD_KEYS)[number];

export const PROJECTS: ImportTarget<ProjectField, ImportRowDto> = {
  title: '从Excel导入项目台账',
  noun: '个项目',
  hint: '点击选择或把台账文件拖到这里',
  fields: IMPORT_FIELD_KEYS.map((k) => ({ value: k, label: IMPORT_FIELD_LABELS[k] })),
  required: 'title',
  async headers(opened, sheet, headerRow) {
    const s = opened.sheets.find((x) => x.name === sheet)!;
    if (headerRow === undefined || headerRow === s.headerRow)
      return { sheet, headerRow: s.headerRow ?? 1, headers: s.headers, mapping: s.mapping, guessed: !!s.headerRow };
    const h = await call('import.headers', { token: opened.token, sheet, headerRow });
    return { sheet, headerRow, ...h, guessed: false };
  },
  async preview(token, c) {
    const p = await call('import.preview', { token, sheet: c.sheet, headerRow: c.headerRow, mapping: c.mapping });
    return { ...p, note: p.year ? `年度按 ${p.year} 年` : undefined };
  },
  apply: (token, c, mode) =>
    call('import.apply', { token, sheet: c.sheet, headerRow: c.headerRow, mapping: c.mapping, mode }),
  columns: [
    { title: '项目名称', dataIndex: 'title', ellipsis: true, render: empty },
    { title: '类别', dataIndex: 'category', width: 100 },
    { title: '责任人', dataIndex: 'owner', width: 80 },
    { title: '完成时限', dataIndex: 'dueDate', width: 100, render: orDash },
    { title: '计划投资', dataIndex: 'budget', width: 100, align: 'right', render: (b: number | null) => money(b) },
  ],
};

export const DEMANDS: ImportTarget<DemandImportField, DemandImportRow> = {
  title: '从Excel导入群众诉求（12345工单等）',
  noun: '条诉求',
  hint: '点击选择或把12345工单表、诉求登记表拖到这里',
  fields: DEMAND_IMPORT_FIELDS.map((k) => ({ value: k, label: DEMAND_IMPORT_FIELD_LABELS[k] })),
  required: 'content',
  async headers(opened, sheet, headerRow) {
    const p = await call('demands.importPreview', { token: opened.token, sheet, headerRow });
    return {
      sheet,
      headerRow: p.headerRow ?? 1,
      headers: p.headers,
      mapping: p.mapping,
      guessed: headerRow === undefined,
    };
  },
  preview: (token, c) =>
    call('demands.importPreview', { token, sheet: c.sheet, headerRow: c.headerRow, mapping: c.mapping }),
  apply: (token, c, mode) =>
    call('demands.importApply', { token, sheet: c.sheet, headerRow: c.headerRow, mapping: c.mapping, mode }),
  columns: [
    { title: '工单编号', dataIndex: 'ticket', width: 150, render: empty },
    { title: '来电时间', dataIndex: 'receivedDate', width: 100, render: orDash },
    { title: '诉求内容', dataIndex: 'content', ellipsis: true, render: empty },
    { title: '联系人', dataIndex: 'residentName', width: 80 },
    { title: '办理时限', dataIndex: 'dueDate', width: 100, render: orDash },
  ],
};

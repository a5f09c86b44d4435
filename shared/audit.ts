/**
 * 留痕 vocabulary, one list each: what kinds of record the audit log names
 * (with their Chinese names) and what was done to them. The core writes only
 * these (AuditInput is typed by them), the contract's audit.list accepts these,
 * and the renderer's texts are typed over them, so a new kind without its
 * Chinese name does not compile.
 */

/** The kinds of record, and their names as the history drawer writes them. */
export const AUDIT_ENTITY_LABELS = {
  village: '村庄信息',
  person: '人员',
  settings: '设置',
  series: '例会设置',
  meeting: '会议',
  attendance: '出席情况',
  agendaItem: '议题',
  action: '任务',
  project: '项目',
  milestone: '项目节点',
  followUp: '回访记录',
  attachment: '附件',
  import: '数据包导入',
  demand: '群众诉求',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_LABELS) as [AuditEntity, ...AuditEntity[]];

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'restore', 'tick', 'untick'] as const;
/** Besides the edits: 签发, demo data, an Excel or bundle import and its undo, an export with contacts. */
export const AUDIT_EVENTS = ['finalise', 'seed', 'import', 'undo', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number] | (typeof AUDIT_EVENTS)[number];

/**
 * 留痕 vocabulary, one list each: what kinds of record the audit log names
 * and what was done to them. The core writes only these (AuditInput is typed
 * by them), the contract's audit.list accepts these, and the renderer's
 * labels are typed Record<…> over them, so a new kind without its Chinese
 * name does not compile.
 */
export const AUDIT_ENTITIES = [
  'village',
  'person',
  'settings',
  'series',
  'meeting',
  'attendance',
  'agendaItem',
  'action',
  'project',
  'milestone',
  'followUp',
  'attachment',
  'import',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'tick',
  'untick',
  'finalise',
  'seed',
  'import',
  'undo',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Chinese names of the kinds of record, as the history drawer writes them. */
export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
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
};

/** The audit log (留痕) in plain Chinese: "李文书 将「责任人」由 张三 改为 李四". */
import { AUDIT_ENTITIES, AUDIT_ENTITY_LABELS, type AuditEntity } from '../../../shared/audit';
import { DEMAND_STATE_LABELS, type DemandState } from '../../../shared/demands';
import type { AuditEntry, Person } from '../../../shared/domain';

/** Rows from an older or newer version may name kinds this one does not know: shown as they are. */
const isAuditEntity = (s: string): s is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(s);
import { ATTENDANCE_LABELS, LANE_LABELS, type AttendanceStatus, type Lane } from '../../../shared/meetings';

const FIELD: Record<string, string> = {
  title: '名称',
  date: '日期',
  time: '时间',
  place: '地点',
  chairId: '主持人',
  recorderId: '记录人',
  presenterId: '汇报人',
  notes: '讨论情况',
  decision: '议定事项',
  text: '任务内容',
  ownerId: '责任人',
  dueDate: '完成时限',
  lane: '办理方式',
  done: '完成情况',
  status: '出席情况',
  type: '议题类型',
  position: '顺序',
  name: '名称',
  role: '职务',
  organisation: '所属组织',
  phone: '联系电话',
  note: '备注',
  weekday: '星期',
  memberIds: '应到人员',
  projectId: '关联项目',
  deletedAt: '删除状态',
  operator: '使用人',
  agendaTemplate: '议程模板',
  finalisedAt: '签发',
  year: '年度',
  category: '项目类别',
  source: '项目来源',
  unit: '责任单位',
  owner: '责任人',
  lead: '领办领导',
  leadId: '领办领导',
  budget: '计划投资',
  spent: '已支出',
  fundSource: '资金来源',
  startDate: '开始时间',
  description: '项目内容',
  progressNote: '进展情况',
  weight: '权重',
  receivedDate: '受理日期',
  channel: '来源渠道',
  residentName: '群众姓名',
  residentPhone: '群众电话',
  residentIdNumber: '身份证号',
  residentGroup: '村民小组',
  residentAddress: '住址',
  publicConsent: '同意公示',
  sensitive: '敏感事项',
  sensitiveKind: '敏感类别',
  content: '诉求内容',
  nature: '诉求性质',
  reviewDate: '回访日期',
  state: '办理状态',
};

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function value(field: string | null, raw: string | null, names: Map<string, Person>): string {
  if (raw === null || raw === '') return '（空）';
  if (field && field.endsWith('Id')) return names.get(raw)?.name ?? '（已删除的人员）';
  if (field === 'lane') return LANE_LABELS[raw as Lane] ?? raw;
  if (field === 'status') return ATTENDANCE_LABELS[raw as AttendanceStatus] ?? raw;
  if (field === 'state') return DEMAND_STATE_LABELS[raw as DemandState] ?? raw;
  if (field === 'publicConsent' || field === 'sensitive') return raw === 'true' || raw === '1' ? '是' : '否';
  if (field === 'done') return raw === 'true' || raw === '1' ? '已完成' : '未完成';
  return clip(raw);
}

/** Text of a created/deleted row's JSON, named by its most telling field. */
function rowName(json: string | null): string {
  if (!json) return '';
  try {
    const o = JSON.parse(json) as Record<string, unknown>;
    const n = o['text'] ?? o['title'] ?? o['name'];
    return typeof n === 'string' ? `「${clip(n, 40)}」` : '';
  } catch {
    return '';
  }
}

type Seat = { personId?: string; status?: string };
function seat(raw: string | null): Seat | null {
  if (!raw?.startsWith('{')) return null;
  try {
    return JSON.parse(raw) as Seat;
  } catch {
    return null;
  }
}

/** Attendance in words naming the person: 登记赵德胜请假 / 将赵德胜由 出席 改为 请假 / 添加列席人员刘富贵. */
function attendanceText(e: AuditEntry, names: Map<string, Person>): string | null {
  const label = (s?: string) => ATTENDANCE_LABELS[s as AttendanceStatus] ?? s ?? '';
  const who = (o: Seat) => (o.personId && names.get(o.personId)?.name) || '（已删除的人员）';
  const n = seat(e.newValue);
  const o = seat(e.oldValue);
  if (e.action === 'create' && n)
    return n.status === 'guest' ? `添加列席人员${who(n)}` : `登记${who(n)}${label(n.status)}`;
  if (e.action === 'delete' && o) return `移除${who(o)}的出席记录（${label(o.status)}）`;
  if (e.action === 'update' && n)
    return o ? `将${who(n)}由 ${label(o.status)} 改为 ${label(n.status)}` : `登记${who(n)}${label(n.status)}`;
  return null;
}

export function describeAudit(e: AuditEntry, names: Map<string, Person>): string {
  const what = isAuditEntity(e.entity) ? AUDIT_ENTITY_LABELS[e.entity] : e.entity;
  const told = e.entity === 'attendance' ? attendanceText(e, names) : null;
  if (told) return e.reason ? `修订：${told}（修改原因：${e.reason}）` : told;
  const field = e.field ? (FIELD[e.field] ?? e.field) : '';
  let text: string;
  switch (e.action) {
    case 'create':
      text = `新建${what}${rowName(e.newValue)}`;
      break;
    case 'delete':
      text = `删除${what}${rowName(e.oldValue)}`;
      break;
    case 'restore':
      text = `恢复${what}`;
      break;
    case 'tick':
      text = `勾选${what}为已完成`;
      break;
    case 'untick':
      text = `取消勾选${what}（改为未完成）`;
      break;
    case 'seed':
      text = `生成演示${what}${rowName(e.newValue)}`;
      break;
    case 'import':
      text = `从Excel导入${what}${rowName(e.newValue)}`;
      break;
    case 'finalise':
      text = '签发纪要';
      break;
    case 'export':
      text = `导出含联系方式的${what}台账`;
      break;
    default:
      text = !field
        ? `${e.action}${what}`
        : e.oldValue === null || e.oldValue === ''
          ? `将${what}的「${field}」设为 ${value(e.field, e.newValue, names)}`
          : `将${what}的「${field}」由 ${value(e.field, e.oldValue, names)} 改为 ${value(e.field, e.newValue, names)}`;
  }
  // A change with a reason is an amendment of signed minutes (修订).
  return e.reason ? `修订：${text}（修改原因：${e.reason}）` : text;
}

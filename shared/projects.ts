/** Project library (项目库): schemas shared by the core and the UI. */
import { z } from 'zod';
import { id, optionalText, requiredText } from './domain';
import { isoDate } from './meetings';

export const DEFAULT_CATEGORIES = [
  '教育',
  '医疗卫生',
  '民生保障',
  '住房与城乡建设',
  '产业发展',
  '人居环境',
  '基础设施',
  '其他',
] as const;
export const PROJECT_SOURCES = ['群众诉求', '走访调研', '上级部署', '微心愿', '其他'] as const;
export const PROJECT_STATUSES = ['谋划中', '推进中', '已完成', '已销号', '暂缓'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
/** What search indexes: one document per record of these kinds. */
export const SEARCH_KINDS = ['project', 'milestone', 'action', 'agendaItem', 'demand'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Progress of a project without milestones, by its status. */
export const STATUS_PROGRESS: Record<ProjectStatus, number> = {
  谋划中: 0,
  推进中: 50,
  已完成: 100,
  已销号: 100,
  暂缓: 0,
};

/** Money is kept in whole yuan. */
const yuan = (label: string) =>
  z
    .number({ error: `${label}应为数字（元）` })
    .int({ error: `${label}应为整数（元）` })
    .min(0, { error: `${label}不能为负数` })
    .max(1e12, { error: `${label}过大` });

const projectBase = {
  year: z
    .number({ error: '请填写年度' })
    .int()
    .min(2000, { error: '年度应在2000年以后' })
    .max(2100, { error: '年度不正确' }),
  title: requiredText('项目名称', 100),
  category: requiredText('项目类别', 20),
  source: z.enum(PROJECT_SOURCES, { error: '项目来源不在可选范围内' }),
  unit: optionalText('责任单位', 60),
  owner: optionalText('责任人', 60),
  ownerId: id.nullable(),
  lead: optionalText('领办领导', 60),
  leadId: id.nullable(),
  budget: yuan('计划投资').nullable(),
  spent: yuan('已支出').nullable(),
  fundSource: optionalText('资金来源', 60),
  startDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  status: z.enum(PROJECT_STATUSES, { error: '项目状态不在可选范围内' }),
  description: optionalText('项目内容', 5000),
  progressNote: optionalText('进展情况', 5000),
  note: optionalText('备注', 2000),
};

/** A project's editable fields, in the ledger's order (audit diffs, imports). */
export const PROJECT_FIELDS = Object.keys(projectBase) as (keyof typeof projectBase)[];

export const projectInput = z.strictObject({
  ...projectBase,
  source: projectBase.source.default('群众诉求'),
  unit: projectBase.unit.default(''),
  owner: projectBase.owner.default(''),
  ownerId: projectBase.ownerId.default(null),
  lead: projectBase.lead.default(''),
  leadId: projectBase.leadId.default(null),
  budget: projectBase.budget.default(null),
  spent: projectBase.spent.default(null),
  fundSource: projectBase.fundSource.default(''),
  startDate: projectBase.startDate.default(null),
  dueDate: projectBase.dueDate.default(null),
  status: projectBase.status.default('谋划中'),
  description: projectBase.description.default(''),
  progressNote: projectBase.progressNote.default(''),
  note: projectBase.note.default(''),
});
/** No defaults here: a patch leaves unmentioned fields alone (zod 4 applies defaults inside .partial()). */
export const projectPatch = z.strictObject(projectBase).partial().extend({ id });

export const project = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  category: z.string(),
  source: z.enum(PROJECT_SOURCES),
  unit: z.string(),
  owner: z.string(),
  ownerId: z.string().nullable(),
  lead: z.string(),
  leadId: z.string().nullable(),
  budget: z.number().nullable(),
  spent: z.number().nullable(),
  fundSource: z.string(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  description: z.string(),
  progressNote: z.string(),
  note: z.string(),
  rev: z.number(),
});
export type Project = z.infer<typeof project>;

export const progress = z.object({
  percent: z.number(),
  /** The formula in words, shown on the project page. */
  formula: z.string(),
});
export const projectSummary = project.extend({
  progress,
  milestoneCount: z.number(),
  milestonesDone: z.number(),
  overdue: z.boolean(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const milestone = z.object({
  id: z.string(),
  projectId: z.string(),
  position: z.number(),
  title: z.string(),
  dueDate: z.string().nullable(),
  weight: z.number(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  rev: z.number(),
});
export type Milestone = z.infer<typeof milestone>;

export const followUp = z.object({
  id: z.string(),
  projectId: z.string(),
  date: z.string(),
  visitor: z.string(),
  feedback: z.string(),
  satisfaction: z.enum(SATISFACTION),
});
export type FollowUp = z.infer<typeof followUp>;

/** A photo or file kept with a project (or one of its milestones), stored under its SHA-256. */
export const attachment = z.object({
  id: z.string(),
  projectId: z.string(),
  milestoneId: z.string().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  mime: z.string(),
  createdAt: z.string(),
  /** A small JPEG as a data: URL, for images; null for other files. */
  thumb: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachment>;

/** Largest file that can be attached. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * What may be kept as evidence, by extension → the content it must have (both
 * are checked in the core): photos, PDF, OFD, Office/WPS without macros, text.
 */
export const EVIDENCE_TYPES = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  bmp: 'bmp',
  heic: 'heic',
  heif: 'heic',
  pdf: 'pdf',
  ofd: 'ofd',
  docx: 'ooxml',
  xlsx: 'ooxml',
  pptx: 'ooxml',
  doc: 'ole',
  xls: 'ole',
  ppt: 'ole',
  wps: 'ole',
  et: 'ole',
  dps: 'ole',
  txt: 'text',
  csv: 'text',
} as const;
export type EvidenceKind = (typeof EVIDENCE_TYPES)[keyof typeof EVIDENCE_TYPES];
export const EVIDENCE_HINT =
  '只收照片（JPG、PNG、GIF、WebP、BMP、HEIC）、PDF、OFD、不含宏的 Office/WPS 文档和纯文本（TXT、CSV）';

export const attachmentInput = z.strictObject({
  projectId: id,
  milestoneId: id.nullable().default(null),
  fileName: requiredText('文件名', 200),
  dataBase64: z
    .string()
    .min(1, { error: '文件是空的' })
    .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { error: '文件过大（上限 20 MB）' }),
  /** The UI makes it (canvas); ≤ 256 KB of JPEG or PNG. */
  thumbBase64: z.string().max(350_000, { error: '缩略图过大' }).nullable().default(null),
});

export const projectDetail = z.object({
  project,
  progress,
  milestones: z.array(milestone),
  followUps: z.array(followUp),
  attachments: z.array(attachment),
  /** Agenda items that link this project, with their meeting. */
  links: z.array(
    z.object({
      agendaItemId: z.string(),
      meetingId: z.string(),
      meetingTitle: z.string(),
      meetingDate: z.string(),
      title: z.string(),
      decision: z.string(),
    }),
  ),
  /** Actions decided under those agenda items. */
  actions: z.array(
    z.object({
      id: z.string(),
      agendaItemId: z.string(),
      meetingId: z.string(),
      text: z.string(),
      owner: z.string().nullable(),
      dueDate: z.string().nullable(),
      done: z.boolean(),
    }),
  ),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const projectFilter = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  category: z.string().max(20).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  owner: z.string().max(60).optional(),
  overdue: z.boolean().optional(),
});

export const milestoneInput = z.strictObject({
  projectId: id,
  title: requiredText('节点名称', 100),
  dueDate: isoDate.nullable().default(null),
  weight: z
    .number({ error: '权重应为数字' })
    .int()
    .min(1, { error: '权重应为1到100的整数' })
    .max(100, { error: '权重应为1到100的整数' })
    .default(1),
});
export const milestonePatch = z.strictObject({
  id,
  title: requiredText('节点名称', 100).optional(),
  dueDate: isoDate.nullable().optional(),
  weight: z
    .number({ error: '权重应为数字' })
    .int()
    .min(1, { error: '权重应为1到100的整数' })
    .max(100, { error: '权重应为1到100的整数' })
    .optional(),
});

export const followUpInput = z.strictObject({
  projectId: id,
  date: isoDate,
  visitor: requiredText('回访人', 30),
  feedback: optionalText('群众意见', 2000).default(''),
  satisfaction: z.enum(SATISFACTION, { error: '满意度应为满意、基本满意或不满意' }),
});

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  kindLabel: z.string(),
  refId: z.string(),
  projectId: z.string().nullable(),
  meetingId: z.string().nullable(),
  /** The project or meeting the hit belongs to. */
  context: z.string().nullable(),
  title: z.string(),
  titleHighlights: z.array(z.tuple([z.number(), z.number()])),
  snippet: z.string(),
  snippetHighlights: z.array(z.tuple([z.number(), z.number()])),
});
export type SearchHit = z.infer<typeof searchHit>;

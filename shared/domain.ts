/** Domain constants and value schemas shared by the core and the UI. */
import { z } from 'zod';

export const ORGANISATIONS = ['村两委', '驻村工作队', '乡镇', '其他'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

/** Common roles, offered as suggestions; any text is accepted. */
export const COMMON_ROLES = [
  '党支部书记',
  '村委会主任',
  '党支部副书记',
  '村委会副主任',
  '村委委员',
  '监委会主任',
  '村文书',
  '妇联主席',
  '第一书记',
  '工作队队长',
  '工作队队员',
  '包村干部',
] as const;

export const PERSON_KINDS = ['member', 'guest'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const GUEST_CATEGORIES = ['致富带头人', '脱贫户', '种粮大户', '党员代表', '乡镇干部', '其他'] as const;

/**
 * Valid first two digits of a statistical division code (province level).
 * 71 台湾, 81 香港, 82 澳门 exist in the standard; villages there will not use this app,
 * but a code is not wrong for starting with them.
 */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Trim, and fold full-width digits (常见于从 Word/微信 粘贴) to ASCII. */
export function normaliseDigits(s: string): string {
  return s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export const divisionCode = z
  .string({ error: '请填写区划代码' })
  .transform(normaliseDigits)
  .pipe(
    z
      .string()
      .regex(/^\d{12}$/, { error: '区划代码应为12位数字（统计用区划代码，如 370102001001）' })
      .refine((c) => PROVINCE_PREFIXES.has(c.slice(0, 2)), {
        error: '区划代码前两位不是有效的省级代码',
      }),
  );

/** A short required text: trimmed, not empty, at most `max` characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` });

export const villageInput = z.strictObject({
  name: requiredText('村名称', 40),
  code: divisionCode,
  township: requiredText('所属乡镇', 40),
  county: requiredText('所属县（市、区）', 40),
});
export type VillageInput = z.input<typeof villageInput>;

export const village = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  township: z.string(),
  county: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number(),
});
export type Village = z.infer<typeof village>;

export const phone = z
  .string({ error: '联系电话应为文字' })
  .transform(normaliseDigits)
  .pipe(
    z.string().regex(/^$|^(1\d{10}|0\d{2,3}-?\d{7,8})$/, {
      error: '联系电话应为11位手机号或带区号的固定电话（如 0531-88886666）',
    }),
  );

/** Person fields without defaults: a patch must leave unmentioned fields alone. */
const personBase = {
  name: requiredText('姓名', 30),
  role: optionalText('职务', 30),
  organisation: z.enum(ORGANISATIONS, { error: '所属组织应为：村两委、驻村工作队、乡镇或其他' }),
  kind: z.enum(PERSON_KINDS, { error: '人员类别应为成员或列席人员' }),
  guestCategory: z.enum(GUEST_CATEGORIES, { error: '列席类别不在可选范围内' }).nullable(),
  phone,
  note: optionalText('备注', 200),
  isPartyMember: z.boolean({ error: '是否党员应为是或否' }),
};
export const personFields = {
  ...personBase,
  role: personBase.role.default(''),
  kind: personBase.kind.default('member'),
  guestCategory: personBase.guestCategory.default(null),
  phone: phone.default(''),
  note: personBase.note.default(''),
  isPartyMember: personBase.isPartyMember.default(false),
};
export const personInput = z.strictObject(personFields);
/**
 * zod 4 applies defaults inside .partial(): an update schema built from
 * personFields would blank every field the request leaves out.
 */
export const personPatch = z.strictObject(personBase).partial();
export type PersonInput = z.input<typeof personInput>;

export const person = z.object({
  id: z.string(),
  villageCode: z.string(),
  name: z.string(),
  role: z.string(),
  organisation: z.enum(ORGANISATIONS),
  kind: z.enum(PERSON_KINDS),
  guestCategory: z.enum(GUEST_CATEGORIES).nullable(),
  phone: z.string(),
  note: z.string(),
  isPartyMember: z.boolean(),
  sortOrder: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number(),
  deletedAt: z.string().nullable(),
});
export type Person = z.infer<typeof person>;

export const id = z
  .string({ error: '缺少编号' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: '编号格式不正确',
  });

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

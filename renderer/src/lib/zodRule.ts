/** Turns a shared zod schema into an antd Form rule, so the form checks exactly what the core checks. */
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = schema.safeParse(value ?? '');
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '填写内容不正确');
    },
  };
}

/** People registry rules, through the real dispatch. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

describe('people', () => {
  it('lists 村两委 first, then 驻村工作队, 乡镇, 其他; removed people disappear and come back on restore', async () => {
    await call(t.core, 'people.create', { name: '包村干部甲', organisation: '乡镇' });
    const wt = await call(t.core, 'people.create', { name: '王秀英', organisation: '驻村工作队', role: '第一书记' });
    await call(t.core, 'people.create', { name: '张建国', organisation: '村两委', role: '党支部书记' });
    await call(t.core, 'people.create', {
      name: '刘富贵',
      organisation: '其他',
      kind: 'guest',
      guestCategory: '致富带头人',
    });
    expect((await call(t.core, 'people.list', {})).map((p) => p.name)).toEqual([
      '张建国',
      '王秀英',
      '包村干部甲',
      '刘富贵',
    ]);
    expect((await call(t.core, 'people.list', { kind: 'guest' })).map((p) => p.name)).toEqual(['刘富贵']);
    await call(t.core, 'people.remove', { id: wt.id });
    expect((await call(t.core, 'people.list', {})).map((p) => p.name)).not.toContain('王秀英');
    await call(t.core, 'people.restore', { id: wt.id });
    expect((await call(t.core, 'people.list', {})).map((p) => p.name)).toContain('王秀英');
  });

  it('refuses a guest category on a member, with a Chinese message naming the field', async () => {
    const r = await t.core.dispatch('people.create', {
      name: '张三',
      organisation: '村两委',
      kind: 'member',
      guestCategory: '脱贫户',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'USER_ERROR', field: 'guestCategory' } });
    expect(await call(t.core, 'people.list', {})).toEqual([]);
  });

  it('phones: 11-digit mobiles and landlines with area codes; full-width digits are folded', async () => {
    expect(
      (await call(t.core, 'people.create', { name: '甲', organisation: '村两委', phone: '１３８０５３１０００１' }))
        .phone,
    ).toBe('13805310001');
    expect(
      (await call(t.core, 'people.create', { name: '乙', organisation: '村两委', phone: '0531-88886666' })).phone,
    ).toBe('0531-88886666');
    for (const bad of ['12345', '2380531000', 'abc']) {
      const r = await t.core.dispatch('people.create', { name: '丙', organisation: '村两委', phone: bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', field: 'phone' } });
      if (!r.ok) expect(r.error.message).toContain('联系电话');
    }
  });

  it('an unknown or another village’s id is NOT_FOUND', async () => {
    const r = await t.core.dispatch('people.update', { id: '01900000-0000-7000-8000-000000000000', name: '某人' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('village set-up', () => {
  it('division codes: 12 digits with a real province prefix; full-width digits folded', async () => {
    const fresh = await openTestCore({ setup: false });
    try {
      for (const code of ['12345', '3701020010011', '990102001001', '37010200100a']) {
        const r = await fresh.core.dispatch('village.setup', {
          name: '王庄村',
          code,
          township: '柳埠镇',
          county: '历城区',
        });
        expect(r, code).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', field: 'code' } });
      }
      const v = await call(fresh.core, 'village.setup', {
        name: '王庄村',
        code: '３７０１０２００１００１',
        township: '柳埠镇',
        county: '历城区',
      });
      expect(v.code).toBe('370102001001');
      const again = await fresh.core.dispatch('village.setup', {
        name: '李村',
        code: '370102001002',
        township: '柳埠镇',
        county: '历城区',
      });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      await fresh.cleanup();
    }
  });

  it('before set-up, domain calls answer NOT_SET_UP', async () => {
    const fresh = await openTestCore({ setup: false });
    try {
      expect(await fresh.core.dispatch('people.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP' } });
      expect(await fresh.core.dispatch('village.get', {})).toEqual({ ok: true, value: null });
    } finally {
      await fresh.cleanup();
    }
  });
});

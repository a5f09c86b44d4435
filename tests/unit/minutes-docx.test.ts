/** 纪要 .docx: unzipped and read back — page, margins, grid, fonts, numbered decisions, attendance lines. */
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore } from '../helpers/tempdb';
import { seed } from '../../electron/core/seed/seed';
import { latestMeetingId } from '../../electron/core/documents/minutesModel';

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
});
afterEach(() => t.cleanup());

async function open(meetingId: string) {
  const r = await call(t.core, 'documents.minutesDocx', { meetingId });
  const zip = await JSZip.loadAsync(Buffer.from(r.dataBase64, 'base64'));
  const part = async (name: string) => {
    const xml = await zip.file(name)?.async('string');
    if (xml === undefined) throw new Error(`${name} missing`);
    xml2js(xml); // throws unless well-formed
    return xml;
  };
  const doc = await part('word/document.xml');
  // Paragraph texts, in order.
  const paras = [...doc.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
  return { fileName: r.fileName, zip, doc, paras, part };
}

describe('纪要 .docx', () => {
  it('is laid out as GB/T 9704: A4, margins, 22 × 28 grid, fonts and sizes, page numbers', async () => {
    const { meeting } = await heldMeeting(t.core);
    const { doc, part, fileName, zip } = await open(meeting.id);
    expect(fileName).toBe('王庄村联席会议纪要（第1次，2026年12月1日）.docx');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37 / 35 / 28 / 26 mm in twips.
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // 22 lines: 225 mm / 22 = 579 twips a line; 28 characters: 16 pt drawn 0.2 pt closer.
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    // Title: 2号 (22 pt = 44 half-points) 小标宋, centred.
    const title = /<w:p>(?:(?!<\/w:p>).)*王庄村联席会议纪要(?:(?!<\/w:p>).)*<\/w:p>/s.exec(doc)![0];
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    // Body: 3号 (16 pt) 仿宋; headings 黑体 and 楷体.
    const body = /<w:p>(?:(?!<\/w:p>).)*路灯损坏6盏(?:(?!<\/w:p>).)*<\/w:p>/s.exec(doc)![0];
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain('<w:spacing w:val="-4"/>');
    expect(body).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    expect(/<w:p>(?:(?!<\/w:p>).)*四、村东路灯维修(?:(?!<\/w:p>).)*<\/w:p>/s.exec(doc)![0]).toContain(
      'w:eastAsia="黑体"',
    );
    expect(/<w:p>(?:(?!<\/w:p>).)*落实事项：(?:(?!<\/w:p>).)*<\/w:p>/s.exec(doc)![0]).toContain(
      'w:eastAsia="楷体_GB2312"',
    );
    // Page numbers — 1 — in 4号 宋体, odd pages right and even pages left.
    const settings = await part('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map(part),
    );
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/PAGE/);
      expect(f).toContain('— ');
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
    // Fallbacks a PC without 小标宋 or 仿宋_GB2312 uses.
    const fonts = await part('word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('says 时间 地点 主持人 记录人, numbers decisions with 责任人 and 完成时限, ends with 出席/请假/列席', async () => {
    const { meeting } = await heldMeeting(t.core);
    const { paras } = await open(meeting.id);
    expect(paras.slice(0, 2)).toEqual(['王庄村联席会议纪要', '第1次']);
    expect(paras).toContain('时间：2026年12月1日 09:00');
    expect(paras).toContain('地点：村委会会议室');
    expect(paras).toContain('主持人：张建国');
    expect(paras).toContain('记录人：李文书');
    expect(paras).toContain('王秀英汇报。');
    expect(paras).toContain('走访农户32户，收集诉求5条。');
    expect(paras).toContain('会议议定：同意由村集体经济列支维修费用。');
    // Each item's actions under it, numbered within it; 责任人 and 完成时限 only where known.
    const after = (heading: string, n: number) =>
      paras.slice(paras.indexOf(heading) + 1, paras.indexOf(heading) + 1 + n);
    expect(after('三、村两委和驻村工作队本周工作汇报', 4)).toEqual([
      '王秀英汇报。',
      '王秀英汇报了本周走访情况。',
      '走访农户32户，收集诉求5条。',
      '落实事项：',
    ]);
    expect(paras).toContain('（1）逐户回复群众诉求。责任人：王秀英；完成时限：分期分批推进。');
    expect(after('四、村东路灯维修', 5)).toEqual([
      '路灯损坏6盏，群众反映强烈。',
      '会议议定：同意由村集体经济列支维修费用。',
      '落实事项：',
      '（1）联系电工检修村东路灯。责任人：赵德胜；完成时限：2026年12月5日前。',
      '（2）公示维修费用。责任人：李文书；完成时限：立即办理。',
    ]);
    // An empty field is left out: no placeholder is printed.
    expect(paras.join('\n')).not.toMatch(/未记录|未指定|（空）/);
    expect(paras.slice(-3)).toEqual([
      '出席：张建国（党支部书记）、李文书（村文书）、王秀英（第一书记）',
      '请假：赵德胜（村委委员）',
      '列席：刘富贵（致富带头人）',
    ]);
  });

  it('the seeded latest meeting: no placeholder, actions numbered in their item, the carry-over', async () => {
    await seed(t.core.ctx, 'small');
    const { paras } = await open(await latestMeetingId(t.core.ctx));
    const all = paras.join('\n');
    expect(all).not.toMatch(/未记录|未指定/);
    expect(all).not.toMatch(/^[一二三四五六七八九十]+、.*责任人/m);
    const heading = paras.findIndex((p) => p === '以前会议议定事项落实情况：');
    expect(heading).toBeGreaterThan(0);
    const carried = paras.slice(heading + 1).filter((p) => p.startsWith('（'));
    expect(carried.length).toBeGreaterThan(0);
    expect(carried[0]).toMatch(/^（1）.+（\d+月\d+日第\d+次会议议定(，责任人：.+)?）：(已完成|未完成，已 \d+ 周)。$/);
    expect(all).toMatch(/落实事项：\n（1）/);
  });

  it('amended minutes say so', async () => {
    const { meeting, items } = await heldMeeting(t.core);
    await call(t.core, 'meetings.finalise', { id: meeting.id });
    await call(t.core, 'agenda.update', {
      id: items.decide.id,
      decision: '同意维修，费用从村集体经济列支。',
      reason: '补充资金来源',
    });
    const { paras } = await open(meeting.id);
    expect(paras[2]).toBe('（本纪要签发后于2026年11月25日修改）');
  });

  it('an empty meeting, a 60-item meeting and text outside the BMP all make valid documents', async () => {
    const empty = await call(t.core, 'meetings.createThematic', {
      title: '临时会',
      date: '2026-11-20',
      time: '15:00',
      place: '村委会',
    });
    const e = await open(empty.id);
    expect(e.paras).toContain('本次会议未列议题。');

    const big = await call(t.core, 'meetings.createThematic', {
      title: '大会',
      date: '2026-11-21',
      time: '09:00',
      place: '村委会',
    });
    for (let i = 1; i <= 60; i++) {
      const it = await call(t.core, 'agenda.add', { meetingId: big.id, type: '议事决策', title: `议题${i}𠀀` });
      await call(t.core, 'agenda.update', { id: it.id, notes: `讨论${i}：𠀀𠀁𪚥 控制字符\u0001也不怕` });
      await call(t.core, 'actions.add', { agendaItemId: it.id, text: `事项${i}𠀀` });
    }
    const b = await open(big.id);
    expect(b.paras).toContain('六十、议题60𠀀');
    expect(b.paras).toContain('讨论1：𠀀𠀁𪚥 控制字符也不怕');
    expect(b.paras).toContain('（1）事项60𠀀。');
  });

  it('refuses a meeting that does not exist', async () => {
    const r = await t.core.dispatch('documents.minutesDocx', { meetingId: '01900000-0000-7000-8000-000000000000' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

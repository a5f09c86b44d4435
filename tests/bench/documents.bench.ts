/** Documents: the 纪要 .docx of a 60-item meeting, and a 周报 over the county-scale database. */
import { openCore } from '../../electron/core/index';
import { pct, sample, type Row } from './lib';
import { testClock } from '../helpers/clock';

export async function documentBenchmarks({ dbPath }: { dbPath: string }): Promise<Row[]> {
  const core = await openCore({ clock: testClock(), dbPath });
  const must = async (channel: string, req: unknown) => {
    const r = await core.dispatch(channel, req);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: string };
  };
  try {
    const m = await must('meetings.createThematic', {
      title: '六十个议题的专题会',
      date: '2026-11-20',
      time: '09:00',
      place: '村委会会议室',
    });
    for (let i = 1; i <= 60; i++) {
      const item = await must('agenda.add', {
        meetingId: m.id,
        type: '议事决策',
        title: `关于第${i}组道路硬化和路灯安装的议题`,
      });
      await must('agenda.update', {
        id: item.id,
        notes: '经讨论，与会人员一致认为应尽快推进。'.repeat(8),
        decision: '同意实施，资金从村集体经济列支。',
      });
      for (let k = 0; k < 2; k++)
        await must('actions.add', {
          agendaItemId: item.id,
          text: `落实第${i}组第${k + 1}项工作`,
          dueDate: '2026-12-31',
        });
    }
    const docx = await sample(20, () => core.dispatch('documents.minutesDocx', { meetingId: m.id }), 3);
    const model = await sample(20, () => core.dispatch('documents.minutes', { meetingId: m.id }), 3);
    const weekly = await sample(
      10,
      () => core.dispatch('documents.weeklyFile', { week: '2026-W47', format: 'docx' }),
      2,
    );
    return [
      {
        name: '纪要 .docx, 60 items / 120 actions p50',
        value: pct(docx, 50),
        unit: 'ms',
        baseline: pct(model, 50),
        note: 'baseline: loading the minutes model alone',
      },
      { name: '纪要 .docx p95', value: pct(docx, 95), unit: 'ms', baseline: pct(model, 95) },
      {
        name: '周报 .docx over the county database p50',
        value: pct(weekly, 50),
        unit: 'ms',
        note: '~100k actions scanned',
      },
    ];
  } finally {
    await core.close();
  }
}

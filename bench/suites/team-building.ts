import type { BenchContext, BenchRow } from '../run';
import { Workspace } from '../../src-main/db/workspace';
import { dispatch } from '../../src-main/runtime/dispatch';

/**
 * Issue 16 on the large demo (1,000 salespeople, a year of training): the recruitment funnel and the
 * training-effect table of every course, each the median of three runs after one warm-up, through the
 * same dispatch as every door (goal < 500 ms each).
 */
export default async function teamBuildingSuite(ctx: BenchContext): Promise<BenchRow[]> {
  const goal = '< 500 ms';
  if (!ctx.largeDemoDir)
    return [{ what: 'recruitment funnel and training-effect table', value: 'skipped (--skip-large)', goal }];
  const ws = new Workspace(ctx.largeDemoDir);
  try {
    const time = async (name: string, input: unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const start = performance.now();
        const r = await dispatch(ws, name, input, { lang: 'zh-CN', actor: 'bench' });
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        times.push(performance.now() - start);
      }
      return times.slice(1).sort((a, b) => a - b)[1];
    };
    const courses = ws.db.prepare('SELECT count(*) FROM training_plans').pluck().get() as number;
    const attendance = ws.db.prepare('SELECT count(*) FROM training_attendance').pluck().get() as number;
    return [
      {
        what: 'recruitment: funnel of every plan by channel (median of 3)',
        value: `${(await time('recruit/funnel', {})).toFixed(0)} ms`,
        goal,
      },
      {
        what: `training: effect table of ${courses} courses, ${attendance.toLocaleString('en')} attendances (median of 3)`,
        value: `${(await time('training/effect-table', {})).toFixed(0)} ms`,
        goal,
      },
    ];
  } finally {
    ws.close();
  }
}

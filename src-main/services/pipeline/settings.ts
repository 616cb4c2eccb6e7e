import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import { OPEN_STAGES, type PipelineSettings } from '../../contract/pipeline';
import { t } from '../../i18n/messages';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { getSetting, putSetting } from '../system/settings';

const KEY = 'pipeline.settings';

/** P3.1: what each stage implies, a starting point the company edits; P2.6: coverage warns below 3×. */
export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  probabilities: { needs: 10, proposal: 25, demo: 40, negotiation: 60, contract: 80, won: 100, lost: 0 },
  coverageThreshold: 3,
  demoTemplates: {
    default: [
      '演示方案与讲解稿',
      '演示设备与备用机',
      '投影/显示设备',
      '网络与账号',
      '产品资料与报价单',
      '客户需求清单',
    ],
  },
};

export function pipelineSettings(db: Database): PipelineSettings {
  const raw = getSetting(db, KEY);
  if (!raw) return DEFAULT_PIPELINE_SETTINGS;
  const saved = JSON.parse(raw) as Partial<PipelineSettings>;
  return {
    ...DEFAULT_PIPELINE_SETTINGS,
    ...saved,
    probabilities: { ...DEFAULT_PIPELINE_SETTINGS.probabilities, ...saved.probabilities },
    demoTemplates: { ...DEFAULT_PIPELINE_SETTINGS.demoTemplates, ...saved.demoTemplates },
  };
}

export function setPipelineSettings(
  ctx: ServiceContext,
  input: ParsedInput<'pipeline/set-settings'>,
): PipelineSettings {
  return ctx.db.transaction(() => {
    const before = pipelineSettings(ctx.db);
    const after: PipelineSettings = {
      probabilities: { ...before.probabilities, ...input.probabilities },
      coverageThreshold: input.coverageThreshold ?? before.coverageThreshold,
      demoTemplates: input.demoTemplates ? { ...before.demoTemplates, ...input.demoTemplates } : before.demoTemplates,
    };
    // P3.1: a deal further along is at least as likely to close as one a stage behind it
    for (let i = 1; i < OPEN_STAGES.length; i++) {
      const [prev, stage] = [OPEN_STAGES[i - 1], OPEN_STAGES[i]];
      if (after.probabilities[stage] < after.probabilities[prev])
        throw new WorkbenchError('pipeline/probabilities-order', {
          stage: t(ctx.lang, `pipeline.stage.${stage}`),
          value: after.probabilities[stage],
          before: t(ctx.lang, `pipeline.stage.${prev}`),
          previous: after.probabilities[prev],
        });
    }
    putSetting(ctx.db, KEY, JSON.stringify(after));
    audit(ctx.db, { actor: ctx.actor, entity: 'settings', entityId: KEY, oldValue: before, newValue: after });
    return after;
  })();
}

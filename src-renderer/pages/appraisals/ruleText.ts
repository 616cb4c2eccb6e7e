import type { TFunction } from 'i18next';
import type { RuleCondition, SchemeDefinition } from '../../../src-main/contract/appraisal-scheme';
import type { Lang } from '../../i18n/lang';

export const OPS = { gte: '≥', gt: '>', lte: '≤', lt: '<' } as const;

/** A rule's condition as the manager reads it: "Target completion < 80 (3 quarters running)". */
export function conditionText(c: RuleCondition, def: SchemeDefinition, lang: Lang, t: TFunction): string {
  switch (c.kind) {
    case 'kpi': {
      const label = def.kpis.find((k) => k.key === c.kpi)?.label[lang] ?? c.kpi;
      const base = `${label} ${OPS[c.op]} ${c.value}`;
      return c.consecutive > 1 ? t('appraisal.ui.rule.consecutive', { base, n: c.consecutive }) : base;
    }
    case 'grade':
      return t('appraisal.ui.rule.grade', { grades: c.grades.join(', ') });
    case 'challenge':
      return t('appraisal.ui.rule.challenge');
    case 'incident':
      return t('appraisal.ui.rule.incident', {
        kinds: c.kinds.map((k) => t(`appraisal.ui.incidentKind.${k}`)).join(lang === 'zh-CN' ? '或' : ' or '),
      });
  }
}

import { App, Button, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';

/** For each person behind target, the gap and a ranked to-do list; one click makes a suggestion an activity (P2.6). */
export function SuggestionsTab({ period }: { period: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const s = useOp('plans/suggestions', { period, limit: 8 }, { retry: false });
  const take = useOpMutation('plans/take-suggestion');
  if (s.isPending) return <Skeleton active />;
  if (s.isError) return <ErrorState error={s.error} onRetry={() => void s.refetch()} />;
  if (s.data.people.length === 0) return <Empty description={t('plans.ui.nobodyBehind', { period })} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('plans.ui.suggestionsHelp', { asOf: s.data.asOf, count: s.data.people.length })}
      </Typography.Paragraph>
      {s.data.people.slice(0, 50).map((p) => (
        <Card
          key={p.staffId}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${p.name} · ${p.employeeNo} · ${p.team ?? ''}`}
          extra={
            <Typography.Text type="danger">
              {t('plans.ui.gap', {
                gap: formatMoney(p.gap, lang),
                actual: formatMoney(p.actual, lang),
                target: formatMoney(p.target, lang),
              })}
            </Typography.Text>
          }
        >
          {p.suggestions.length === 0 && (
            <Typography.Text type="secondary">{t('plans.ui.noSuggestions')}</Typography.Text>
          )}
          {p.suggestions.map((x) => (
            <div
              key={x.key}
              className="wb-suggestion"
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                alignItems: 'center',
                padding: '4px 0',
                borderBottom: '1px solid #f0f0f0',
              }}
            >
              <span>
                <Tag>{t(`plans.suggestionKind.${x.kind}`)}</Tag>{' '}
                {t(`plans.suggestion.title-${x.kind}`, { customer: x.customer })}{' '}
                <Typography.Text type="secondary">
                  · {formatMoney(x.value, lang)}
                  {x.kind === 'care-overdue' && ` · ${String(x.detail.occasion)} ${String(x.detail.date)}`}
                  {x.kind === 'visit-overdue' &&
                    ` · ${t('plans.ui.visitDue', { date: x.detail.due, days: x.detail.daysOverdue })}`}
                  {x.kind === 'ticket-open' && ` · ${String(x.detail.ticket)}`}
                </Typography.Text>
              </span>
              {x.taken ? (
                <Tag color="green">{t('plans.ui.taken')}</Tag>
              ) : (
                <Button
                  size="small"
                  loading={take.isPending}
                  onClick={() =>
                    take.mutate(
                      { period, person: p.employeeNo, key: x.key },
                      {
                        onSuccess: () => void message.success(t('plans.ui.madeActivity')),
                        onError: (e) => void message.error(errorMessage(e)),
                      },
                    )
                  }
                >
                  {t('plans.ui.makeActivity')}
                </Button>
              )}
            </div>
          ))}
        </Card>
      ))}
    </>
  );
}

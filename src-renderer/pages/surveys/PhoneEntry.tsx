import { CheckCircleTwoTone, PhoneOutlined, StepForwardOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Input,
  Modal,
  Skeleton,
  Space,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDetail } from '../../../src-main/contract/survey';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { AnswerInput, type Answer } from './AnswerInput';

/** A large audience (the large demo: 20,000 customers) is searched, not scrolled: the list shows this many. */
const MAX_LISTED = 200;

/**
 * Phone interviews (P4.7 "电话访谈", issue #5 item 3): the plan's customers one after another, unanswered
 * first; answers by keyboard (see AnswerInput); Ctrl+Enter or Enter on the last question saves and opens
 * the next customer.
 */
export function PhoneEntry({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const audience = useOp('survey/audience', { surveyId: survey.id });
  const staff = useOp('staff/list', { includeInactive: false });
  const enter = useOpMutation('survey/enter-response');
  // undefined: nobody picked yet, so the first customer still to be called; null: no customer (anonymous)
  const [picked, setCustomerId] = useState<number | null | undefined>(undefined);
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const [search, setSearch] = useState('');
  const [doneHere, setDoneHere] = useState(0);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  // The question an automatic move went to: its first Enter confirms the answer before it (AnswerInput).
  const confirmAt = useRef<number | null>(null);
  const [summary, setSummary] = useState(false);
  const questions = survey.questionList;

  const people = useMemo(() => audience.data ?? [], [audience.data]);
  const open = people.filter((c) => !c.answered);
  const customerId = picked === undefined ? (open[0]?.customerId ?? null) : picked;
  const current = people.find((c) => c.customerId === customerId) ?? null;
  const shown = useMemo(() => {
    const s = search.trim().toLowerCase();
    return s
      ? people.filter((c) =>
          [c.name, c.code, c.contact, c.phone, c.ownerName].some((x) => x?.toLowerCase().includes(s)),
        )
      : people;
  }, [people, search]);
  const salespeople = useMemo(
    () => (staff.data ?? []).map((p) => ({ value: p.employeeNo, label: `${p.name} (${p.employeeNo})` })),
    [staff.data],
  );

  const focus = (i: number) => {
    const el = refs.current[i];
    if (!el) return;
    if (el.tabIndex === 0) el.focus();
    else el.querySelector<HTMLElement>('textarea, input')?.focus();
  };
  // Issue 12 item 3: the cursor is in the first question when the tab opens, and again for each customer
  // (the questions are drawn anew when the audience arrives and the first customer is chosen).
  useEffect(() => {
    const timer = setTimeout(() => focus(0), 0);
    return () => clearTimeout(timer);
  }, [customerId]);
  const pick = (id: number | null) => {
    setCustomerId(id);
    setAnswers({});
    setTimeout(() => focus(0), 0);
  };
  const nextCustomer = (after: number | null) => {
    const i = people.findIndex((c) => c.customerId === after);
    const next =
      people.slice(i + 1).find((c) => !c.answered && c.customerId !== after) ??
      people.find((c) => !c.answered && c.customerId !== after);
    pick(next?.customerId ?? null);
  };

  const givenAnswers = () =>
    questions
      .map((q) => ({ questionId: q.id, value: answers[q.id] ?? null }))
      .filter((a) => a.value !== null && !(Array.isArray(a.value) && a.value.length === 0));
  // Nothing is saved before the interviewer has seen every answer once (issue 12 item 3).
  const review = () => {
    if (!givenAnswers().length) {
      message.warning(t('survey.ui.entry.nothing'));
      return;
    }
    setSummary(true);
  };
  const save = async () => {
    const given = givenAnswers();
    setSummary(false);
    try {
      await enter.mutateAsync({
        surveyId: survey.id,
        customerId: current?.customerId ?? null,
        channel: 'phone',
        answers: given.map((a) => ({ ...a, value: a.value as number | string | string[] })),
      });
      setDoneHere((n) => n + 1);
      message.success(t('survey.ui.entry.saved', { name: current?.name ?? t('survey.ui.entry.anonymous') }));
      nextCustomer(current?.customerId ?? null);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (survey.status === 'closed') return <Alert type="info" showIcon title={t('survey.ui.entry.closed')} />;
  if (!questions.length) return <Alert type="info" showIcon title={t('survey.ui.entry.noQuestions')} />;

  return (
    <div
      className="wb-entry"
      onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !summary && (e.preventDefault(), review())}
    >
      <div className="wb-entry-list">
        <Input.Search
          allowClear
          placeholder={t('survey.ui.entry.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Typography.Text type="secondary" className="wb-entry-count">
          {t('survey.ui.entry.progress', { open: open.length, total: people.length, done: doneHere })}
        </Typography.Text>
        <div className="wb-entry-customers" role="list">
          {audience.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
          {!audience.isPending && shown.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.ui.entry.noAudience')} />
          )}
          {shown.slice(0, MAX_LISTED).map((c) => (
            <div
              key={c.customerId}
              role="listitem"
              className={`wb-entry-customer${c.customerId === customerId ? ' wb-entry-current' : ''}`}
              onClick={() => !c.answered && pick(c.customerId)}
              data-testid="entry-customer"
            >
              <Space>
                {c.answered ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <PhoneOutlined />}
                <span className={c.answered ? 'wb-entry-answered' : undefined}>{c.name}</span>
              </Space>
              <Typography.Text type="secondary">{c.ownerName}</Typography.Text>
            </div>
          ))}
          {shown.length > MAX_LISTED && (
            <Typography.Text type="secondary">
              {t('survey.ui.entry.more', { count: shown.length - MAX_LISTED })}
            </Typography.Text>
          )}
        </div>
      </div>
      <div className="wb-entry-form" data-testid="entry-form">
        <div className="wb-entry-who">
          {current ? (
            <>
              <Typography.Title level={4} data-testid="entry-customer-name">
                {current.name}
              </Typography.Title>
              <Space wrap>
                {current.contact && <Tag>{current.contact}</Tag>}
                {current.phone && (
                  <Tag icon={<PhoneOutlined />} color="blue">
                    {current.phone}
                  </Tag>
                )}
                {current.ownerName && <Tag>{t('survey.ui.entry.owner', { name: current.ownerName })}</Tag>}
              </Space>
            </>
          ) : (
            <Typography.Title level={4}>{t('survey.ui.entry.anonymous')}</Typography.Title>
          )}
          <Typography.Paragraph type="secondary" className="wb-entry-help">
            {t('survey.ui.entry.help')}
          </Typography.Paragraph>
        </div>
        {questions.map((q, i) => (
          <AnswerInput
            key={`${customerId}-${q.id}`}
            ref={(el) => {
              refs.current[i] = el;
            }}
            question={q}
            value={answers[q.id] ?? null}
            onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
            onNext={(auto) => {
              confirmAt.current = auto ? i + 1 : null;
              if (i + 1 < questions.length) focus(i + 1);
              else if (!auto) review();
            }}
            takeConfirm={() => {
              const yes = confirmAt.current === i;
              confirmAt.current = null;
              return yes;
            }}
            salespeople={salespeople}
          />
        ))}
        <div className="wb-toolbar">
          <Button icon={<StepForwardOutlined />} onClick={() => nextCustomer(customerId)} disabled={!current}>
            {t('survey.ui.entry.skip')}
          </Button>
          <Button type="primary" onClick={review} loading={enter.isPending} data-testid="entry-save">
            {t('survey.ui.entry.save')}
          </Button>
        </div>
      </div>
      <Modal
        open={summary}
        title={t('survey.ui.entry.summaryTitle', { name: current?.name ?? t('survey.ui.entry.anonymous') })}
        okText={t('survey.ui.entry.summarySave')}
        cancelText={t('survey.ui.entry.summaryBack')}
        onOk={() => void save()}
        onCancel={() => setSummary(false)}
        okButtonProps={{ autoFocus: true, 'data-testid': 'entry-summary-save' } as ButtonProps}
        destroyOnHidden
      >
        <Descriptions column={1} size="small" bordered data-testid="entry-summary">
          {questions.map((q) => {
            const v = answers[q.id];
            const shown =
              v == null || (Array.isArray(v) && v.length === 0)
                ? t('survey.ui.entry.unanswered')
                : Array.isArray(v)
                  ? v.join(', ')
                  : String(v);
            return (
              <Descriptions.Item key={q.id} label={`${q.position}. ${q.text}`}>
                <span data-testid={`summary-${q.code}`}>{shown}</span>
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      </Modal>
    </div>
  );
}

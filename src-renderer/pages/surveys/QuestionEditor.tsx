import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_LIKERT_LABELS,
  QUESTION_TYPES,
  type QuestionType,
  type SurveyDetail,
} from '../../../src-main/contract/survey';
import { errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';

interface Draft {
  key: string;
  id?: number;
  code: string;
  text: string;
  type: QuestionType;
  zh: string[];
  en: string[];
  choices: string[];
  answers: number;
}

let seq = 0;

function fromSurvey(s: SurveyDetail): Draft[] {
  return s.questionList.map((q) => ({
    key: `q${q.id}`,
    id: q.id,
    code: q.code,
    text: q.text,
    type: q.type,
    zh: q.options.labels?.['zh-CN'] ?? DEFAULT_LIKERT_LABELS['zh-CN'],
    en: q.options.labels?.en ?? DEFAULT_LIKERT_LABELS.en,
    choices: q.options.choices ?? [],
    answers: q.answers,
  }));
}

/** The questionnaire editor (issue #5 item 2): every question type, 5-point labels in both languages. */
export function QuestionEditor({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useOpMutation('survey/save-questions');
  // null until the manager changes something: the saved questionnaire is shown as it is
  const [edited, setEdited] = useState<Draft[] | null>(null);
  const drafts = useMemo(() => edited ?? fromSurvey(survey), [edited, survey]);
  const dirty = edited !== null;
  const setDrafts = (f: (d: Draft[]) => Draft[]) => setEdited(f(drafts));

  const change = (i: number, patch: Partial<Draft>) =>
    setDrafts((d) => d.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: number) =>
    setDrafts((d) => {
      const next = [...d];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const add = () => {
    setDrafts((d) => [
      ...d,
      {
        key: `new${++seq}`,
        code: '',
        text: '',
        type: 'likert5',
        zh: DEFAULT_LIKERT_LABELS['zh-CN'],
        en: DEFAULT_LIKERT_LABELS.en,
        choices: [],
        answers: 0,
      },
    ]);
  };
  const submit = async () => {
    try {
      await save.mutateAsync({
        surveyId: survey.id,
        questions: drafts.map((d) => ({
          ...(d.id ? { id: d.id } : {}),
          ...(d.code.trim() ? { code: d.code.trim() } : {}),
          text: d.text,
          type: d.type,
          options:
            d.type === 'likert5'
              ? { labels: { 'zh-CN': d.zh, en: d.en } }
              : d.type === 'choice' || d.type === 'multi'
                ? { choices: d.choices }
                : {},
        })),
      });
      setEdited(null);
      message.success(t('survey.ui.questions.saved'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="wb-questions" data-testid="question-editor">
      <Typography.Paragraph type="secondary">{t('survey.ui.questions.hint')}</Typography.Paragraph>
      {drafts.map((d, i) => (
        <div key={d.key} className="wb-question" data-testid="question-row">
          <div className="wb-question-head">
            <span className="wb-question-no">{i + 1}</span>
            <Input
              className="wb-question-code"
              value={d.code}
              placeholder={`q${String(i + 1).padStart(2, '0')}`}
              onChange={(e) => change(i, { code: e.target.value })}
              aria-label={t('survey.ui.questions.code')}
            />
            <Input
              value={d.text}
              placeholder={t('survey.ui.questions.text')}
              onChange={(e) => change(i, { text: e.target.value })}
              status={d.text.trim() ? undefined : 'warning'}
              data-testid="question-text"
            />
            <Tooltip title={d.answers > 0 ? t('survey.ui.questions.locked', { count: d.answers }) : undefined}>
              <Select<QuestionType>
                className="wb-question-type"
                value={d.type}
                disabled={d.answers > 0}
                onChange={(type) => change(i, { type })}
                options={QUESTION_TYPES.map((q) => ({ value: q, label: t(`survey.ui.type.${q}`) }))}
              />
            </Tooltip>
            {d.answers > 0 && <Tag>{t('survey.ui.questions.answers', { count: d.answers })}</Tag>}
            <Space.Compact>
              <Button
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('survey.ui.questions.up')}
              />
              <Button
                icon={<ArrowDownOutlined />}
                disabled={i === drafts.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('survey.ui.questions.down')}
              />
              <Button
                icon={<DeleteOutlined />}
                danger
                disabled={d.answers > 0}
                onClick={() => setDrafts((x) => x.filter((_, j) => j !== i))}
                aria-label={t('survey.ui.questions.remove')}
              />
            </Space.Compact>
          </div>
          {d.type === 'likert5' && (
            <div className="wb-question-labels">
              {(['zh', 'en'] as const).map((lang) => (
                <div key={lang} className="wb-question-label-row">
                  <span className="wb-question-lang">{lang === 'zh' ? '中文' : 'English'}</span>
                  {d[lang].map((label, k) => (
                    <Input
                      key={k}
                      value={label}
                      prefix={<span className="wb-question-score">{k + 1}</span>}
                      onChange={(e) => change(i, { [lang]: d[lang].map((x, m) => (m === k ? e.target.value : x)) })}
                      status={label.trim() ? undefined : 'error'}
                    />
                  ))}
                </div>
              ))}
            </div>
          )}
          {(d.type === 'choice' || d.type === 'multi') && (
            <Select
              mode="tags"
              className="wb-question-choices"
              value={d.choices}
              onChange={(choices: string[]) => change(i, { choices })}
              placeholder={t('survey.ui.questions.choices')}
              status={d.choices.length < 2 ? 'warning' : undefined}
              open={false}
              tokenSeparators={['\n']}
            />
          )}
          {d.type !== 'likert5' && d.type !== 'choice' && d.type !== 'multi' && (
            <div className="wb-question-help">{t(`survey.ui.typeHelp.${d.type}`)}</div>
          )}
        </div>
      ))}
      {drafts.length === 0 && <Alert type="info" showIcon title={t('survey.ui.questions.none')} />}
      <div className="wb-toolbar wb-questions-foot">
        <Button icon={<PlusOutlined />} onClick={add} data-testid="question-add">
          {t('survey.ui.questions.add')}
        </Button>
        <Space>
          {dirty && <Typography.Text type="warning">{t('survey.ui.questions.unsaved')}</Typography.Text>}
          {dirty && <Button onClick={() => setEdited(null)}>{t('survey.ui.questions.revert')}</Button>}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty || drafts.length === 0}
            loading={save.isPending}
            onClick={() => void submit()}
            data-testid="questions-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      </div>
    </div>
  );
}

import { App, Button, Card, List, Modal, Select, Space, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSurveyResult } from '../../../src-main/contract/survey';
import type { Participant, SessionFeedback, TrainingSession } from '../../../src-main/contract/training';
import { errorMessage } from '../../backend/ApiError';
import { invoke, uploadFile } from '../../backend/transport';
import { useOp, useOpMutation } from '../../backend/useOp';
import { useRunJob } from '../../components/JobRunner';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/LanguageProvider';
import { AnswerInput, type Answer } from '../surveys/AnswerInput';
import { QuestionResults } from '../surveys/QuestionResults';
import '../surveys/surveys.css';

/**
 * P5.5: the participants' feedback on one session, through the survey engine. The questionnaire is a
 * survey (made from the standard questions or another survey's), forms are typed in or a platform's
 * export imported, and the results are the survey's own analysis, shown here and on the Surveys screen.
 */
export function FeedbackPanel({ session, people }: { session: TrainingSession; people: Participant[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const feedback = useOp('training/feedback', { sessionId: session.id });
  const surveys = useOp('survey/list', {});
  const create = useOpMutation('training/feedback-create');
  const [from, setFrom] = useState<number | undefined>();
  const [entering, setEntering] = useState(false);
  const f = feedback.data;
  if (!f) return null;
  if (!f.survey)
    return (
      <Card size="small" title={t('training.feedback.title')} style={{ marginTop: 16 }} data-testid="feedback">
        <Space wrap>
          <Typography.Text type="secondary">{t('training.feedback.none')}</Typography.Text>
          <Select
            allowClear
            style={{ width: 320 }}
            placeholder={t('training.feedback.standard')}
            value={from}
            onChange={setFrom}
            options={(surveys.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            data-testid="feedback-from"
          />
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() =>
              void create
                .mutateAsync(
                  from === undefined ? { sessionId: session.id } : { sessionId: session.id, fromSurvey: from },
                )
                .catch((e: unknown) => message.error(errorMessage(e)))
            }
            data-testid="feedback-create"
          >
            {t('training.feedback.create')}
          </Button>
        </Space>
      </Card>
    );
  const survey = f.survey;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="feedback"
      title={
        <Space>
          {t('training.feedback.title')}
          <a href={`#/surveys/${survey.id}`}>{t('training.feedback.openSurvey')}</a>
        </Space>
      }
      extra={
        <Space>
          <Button disabled={!session.held} onClick={() => setEntering(true)} data-testid="feedback-enter">
            {t('training.feedback.enter')}
          </Button>
          <FeedbackImport session={session} disabled={!session.held} />
        </Space>
      }
    >
      <Space size="large" wrap style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="feedback-count">
          {t('training.feedback.responses', {
            count: f.responses,
            attended: f.attended,
          })}
        </Typography.Text>
        {f.analysis && (
          <>
            <Statistic
              title={t('training.feedback.csat')}
              value={f.analysis.csat === null ? '—' : `${formatNumber(Math.round(f.analysis.csat), lang)}%`}
            />
            <Statistic
              title={t('training.feedback.nps')}
              value={f.analysis.nps.score === null ? '—' : formatNumber(Math.round(f.analysis.nps.score), lang)}
            />
          </>
        )}
        {!session.held && <Typography.Text type="secondary">{t('training.feedback.notHeld')}</Typography.Text>}
      </Space>
      {f.analysis && <QuestionResults a={f.analysis} survey={{ ...survey, questionList: f.questions }} />}
      {f.comments.length > 0 && (
        <List
          size="small"
          header={t('training.feedback.comments')}
          dataSource={f.comments}
          renderItem={(c) => <List.Item>{c.text}</List.Item>}
          data-testid="feedback-comments"
        />
      )}
      {entering && (
        <EntryModal
          feedback={f}
          people={people.filter((p) => p.attended && !f.answeredBy.includes(p.employeeNo.toUpperCase()))}
          onClose={() => setEntering(false)}
        />
      )}
    </Card>
  );
}

/** One paper form typed in: the person (or anonymous) and an answer per question, checked by the survey engine. */
function EntryModal({
  feedback,
  people,
  onClose,
}: {
  feedback: SessionFeedback;
  people: Participant[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const enter = useOpMutation('training/feedback-enter');
  const [person, setPerson] = useState<string | undefined>();
  const [answers, setAnswers] = useState<Record<number, Answer>>({});
  const save = async () => {
    try {
      await enter.mutateAsync({
        sessionId: feedback.sessionId,
        ...(person ? { person } : {}),
        answers: Object.entries(answers)
          .filter(([, v]) => v !== null)
          .map(([q, value]) => ({ questionId: Number(q), value })),
      });
      message.success(t('training.feedback.saved'));
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      width={760}
      title={t('training.feedback.enter')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={enter.isPending}
      okButtonProps={{ 'data-testid': 'feedback-save' } as Record<string, string>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          allowClear
          style={{ width: 320 }}
          placeholder={t('training.feedback.anonymous')}
          value={person}
          onChange={setPerson}
          options={people.map((p) => ({ value: p.employeeNo, label: `${p.name} (${p.employeeNo})` }))}
          data-testid="feedback-person"
        />
        {feedback.questions.map((q) => (
          <div key={q.id}>
            <Typography.Text strong>{q.text}</Typography.Text>
            <AnswerInput
              question={q}
              value={answers[q.id] ?? null}
              onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
              onNext={() => undefined}
              takeConfirm={() => false}
              salespeople={[]}
            />
          </div>
        ))}
      </Space>
    </Modal>
  );
}

/** A questionnaire platform's export of the answers: a dry run first (what was read, what is wrong), then the import. */
function FeedbackImport({ session, disabled }: { session: TrainingSession; disabled: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const runJob = useRunJob();
  const run = async (file: File) => {
    try {
      const upload = (await uploadFile(file)).upload;
      const input = { sessionId: session.id, file: { upload } };
      const dry = (await invoke('training/feedback-import', { ...input, dryRun: true })) as ImportSurveyResult;
      if (dry.errors.length) {
        modal.error({
          title: t('training.feedback.invalid', { count: dry.rows.invalid }),
          content: (
            <ul data-testid="feedback-import-errors">
              {dry.errors.slice(0, 20).map((e) => (
                <li key={`${e.row}-${e.column}`}>
                  {e.row} {e.column}: {e.message}
                </li>
              ))}
            </ul>
          ),
        });
        return;
      }
      const done = await runJob('training/feedback-import', input);
      if (done) message.success(t('training.feedback.imported', { count: done.rows.inserted }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Upload
      accept=".xlsx,.xls,.csv"
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        void run(file);
        return false;
      }}
    >
      <Button disabled={disabled} data-testid="feedback-import">
        {t('training.feedback.import')}
      </Button>
    </Upload>
  );
}

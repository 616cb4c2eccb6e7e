import { Checkbox, Input, Radio, Select } from 'antd';
import { forwardRef, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestion } from '../../../src-main/contract/survey';
import { useLang } from '../../i18n/LanguageProvider';

export type Answer = number | string | string[] | null;

interface Props {
  question: SurveyQuestion;
  value: Answer;
  onChange: (v: Answer) => void;
  /**
   * Move focus to the next question: `auto` when a complete answer moved on by itself (a scale's digit,
   * a choice), so that an Enter typed right after it confirms that answer instead of skipping the next.
   */
  onNext: (auto?: boolean) => void;
  /** True once, for the first key in this question after an automatic move into it. */
  takeConfirm: () => boolean;
  salespeople: { value: string; label: string }[];
}

const RANGE: Record<string, [number, number]> = { likert5: [1, 5], nps: [0, 10], ces7: [1, 7] };
/** How long a "1" on the 0–10 scale waits for a "0" (10) before it counts as 1 and moves on. */
export const TEN_WAIT_MS = 1000;

/**
 * One answer of a phone interview, made for the keyboard, with one rule for moving on (issue 12 item 3):
 * a complete answer moves on by itself (a scale's digit, a choice's number), Enter confirms (after an
 * automatic move it is taken as confirming that answer, not as skipping the next question; otherwise it
 * moves on), and on the 0–10 scale "1" waits briefly for a "0" (10) before it counts as 1. Tab as usual.
 */
export const AnswerInput = forwardRef<HTMLDivElement, Props>(function AnswerInput(
  { question: q, value, onChange, onNext, takeConfirm, salespeople },
  ref,
) {
  const { t } = useTranslation();
  const lang = useLang();
  // A "1" on the 0–10 scale waiting for its second key.
  const one = useRef<ReturnType<typeof setTimeout> | null>(null);
  const range = RANGE[q.type];
  const stopWaiting = () => {
    if (one.current) clearTimeout(one.current);
    const was = one.current !== null;
    one.current = null;
    return was;
  };
  useEffect(() => () => void stopWaiting(), []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const confirming = takeConfirm();
    const target = e.target as HTMLElement;
    const typing =
      target.tagName === 'TEXTAREA' ||
      (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text') ||
      target.closest('.ant-select');
    if (e.key === 'Enter' && !(target.tagName === 'TEXTAREA' && e.shiftKey) && !target.closest('.ant-select-open')) {
      e.preventDefault();
      stopWaiting();
      // Enter right after an answer moved on by itself confirms that answer: it stays here.
      if (!confirming) onNext();
      return;
    }
    if (typing || !/^\d$/.test(e.key)) return;
    e.preventDefault();
    const digit = Number(e.key);
    if (range) {
      const waited = stopWaiting();
      if (q.type === 'nps' && waited && digit === 0 && value === 1) {
        onChange(10);
        onNext(true);
        return;
      }
      if (digit < range[0] || digit > range[1]) return;
      onChange(digit);
      if (q.type === 'nps' && digit === 1) {
        one.current = setTimeout(() => {
          one.current = null;
          onNext(true);
        }, TEN_WAIT_MS);
        return;
      }
      onNext(true);
      return;
    }
    const choices = q.options.choices ?? [];
    if (digit < 1 || digit > choices.length) return;
    const option = choices[digit - 1];
    if (q.type === 'choice') {
      onChange(option);
      onNext(true);
    } else if (q.type === 'multi') {
      const list = Array.isArray(value) ? value : [];
      onChange(list.includes(option) ? list.filter((x) => x !== option) : [...list, option]);
    }
  };

  let control;
  if (range) {
    const labels = q.type === 'likert5' ? (q.options.labels?.[lang] ?? []) : [];
    const values = Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i);
    control = (
      <Radio.Group
        value={value}
        onChange={(e) => onChange(e.target.value as number)}
        optionType="button"
        buttonStyle="solid"
        className={`wb-scale wb-scale-${q.type}`}
      >
        {values.map((v) => (
          <Radio.Button key={v} value={v} tabIndex={-1}>
            {v}
            {labels[v - 1] && <span className="wb-scale-label">{labels[v - 1]}</span>}
          </Radio.Button>
        ))}
      </Radio.Group>
    );
  } else if (q.type === 'choice') {
    control = (
      <Radio.Group value={value} onChange={(e) => onChange(e.target.value as string)}>
        {(q.options.choices ?? []).map((c, i) => (
          <Radio key={c} value={c} tabIndex={-1}>
            <span className="wb-key-hint">{i + 1}</span> {c}
          </Radio>
        ))}
      </Radio.Group>
    );
  } else if (q.type === 'multi') {
    control = (
      <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v as string[])}>
        {(q.options.choices ?? []).map((c, i) => (
          <Checkbox key={c} value={c} tabIndex={-1}>
            <span className="wb-key-hint">{i + 1}</span> {c}
          </Checkbox>
        ))}
      </Checkbox.Group>
    );
  } else if (q.type === 'salesperson') {
    control = (
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        style={{ minWidth: 280 }}
        value={typeof value === 'string' ? value : undefined}
        onChange={(v?: string) => onChange(v ?? null)}
        options={salespeople}
        placeholder={t('survey.ui.entry.salespersonHint')}
      />
    );
  } else if (q.type === 'text') {
    control = (
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 6 }}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || null)}
        placeholder={t('survey.ui.entry.textHint')}
      />
    );
  } else {
    control = (
      <Input value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)} />
    );
  }

  const focusable = !!range || q.type === 'choice' || q.type === 'multi';
  return (
    <div
      ref={ref}
      className="wb-answer"
      tabIndex={focusable ? 0 : -1}
      onKeyDown={onKeyDown}
      data-testid={`answer-${q.code}`}
      data-question-type={q.type}
    >
      <div className="wb-answer-q">
        <span className="wb-question-no">{q.position}</span> {q.text}
        {range && <span className="wb-answer-keys">{t('survey.ui.entry.keys', { from: range[0], to: range[1] })}</span>}
      </div>
      {control}
    </div>
  );
});

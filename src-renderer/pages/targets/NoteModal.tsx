import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketNote } from '../../../src-main/contract/targets';
import { errorMessage } from '../../backend/ApiError';
import { useOpMutation } from '../../backend/useOp';

/** Where a note attaches: the year, a team, a person, and optionally one period (a cell). */
export interface NoteTarget {
  teamId: number | null;
  staffId: number | null;
  period: string | null;
  /** Shown in the title: "华东区 · Q3". */
  label: string;
}

interface Props {
  year: number;
  target: NoteTarget | null;
  note?: MarketNote | null;
  onClose: () => void;
}

const KINDS = ['market', 'competitor', 'strategy', 'assumption'] as const;

/** Adds or edits a market, competitor or strategy note (P2.3, P2.4) beside the number it explains. */
export function NoteModal({ year, target, note, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: MarketNote['kind']; title: string; body?: string }>();
  const save = useOpMutation('targets/note-save');
  useEffect(() => {
    if (target)
      form.setFieldsValue({ kind: note?.kind ?? 'assumption', title: note?.title ?? '', body: note?.body ?? '' });
  }, [target, note, form]);

  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      {
        ...(note ? { id: note.id } : {}),
        year,
        teamId: target!.teamId,
        staffId: target!.staffId,
        period: target!.period,
        kind: v.kind,
        title: v.title,
        body: v.body ?? null,
      },
      { onError: (e) => void message.error(errorMessage(e)), onSuccess: onClose },
    );
  };

  return (
    <Modal
      open={!!target}
      title={t(note ? 'targets.notes.edit' : 'targets.notes.add', { where: target?.label ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('targets.notes.kindLabel')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`targets.notes.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('targets.notes.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('targets.notes.titleRequired') }, { max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('targets.notes.bodyLabel')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { ControlOutlined, GlobalOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Segmented, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-main/contract/system';
import { useOpMutation } from '../../backend/useOp';
import { useLang, useSetLang } from '../../i18n/LanguageProvider';
import type { Lang } from '../../i18n/lang';
import { errorMessage } from '../../backend/ApiError';

/** Language (remembered through 'settings/set') and the company's name shown in the header. */
export function GeneralCard({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const lang = useLang();
  const setLang = useSetLang();
  const { message } = App.useApp();
  const save = useOpMutation('settings/set');
  const [form] = Form.useForm<{ companyName: string }>();
  const [who] = Form.useForm<{ displayName: string }>();

  useEffect(() => form.setFieldsValue({ companyName: settings.companyName }), [settings.companyName, form]);
  useEffect(
    () => who.setFieldsValue({ displayName: settings.displayName || settings.accountName }),
    [settings.displayName, settings.accountName, who],
  );

  // Issue 12 item 7: the name every "by whom" of the audit shows.
  const saveWho = async () => {
    const v = await who.validateFields().catch(() => null);
    if (!v) return;
    try {
      await save.mutateAsync({ displayName: v.displayName });
      message.success(t('settings.general.saved'));
    } catch (e) {
      who.setFields([{ name: 'displayName', errors: [errorMessage(e)] }]);
    }
  };

  const saveName = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    try {
      await save.mutateAsync({ companyName: v.companyName });
      message.success(t('settings.general.saved'));
    } catch (e) {
      form.setFields([{ name: 'companyName', errors: [errorMessage(e)] }]);
    }
  };

  return (
    <Card
      title={
        <>
          <ControlOutlined /> {t('settings.general.title')}
        </>
      }
      variant="outlined"
      data-testid="settings-general"
    >
      <Space orientation="vertical" size={20} style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>
            <GlobalOutlined /> {t('fields.lang')}
          </Typography.Text>
          <div className="wb-setting-row">
            <Segmented<Lang>
              value={lang}
              onChange={(v) => {
                setLang(v).catch((e: unknown) => message.error(errorMessage(e)));
              }}
              options={[
                { value: 'zh-CN', label: '简体中文' },
                { value: 'en', label: 'English' },
              ]}
              data-testid="settings-lang"
            />
            <Typography.Text type="secondary">
              {settings.lang ? t('settings.general.langChosen') : t('settings.general.langFromSystem')}
            </Typography.Text>
          </div>
        </div>
        <Form form={who} layout="vertical" onFinish={() => void saveWho()}>
          <Form.Item
            label={
              <Typography.Text strong>
                <UserOutlined /> {t('settings.general.displayName')}
              </Typography.Text>
            }
            extra={t('settings.general.displayNameHint', { account: settings.accountName })}
          >
            <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
              <Form.Item
                name="displayName"
                noStyle
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  { max: 50, message: t('common.tooLong', { max: 50 }) },
                ]}
              >
                <Input data-testid="settings-display-name" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                data-testid="settings-display-name-save"
              >
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        <Form form={form} layout="vertical" onFinish={() => void saveName()}>
          <Form.Item
            label={<Typography.Text strong>{t('fields.companyName')}</Typography.Text>}
            extra={t('settings.general.companyHint')}
          >
            <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
              <Form.Item
                name="companyName"
                noStyle
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  { max: 100, message: t('common.tooLong', { max: 100 }) },
                ]}
              >
                <Input data-testid="settings-company" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      </Space>
    </Card>
  );
}

import { CloudUploadOutlined, FileAddOutlined, RocketOutlined } from '@ant-design/icons';
import { App, Card, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../backend/ApiError';
import { useOp, useOpMutation } from '../../backend/useOp';
import { useRunJob } from '../../components/JobRunner';
import { StartEmptyModal } from './StartEmptyModal';

interface ChoiceProps {
  icon: ReactNode;
  title: string;
  text: string;
  testId: string;
  onClick: () => void;
}

function Choice({ icon, title, text, testId, onClick }: ChoiceProps) {
  return (
    <Card hoverable className="wb-choice" onClick={onClick} data-testid={testId}>
      <div className="wb-choice-icon">{icon}</div>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
    </Card>
  );
}

/** The first run: explore the demo company, import the Excel sheets, or start with an empty company. */
export function WelcomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const runJob = useRunJob();
  const { message } = App.useApp();
  const [emptyOpen, setEmptyOpen] = useState(false);
  // Issue 12 item 7: asked on the first start, the computer's account name as the default.
  const settings = useOp('settings/get', undefined);
  const saveSettings = useOpMutation('settings/set');
  const [name, setName] = useState<string | null>(null);
  const shownName = name ?? (settings.data ? settings.data.displayName || settings.data.accountName : '');
  const keepName = async () => {
    const given = shownName.trim();
    if (given && given !== settings.data?.displayName)
      await saveSettings.mutateAsync({ displayName: given.slice(0, 50) });
  };
  const then = (action: () => void) => () => {
    keepName().then(action, (e: unknown) => message.error(errorMessage(e)));
  };

  const explore = async () => {
    try {
      const result = await runJob('demo/create', { size: 'small' });
      if (result) navigate('/dashboard');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div className="wb-welcome" data-testid="welcome">
      <div className="wb-welcome-head">
        <div className="wb-brand-mark wb-brand-mark-large">{t('app.mark')}</div>
        <Typography.Title level={1}>{t('welcome.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" className="wb-welcome-lead">
          {t('welcome.lead')}
        </Typography.Paragraph>
      </div>
      <div className="wb-welcome-name">
        <Typography.Text strong>{t('welcome.yourName')}</Typography.Text>
        <Input
          value={shownName}
          onChange={(e) => setName(e.target.value)}
          maxLength={50}
          style={{ maxWidth: 320 }}
          data-testid="welcome-name"
        />
        <Typography.Text type="secondary">{t('welcome.yourNameHint')}</Typography.Text>
      </div>
      <div className="wb-choices">
        <Choice
          icon={<RocketOutlined />}
          title={t('welcome.demo.title')}
          text={t('welcome.demo.text')}
          testId="welcome-demo"
          onClick={then(() => void explore())}
        />
        <Choice
          icon={<CloudUploadOutlined />}
          title={t('welcome.import.title')}
          text={t('welcome.import.text')}
          testId="welcome-import"
          // Salespeople first: orders and customers name them (issue 10 item 14).
          onClick={then(() => navigate('/import-export?kind=staff&first=1'))}
        />
        <Choice
          icon={<FileAddOutlined />}
          title={t('welcome.empty.title')}
          text={t('welcome.empty.text')}
          testId="welcome-empty"
          onClick={then(() => setEmptyOpen(true))}
        />
      </div>
      <Typography.Paragraph type="secondary" className="wb-welcome-foot">
        {t('welcome.footnote')}
      </Typography.Paragraph>
      <StartEmptyModal open={emptyOpen} onClose={() => setEmptyOpen(false)} onDone={() => navigate('/dashboard')} />
    </div>
  );
}

import { CloudUploadOutlined, FileAddOutlined, RocketOutlined } from '@ant-design/icons';
import { App, Card, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../backend/ApiError';
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
      <div className="wb-choices">
        <Choice
          icon={<RocketOutlined />}
          title={t('welcome.demo.title')}
          text={t('welcome.demo.text')}
          testId="welcome-demo"
          onClick={() => void explore()}
        />
        <Choice
          icon={<CloudUploadOutlined />}
          title={t('welcome.import.title')}
          text={t('welcome.import.text')}
          testId="welcome-import"
          // Salespeople first: orders and customers name them (issue 10 item 14).
          onClick={() => navigate('/import-export?kind=staff&first=1')}
        />
        <Choice
          icon={<FileAddOutlined />}
          title={t('welcome.empty.title')}
          text={t('welcome.empty.text')}
          testId="welcome-empty"
          onClick={() => setEmptyOpen(true)}
        />
      </div>
      <Typography.Paragraph type="secondary" className="wb-welcome-foot">
        {t('welcome.footnote')}
      </Typography.Paragraph>
      <StartEmptyModal open={emptyOpen} onClose={() => setEmptyOpen(false)} onDone={() => navigate('/dashboard')} />
    </div>
  );
}

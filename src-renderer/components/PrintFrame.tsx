import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** The printable document (one self-contained A4 HTML page), or null when closed. */
  html: string | null;
  onClose: () => void;
}

/** A printable page in a sandboxed frame with a Print button; the same in the desktop window and a browser. */
export function PrintFrame({ title, html, onClose }: Props) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Modal
      open={html !== null}
      title={title}
      width={900}
      onCancel={onClose}
      footer={
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => frame.current?.contentWindow?.print()}
          data-testid="print-frame-print"
        >
          {t('appraisal.ui.print')}
        </Button>
      }
    >
      {html !== null && (
        <iframe
          ref={frame}
          title={title}
          srcDoc={html}
          sandbox="allow-same-origin allow-modals"
          data-testid="print-frame"
          style={{ width: '100%', height: '65vh', border: '1px solid #e4e8ef', borderRadius: 6 }}
        />
      )}
    </Modal>
  );
}

/** The HTML of a FileOut whose bytes came back (base64). */
export const htmlOf = (f: { base64?: string }) =>
  f.base64 ? new TextDecoder().decode(Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))) : '';

import { CloseOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { call, errorMessage } from '../lib/api';
import { saveBase64 } from '../lib/files';
import { createPortal } from 'react-dom';
import './print.css';

/**
 * A full-window preview of a printable document. While it is open, printing
 * (the 打印 button, or Ctrl+P) prints only the document: A4, the official
 * margins (see print.css). Esc closes it.
 */
export function PrintPreview({
  title,
  fileName,
  onClose,
  children,
  paper = 'a4',
}: {
  title: string;
  fileName: string;
  onClose(): void;
  children: ReactNode;
  /** a5: a slip for the resident (回执, 进度单). */
  paper?: 'a4' | 'a5';
}) {
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const savePdf = async () => {
    setSaving(true);
    try {
      const r = await call('documents.printToPdf', { fileName });
      saveBase64(r.fileName, r.dataBase64, 'application/pdf');
    } catch (err) {
      message.warning(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  useEffect(() => {
    document.body.classList.add('printing-document');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('printing-document');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  return createPortal(
    <div className="print-host" role="dialog" aria-label={`打印预览：${title}`}>
      <div className="print-toolbar">
        <span>{title}</span>
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} autoFocus>
            打印
          </Button>
          <Button icon={<FilePdfOutlined />} onClick={() => void savePdf()} loading={saving}>
            导出PDF
          </Button>
          <Button icon={<CloseOutlined />} onClick={onClose}>
            关闭预览
          </Button>
        </Space>
      </div>
      <div className={paper === 'a5' ? 'print-paper print-paper-a5' : 'print-paper'}>{children}</div>
    </div>,
    document.body,
  );
}

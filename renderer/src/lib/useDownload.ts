/**
 * A button that fetches a file from the core and saves it: which one is busy,
 * the download itself, a message saying what was saved or why it was not.
 */
import { App as AntApp } from 'antd';
import { useState } from 'react';
import { errorMessage } from './api';
import { saveBase64 } from './files';

export interface FileDto {
  fileName: string;
  dataBase64: string;
}

export function useDownload() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  /** `key` names the button (for `busy`); `said` is the success message (default: 已导出：file name). */
  const download = async <T extends FileDto>(
    key: string,
    fetch: () => Promise<T>,
    mime: string,
    said?: (r: T) => string,
  ) => {
    setBusy(key);
    try {
      const r = await fetch();
      saveBase64(r.fileName, r.dataBase64, mime);
      message.success(said ? said(r) : `已导出：${r.fileName}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return { busy, download };
}

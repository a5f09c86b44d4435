import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useRef, useState } from 'react';
import type { SaveState } from './useAutosave';

/** One 保存中 / 已保存 indicator for a page with many autosaving fields. */
export function useSaveStatus() {
  const inflight = useRef(new Set<string>());
  const [state, setState] = useState<{ s: SaveState | 'idle'; at?: string; error?: string }>({ s: 'idle' });
  const report = useCallback((source: string, s: SaveState, error?: string) => {
    if (s === 'saving') inflight.current.add(source);
    else inflight.current.delete(source);
    if (s === 'error') setState({ s, error });
    else if (inflight.current.size > 0) setState({ s: 'saving' });
    else setState({ s: 'saved', at: dayjs().format('HH:mm:ss') });
  }, []);
  return { state, report };
}

export function SaveIndicator({ state }: { state: ReturnType<typeof useSaveStatus>['state'] }) {
  if (state.s === 'idle') return <Typography.Text type="secondary">所有修改自动保存</Typography.Text>;
  if (state.s === 'saving')
    return (
      <Typography.Text type="secondary" role="status">
        <LoadingOutlined /> 保存中…
      </Typography.Text>
    );
  if (state.s === 'error')
    return (
      <Typography.Text type="danger" role="alert">
        <ExclamationCircleOutlined /> 保存失败：{state.error}
      </Typography.Text>
    );
  return (
    <Typography.Text type="success" role="status">
      <CheckCircleOutlined /> 已保存 {state.at}
    </Typography.Text>
  );
}

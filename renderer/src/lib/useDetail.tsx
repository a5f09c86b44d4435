import { Button, Result, Skeleton } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { navigate } from '../shell/useHashRoute';
import { errorMessage } from './api';

/** A detail page's record: loaded on mount and on `reload()`; an error is kept only while nothing has loaded. */
export function useDetail<T>(load: () => Promise<T>) {
  const [detail, setDetail] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setDetail(await load());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { detail, error, reload };
}

/** What a detail page shows before its record is there: the reason it could not open, or a skeleton. */
export function DetailPending({
  error,
  title,
  back,
}: {
  error: string | null;
  title: string;
  back: { path: string; label: string };
}): ReactNode {
  return (
    <div className="page">
      {error ? (
        <Result
          status="warning"
          title={title}
          subTitle={error}
          extra={<Button onClick={() => navigate(back.path)}>{back.label}</Button>}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </div>
  );
}

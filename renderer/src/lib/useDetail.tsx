import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { navigate } from '../shell/useHashRoute';
import { useLoad } from './useLoad';

/** A detail page's record: loaded on mount and on `reload()`; the page shows the error itself (DetailPending). */
export function useDetail<T>(load: () => Promise<T>) {
  const { data: detail, error, reload } = useLoad(load, { toast: false });
  return { detail, error: detail === null ? error : null, reload };
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

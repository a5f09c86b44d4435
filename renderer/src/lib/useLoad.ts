/**
 * The load / error / retry pattern every page has, in one place: the data is
 * loaded on mount and whenever `load` changes (its inputs), and again on
 * `reload()`. A failure is kept in `error` and, unless `toast` is false, shown
 * as a message; what was loaded before stays on screen. `run` is the same for
 * a change made from the page: its failure is shown, its result returned.
 */
import { App as AntApp } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './api';

export function useLoad<T>(load: () => Promise<T>, opts: { toast?: boolean } = {}) {
  const { message } = AntApp.useApp();
  const toast = opts.toast !== false;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
      if (toast) message.error(errorMessage(err));
    }
  }, [load, toast, message]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, setData, error, reload };
}

/** Runs a change through the core: on failure the message is shown and the result is undefined. */
export function useRun() {
  const { message } = AntApp.useApp();
  return useCallback(
    async <T>(change: () => Promise<T>, success?: string): Promise<T | undefined> => {
      try {
        const value = await change();
        if (success) message.success(success);
        return value;
      } catch (err) {
        message.error(errorMessage(err));
        return undefined;
      }
    },
    [message],
  );
}

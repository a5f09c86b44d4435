import { useCallback, useEffect, useState } from 'react';

/** The current page lives in `location.hash` (`#/people`), so a reload stays on it. */
export function useHashRoute(valid: readonly string[], fallback: string): [string, (key: string) => void] {
  const read = useCallback(() => {
    const key = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
    return valid.includes(key) ? key : fallback;
  }, [valid, fallback]);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [read]);
  const go = useCallback((key: string) => {
    window.location.hash = `#/${key}`;
  }, []);
  return [route, go];
}

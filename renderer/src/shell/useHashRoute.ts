import { useCallback, useEffect, useState } from 'react';

export interface HashRoute {
  /** First segment: the page (`meetings`). */
  page: string;
  /** The rest (`<meeting id>`), '' if none. */
  sub: string;
}

/** The current page lives in `location.hash` (`#/meetings/<id>`), so a reload stays on it. */
export function useHashRoute(valid: readonly string[], fallback: string): [HashRoute, (path: string) => void] {
  const read = useCallback((): HashRoute => {
    const [page = '', ...rest] = window.location.hash.replace(/^#\/?/, '').split('/');
    return valid.includes(page) ? { page, sub: rest.join('/') } : { page: fallback, sub: '' };
  }, [valid, fallback]);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = () => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [read]);
  const go = useCallback((path: string) => {
    window.location.hash = `#/${path}`;
  }, []);
  return [route, go];
}

/** Navigate from anywhere (links inside pages). */
export function navigate(path: string): void {
  window.location.hash = `#/${path}`;
}

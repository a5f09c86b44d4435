/**
 * Autosave for text typed during a meeting. Every keystroke is written to
 * localStorage at once (synchronous: survives a reload or a crash of the page)
 * and to the database after a short pause (at most ~0.4 s behind). When the
 * page opens again, a draft the database never received is restored and saved,
 * unless the field changed in the database meanwhile (the draft's base no
 * longer matches), in which case the database wins and the draft is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saving' | 'saved' | 'error';
export const AUTOSAVE_DELAY_MS = 400;
const PREFIX = 'lianxi.draft.';

interface Draft {
  value: string;
  /** The database value this draft was typed over. */
  base: string;
}

function readDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

const restorable = (d: Draft | null, dbValue: string): d is Draft => !!d && d.base === dbValue && d.value !== dbValue;

export function useAutosave(opts: {
  /** Unique per record and field, e.g. `item:<id>:notes`. */
  key: string;
  /** The value in the database when the page loaded it. */
  value: string;
  save(value: string): Promise<void>;
  onState?(state: SaveState, error?: string): void;
}) {
  const { key } = opts;
  // Callers pass fresh closures each render; keep the latest without re-running effects.
  const saveRef = useRef(opts.save);
  const stateRef = useRef(opts.onState);
  useEffect(() => {
    saveRef.current = opts.save;
    stateRef.current = opts.onState;
  });
  const onState = useCallback((s: SaveState, e?: string) => stateRef.current?.(s, e), []);
  const base = useRef(opts.value);
  const [text, setText] = useState(() => {
    const d = readDraft(key);
    return restorable(d, opts.value) ? d.value : opts.value;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    onState?.('saving');
    try {
      await saveRef.current(value);
      base.current = value;
      if (pending.current === null) localStorage.removeItem(PREFIX + key);
      onState?.('saved');
    } catch (err) {
      onState?.('error', err instanceof Error ? err.message : String(err));
    }
  }, [key, onState]);

  const change = useCallback(
    (value: string) => {
      setText(value);
      localStorage.setItem(PREFIX + key, JSON.stringify({ value, base: base.current } satisfies Draft));
      pending.current = value;
      onState?.('saving');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [key, flush, onState],
  );

  // A draft restored on mount is saved straight away; a stale one is dropped.
  useEffect(() => {
    const d = readDraft(key);
    if (restorable(d, base.current)) {
      pending.current = d.value;
      void flush();
    } else if (d) localStorage.removeItem(PREFIX + key);
  }, [key, flush]);

  // Leaving the page or hiding the window sends what is pending at once.
  useEffect(() => {
    const now = () => void flush();
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', now);
    return () => {
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', now);
      void flush();
    };
  }, [flush]);

  return { text, change, flush };
}

import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Tag, Typography } from 'antd';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/projects';
import { call, errorMessage } from '../lib/api';
import { navigate } from '../shell/useHashRoute';

/** Text with the hit ranges marked (no HTML is built from strings). */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: { s: string; hit: boolean }[] = [];
  let at = 0;
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    if (a > at) parts.push({ s: text.slice(at, a), hit: false });
    parts.push({ s: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < text.length) parts.push({ s: text.slice(at), hit: false });
  return <>{parts.map((p, i) => (p.hit ? <mark key={i}>{p.s}</mark> : <Fragment key={i}>{p.s}</Fragment>))}</>;
}

const KIND_COLORS: Record<SearchHit['kind'], string> = {
  project: 'blue',
  milestone: 'cyan',
  action: 'orange',
  agendaItem: 'purple',
  demand: 'red',
};

const target = (h: SearchHit) =>
  h.kind === 'demand'
    ? `demands/${h.refId}`
    : h.projectId
      ? `projects/${h.projectId}`
      : h.meetingId
        ? `meetings/${h.meetingId}`
        : null;

/**
 * 搜索: one box over projects, milestones, actions and minutes. Chinese of any
 * length and pinyin initials (axcs → 爱心超市); results say where the hit is.
 * Ctrl+K focuses it.
 */
export function SearchBox() {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const text = q.trim();
    const n = ++seq.current;
    if (!text) {
      setHits([]);
      return;
    }
    const t = setTimeout(() => {
      call('search.query', { q: text, limit: 30 }).then(
        (r) => n === seq.current && (setHits(r), setError(null)),
        (err: unknown) => n === seq.current && setError(errorMessage(err)),
      );
    }, 150);
    return () => clearTimeout(t);
  }, [q]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        box.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const options = hits.map((h, i) => ({
    value: String(i),
    label: (
      <div className="search-hit" data-testid="search-hit">
        <div>
          <Tag color={KIND_COLORS[h.kind]} bordered={false}>
            {h.kindLabel}
          </Tag>
          <Typography.Text strong>
            <Highlighted text={h.title} ranges={h.titleHighlights} />
          </Typography.Text>
        </div>
        {h.context && <div className="search-hit-where">{h.context}</div>}
        {h.snippet && (
          <div className="search-hit-snippet">
            <Highlighted text={h.snippet} ranges={h.snippetHighlights} />
          </div>
        )}
      </div>
    ),
  }));

  return (
    <div className="header-search">
      <AutoComplete
        value={q}
        options={options}
        onSearch={setQ}
        onSelect={(v: string) => {
          const h = hits[Number(v)];
          const to = h && target(h);
          if (to) navigate(to);
          setQ('');
        }}
        popupMatchSelectWidth={440}
        notFoundContent={q.trim() ? (error ?? '没有找到') : null}
        style={{ width: 300 }}
      >
        <Input
          ref={box as never}
          prefix={<SearchOutlined />}
          placeholder="搜索项目、任务、纪要（可用拼音首字母）"
          aria-label="搜索"
          allowClear
        />
      </AutoComplete>
    </div>
  );
}

import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../shared/projects';
import { call } from '../lib/api';

// One fetch per page view, shared by every picker on it (a meeting has several items).
let shared: { at: number; list: Promise<ProjectSummary[]> } | null = null;
function projectList(): Promise<ProjectSummary[]> {
  if (!shared || Date.now() - shared.at > 5_000) shared = { at: Date.now(), list: call('projects.list', {}) };
  return shared.list;
}

/** Picks a project of the library (newest year first), searchable by name. */
export function ProjectSelect(props: {
  value: string | null;
  onChange(id: string | null): void;
  disabled?: boolean;
  /** Read as text (a signed meeting): the project's name, linked, or nothing without one. */
  asText?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}) {
  const [list, setList] = useState<ProjectSummary[]>([]);
  useEffect(() => {
    let live = true;
    projectList().then(
      (l) => live && setList(l),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const options = [...list]
    .sort((a, b) => b.year - a.year)
    .map((p) => ({ value: p.id, label: p.title, search: `${p.title}${p.category}${p.year}`, year: p.year }));
  if (props.asText) {
    const p = list.find((x) => x.id === props.value);
    if (!props.value) return null;
    return (
      <span className="locked-fact">
        关联项目：<a href={`#/projects/${props.value}`}>{p?.title ?? '（项目）'}</a>
      </span>
    );
  }
  return (
    <Select
      showSearch
      allowClear
      size="small"
      optionFilterProp="search"
      options={options}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange(v ?? null)}
      placeholder="关联项目"
      popupMatchSelectWidth={false}
      notFoundContent="项目库里没有匹配的项目"
      optionRender={(o) => (
        <span>
          {o.data.label}
          <span style={{ color: '#98a2b3', marginLeft: 6, fontSize: 12 }}>{o.data.year}年</span>
        </span>
      )}
      disabled={props.disabled}
      style={props.style}
      aria-label={props['aria-label']}
    />
  );
}

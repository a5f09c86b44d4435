import { Select } from 'antd';
import type { Person } from '../../../shared/domain';
import { personOptions } from '../lib/usePeople';

/** A searchable person picker (by name or role). */
export function PersonSelect(props: {
  people: Person[];
  value?: string | null;
  onChange?(id: string | null): void;
  onOpenChange?(open: boolean): void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  size?: 'small' | 'middle';
  style?: React.CSSProperties;
}) {
  const { people, value, onChange, ...rest } = props;
  return (
    <Select
      showSearch
      allowClear={props.allowClear ?? true}
      optionFilterProp="search"
      options={personOptions(people)}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      placeholder={props.placeholder ?? '选择人员'}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.role && <span style={{ color: '#98a2b3', marginLeft: 6, fontSize: 12 }}>{o.data.role}</span>}
        </span>
      )}
      popupMatchSelectWidth={false}
      notFoundContent={people.length === 0 ? '还没有人员：请先在“人员”页添加' : '没有匹配的人员'}
      {...rest}
    />
  );
}

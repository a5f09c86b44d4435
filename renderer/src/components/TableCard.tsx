import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { Section } from './Section';

/** A titled card (a named region) holding a compact table edge to edge: the shape of every report table. */
export function TableCard<T extends object>({
  title,
  empty,
  extra,
  ...table
}: { title: string; empty?: string; extra?: ReactNode } & Omit<TableProps<T>, 'title'>) {
  return (
    <Section title={title} size="small" extra={extra} styles={{ body: { padding: 0 } }}>
      <Table<T>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={empty ? { emptyText: empty } : undefined}
        {...table}
      />
    </Section>
  );
}

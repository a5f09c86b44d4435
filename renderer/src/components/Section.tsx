import { Card, type CardProps } from 'antd';

/** A titled card that is also a landmark: role region, named by its title (for screen readers, and for tests). */
export function Section({ title, ...props }: Omit<CardProps, 'title'> & { title: string }) {
  return <Card role="region" aria-label={title} title={title} {...props} />;
}

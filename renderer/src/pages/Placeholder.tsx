import { Card, Empty } from 'antd';

/** A page whose feature has not landed yet: says what will be here. */
export function Placeholder({ title, text }: { title: string; text: string }) {
  return (
    <div className="page">
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <Card>
        <Empty description={text} style={{ padding: '48px 0' }} />
      </Card>
    </div>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import type { Person } from '../../../shared/domain';
import { call, errorMessage } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { PersonDialog } from './PersonDialog';

const ORG_COLORS: Record<string, string> = { 村两委: 'red', 驻村工作队: 'blue', 乡镇: 'gold', 其他: 'default' };
type Filter = 'member' | 'guest' | 'all';

export function PeoplePage() {
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<Filter>('member');
  const [dialog, setDialog] = useState<{ open: boolean; editing?: Person }>({ open: false });

  const { data, reload: load } = useLoad(useCallback(() => call('people.list', { kind: filter }), [filter]));
  const rows: Person[] = data ?? [];
  const loading = data === null;

  const remove = async (p: Person) => {
    try {
      await call('people.remove', { id: p.id });
      await load();
      const key = `removed-${p.id}`;
      message.open({
        key,
        type: 'success',
        duration: 6,
        content: (
          <span>
            已删除 {p.name}{' '}
            <Button
              type="link"
              size="small"
              onClick={async () => {
                message.destroy(key);
                await call('people.restore', { id: p.id });
                await load();
                message.success(`已恢复 ${p.name}`);
              }}
            >
              撤销
            </Button>
          </span>
        ),
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: ColumnsType<Person> = [
    { title: '序号', width: 64, render: (_v, _r, i) => i + 1 },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 120,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: '职务', dataIndex: 'role', width: 160 },
    {
      title: '所属组织',
      dataIndex: 'organisation',
      width: 120,
      render: (v: string) => <Tag color={ORG_COLORS[v]}>{v}</Tag>,
    },
    {
      title: '类别',
      dataIndex: 'kind',
      width: 120,
      render: (_v, p) => (
        <Space size={2}>
          {p.kind === 'guest' ? <Tag>列席 · {p.guestCategory}</Tag> : '成员'}
          {p.isPartyMember && <Tag color="red">党员</Tag>}
        </Space>
      ),
    },
    { title: '联系电话', dataIndex: 'phone', width: 140 },
    { title: '备注', dataIndex: 'note', ellipsis: true },
    {
      title: '操作',
      width: 130,
      render: (_v, p) => (
        <Space size={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ open: true, editing: p })}
            aria-label={`编辑 ${p.name}`}
          >
            编辑
          </Button>
          <Popconfirm
            title={`删除 ${p.name}？`}
            description="删除后可在提示中撤销；历史记录仍会保留。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => remove(p)}
          >
            <Button type="link" size="small" danger aria-label={`删除 ${p.name}`}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <h1>人员名册</h1>
        <Space>
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'member', label: '成员' },
              { value: 'guest', label: '列席人员' },
              { value: 'all', label: '全部' },
            ]}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ open: true })}>
            添加人员
          </Button>
        </Space>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Person>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{
            emptyText:
              filter === 'guest'
                ? '还没有列席人员，开会时添加的列席人员会保存在这里'
                : '还没有人员，点击“添加人员”开始',
          }}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        共 {rows.length} 人。成员是联席会议的应到人员；列席人员按议题邀请，添加后可在以后的会议中重复选用。
      </Typography.Paragraph>
      <PersonDialog
        open={dialog.open}
        editing={dialog.editing}
        onClose={() => setDialog({ open: false })}
        onError={(m) => message.error(m)}
        onSaved={(p, again) => {
          message.success(dialog.editing ? `已保存 ${p.name}` : `已添加 ${p.name}`);
          if (!again) setDialog({ open: false });
          void load();
        }}
      />
    </div>
  );
}

import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, HistoryOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Popconfirm,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import type { ProjectDetail } from '../../../../shared/projects';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { call, errorMessage } from '../../lib/api';
import { longDate, money } from '../../lib/format';
import { DetailPending, useDetail } from '../../lib/useDetail';
import { useVillage } from '../../lib/village';
import { navigate } from '../../shell/useHashRoute';
import { AttachmentCard } from './AttachmentCard';
import { FollowUpCard } from './FollowUpCard';
import { MilestoneCard } from './MilestoneCard';
import { ProjectDialog } from './ProjectDialog';
import { STATUS_COLORS } from './projectColumns';
import { Section } from '../../components/Section';
import { ProjectDemands } from '../demands/ProjectDemands';

const text = (s: string | null) => s || <Typography.Text type="secondary">—</Typography.Text>;

/** One project: what it is, its milestones and progress, evidence, follow-ups and the meetings that decided it. */
export function ProjectPage({ id }: { id: string }) {
  const { message } = AntApp.useApp();
  const { operator } = useVillage();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);

  const { detail, error, reload } = useDetail<ProjectDetail>(useCallback(() => call('projects.get', { id }), [id]));
  const fail = (err: unknown) => message.error(errorMessage(err));
  if (!detail)
    return <DetailPending error={error} title="打不开这个项目" back={{ path: 'projects', label: '返回项目库' }} />;
  const p = detail.project;

  const remove = async () => {
    try {
      await call('projects.remove', { id: p.id });
      message.success(`已删除项目：${p.title}`);
      navigate('projects');
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div className="page">
      <div className="page-header no-print" style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('projects')}
          style={{ paddingLeft: 0 }}
        >
          项目库
        </Button>
        <Space>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
            修改记录
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑项目
          </Button>
          <Popconfirm
            title={`删除项目“${p.title}”？`}
            description="删除后可从备份中恢复。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => void remove()}
          >
            <Button danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      </div>
      <Card>
        <Space align="center" size={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
          <Tag color={STATUS_COLORS[p.status]}>{p.status}</Tag>
          <Tag>{p.category}</Tag>
          <Typography.Text type="secondary">{p.year}年</Typography.Text>
        </Space>
        <Descriptions size="small" column={3} style={{ marginTop: 12 }} styles={{ label: { color: '#667085' } }}>
          <Descriptions.Item label="项目来源">{p.source}</Descriptions.Item>
          <Descriptions.Item label="责任单位">{text(p.unit)}</Descriptions.Item>
          <Descriptions.Item label="责任人">{text(p.owner)}</Descriptions.Item>
          <Descriptions.Item label="领办领导">{text(p.lead)}</Descriptions.Item>
          <Descriptions.Item label="开始时间">{p.startDate ? longDate(p.startDate) : text(null)}</Descriptions.Item>
          <Descriptions.Item label="完成时限">{p.dueDate ? longDate(p.dueDate) : text(null)}</Descriptions.Item>
          <Descriptions.Item label="计划投资">{money(p.budget)}</Descriptions.Item>
          <Descriptions.Item label="已支出">{money(p.spent)}</Descriptions.Item>
          <Descriptions.Item label="资金来源">{text(p.fundSource)}</Descriptions.Item>
          <Descriptions.Item label="项目内容" span={3}>
            {text(p.description)}
          </Descriptions.Item>
          <Descriptions.Item label="进展情况" span={3}>
            {text(p.progressNote)}
          </Descriptions.Item>
          {p.note && (
            <Descriptions.Item label="备注" span={3}>
              {p.note}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <MilestoneCard detail={detail} reload={reload} fail={fail} />
            <FollowUpCard detail={detail} reload={reload} fail={fail} operator={operator} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <ProjectDemands key={`${p.id}:${p.status}`} project={p} />
            <AttachmentCard detail={detail} reload={reload} />
            <Section title="相关会议与决定" className="print-block">
              {detail.links.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description="还没有会议议题关联这个项目。在会议的议题上选“关联项目”即可。"
                />
              ) : (
                <List
                  dataSource={detail.links}
                  renderItem={(l) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Typography.Link href={`#/meetings/${l.meetingId}`}>
                            {longDate(l.meetingDate)} {l.meetingTitle}
                          </Typography.Link>
                        }
                        description={
                          <>
                            <div>议题：{l.title}</div>
                            {l.decision && <div>议定：{l.decision}</div>}
                            {detail.actions
                              .filter((a) => a.agendaItemId === l.agendaItemId)
                              .map((a) => (
                                <div key={a.id}>
                                  <Tag color={a.done ? 'success' : 'default'} bordered={false}>
                                    {a.done ? '已完成' : '未完成'}
                                  </Tag>
                                  {a.text}
                                  {a.owner && `（${a.owner}${a.dueDate ? `，${a.dueDate}前` : ''}）`}
                                </div>
                              ))}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </Section>
          </Space>
        </Col>
      </Row>
      <ProjectDialog
        open={editing}
        editing={p}
        year={p.year}
        categories={[]}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success('已保存');
          void reload();
        }}
      />
      <HistoryDrawer
        open={history}
        onClose={() => setHistory(false)}
        title={`修改记录：${p.title}`}
        source={{ kind: 'project', id: p.id }}
      />
    </div>
  );
}

import {
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  MessageOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { MeetingsPage } from '../pages/meetings/MeetingsPage';
import { lazyNamed } from './lazy';

// The first screen (the meeting list) comes with the app; every other page is loaded when it is first
// opened (Shell draws them inside <Lazy>, which says 正在加载… meanwhile).
const MeetingPage = lazyNamed(() => import('../pages/meetings/MeetingPage'), 'MeetingPage');
const TasksPage = lazyNamed(() => import('../pages/TasksPage'), 'TasksPage');
const ProjectsPage = lazyNamed(() => import('../pages/projects/ProjectsPage'), 'ProjectsPage');
const ProjectPage = lazyNamed(() => import('../pages/projects/ProjectPage'), 'ProjectPage');
const DemandsPage = lazyNamed(() => import('../pages/demands/DemandsPage'), 'DemandsPage');
const DemandPage = lazyNamed(() => import('../pages/demands/DemandPage'), 'DemandPage');
const SummaryPage = lazyNamed(() => import('../pages/summary/SummaryPage'), 'SummaryPage');
const PeoplePage = lazyNamed(() => import('../pages/PeoplePage'), 'PeoplePage');
const SettingsPage = lazyNamed(() => import('../pages/SettingsPage'), 'SettingsPage');

export interface Route {
  key: string;
  label: string;
  icon: ReactNode;
  /** `sub`: the rest of the hash path (e.g. a meeting id). */
  render(sub: string): ReactNode;
}

/** Navigation order = Ctrl+1 … Ctrl+7. */
export const ROUTES: Route[] = [
  {
    key: 'meetings',
    label: '会议',
    icon: <CalendarOutlined />,
    render: (sub) => (sub ? <MeetingPage key={sub} id={sub} /> : <MeetingsPage />),
  },
  {
    key: 'tasks',
    label: '任务',
    icon: <CheckSquareOutlined />,
    render: () => <TasksPage />,
  },
  {
    key: 'projects',
    label: '项目库',
    icon: <ProjectOutlined />,
    render: (sub) => (sub ? <ProjectPage key={sub} id={sub} /> : <ProjectsPage />),
  },
  {
    key: 'demands',
    label: '诉求',
    icon: <MessageOutlined />,
    render: (sub) => (sub ? <DemandPage key={sub} id={sub} /> : <DemandsPage />),
  },
  {
    key: 'summary',
    label: '汇总',
    icon: <BarChartOutlined />,
    render: () => <SummaryPage />,
  },
  { key: 'people', label: '人员', icon: <TeamOutlined />, render: () => <PeoplePage /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, render: () => <SettingsPage /> },
];

export const DEFAULT_ROUTE = 'meetings';

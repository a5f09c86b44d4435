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
import { DemandPage } from '../pages/demands/DemandPage';
import { DemandsPage } from '../pages/demands/DemandsPage';
import { MeetingPage } from '../pages/meetings/MeetingPage';
import { MeetingsPage } from '../pages/meetings/MeetingsPage';
import { PeoplePage } from '../pages/PeoplePage';
import { ProjectPage } from '../pages/projects/ProjectPage';
import { ProjectsPage } from '../pages/projects/ProjectsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { SummaryPage } from '../pages/summary/SummaryPage';
import { TasksPage } from '../pages/TasksPage';

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

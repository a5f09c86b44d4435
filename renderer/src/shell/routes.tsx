import {
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { PeoplePage } from '../pages/PeoplePage';
import { Placeholder } from '../pages/Placeholder';
import { SettingsPage } from '../pages/SettingsPage';

export interface Route {
  key: string;
  label: string;
  icon: ReactNode;
  render(): ReactNode;
}

/** Navigation order = Ctrl+1 … Ctrl+6. */
export const ROUTES: Route[] = [
  {
    key: 'meetings',
    label: '会议',
    icon: <CalendarOutlined />,
    render: () => (
      <Placeholder title="联席会议" text="每周联席会议的议程、出席、议定事项与会议纪要将在这里组织。" />
    ),
  },
  {
    key: 'tasks',
    label: '任务',
    icon: <CheckSquareOutlined />,
    render: () => <Placeholder title="任务清单" text="各次会议议定的任务（立刻办、限期办、分期分批办）将在这里汇总、勾销。" />,
  },
  {
    key: 'projects',
    label: '项目库',
    icon: <ProjectOutlined />,
    render: () => <Placeholder title="项目库" text="“我为群众办实事”项目清单、进度与台账将在这里管理。" />,
  },
  {
    key: 'summary',
    label: '汇总',
    icon: <BarChartOutlined />,
    render: () => <Placeholder title="汇总" text="周调度、周汇总以及县乡汇总各村数据将在这里查看。" />,
  },
  { key: 'people', label: '人员', icon: <TeamOutlined />, render: () => <PeoplePage /> },
  { key: 'settings', label: '设置', icon: <SettingOutlined />, render: () => <SettingsPage /> },
];

export const DEFAULT_ROUTE = 'meetings';

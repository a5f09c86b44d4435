import { Tabs } from 'antd';
import { useState } from 'react';
import { Lazy, lazyNamed } from '../../shell/lazy';
import { WeeklyPage } from './WeeklyPage';

/** 各村汇总 (its tables, charts and the bundle import) is loaded when its tab is first opened. */
const CountyPage = lazyNamed(() => import('./CountyPage'), 'CountyPage');

const TAB_KEY = 'lianxi.summary.tab';

/** 汇总: this village's 周报, and the villages imported from bundles side by side. */
export function SummaryPage() {
  const [tab, setTab] = useState(() => sessionStorage.getItem(TAB_KEY) ?? 'weekly');
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => {
        setTab(k);
        sessionStorage.setItem(TAB_KEY, k);
      }}
      tabBarStyle={{ padding: '0 24px', marginBottom: 0, background: '#fff' }}
      items={[
        { key: 'weekly', label: '本村周报', children: <WeeklyPage /> },
        {
          key: 'county',
          label: '各村汇总',
          children: (
            <div className="page">
              <div className="page-header">
                <h1>各村汇总</h1>
              </div>
              <Lazy>
                <CountyPage />
              </Lazy>
            </div>
          ),
        },
      ]}
    />
  );
}

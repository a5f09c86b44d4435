import { Alert, Button, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/backupChannels';
import type { Village } from '../../shared/domain';
import { call, errorMessage } from './lib/api';
import { VillageContext } from './lib/village';
import { FirstRun } from './pages/FirstRun';
import { Lazy, lazyNamed } from './shell/lazy';
import { Shell } from './shell/Shell';

/** Shown only when the database cannot be opened: not part of the first screen's code. */
const RecoveryScreen = lazyNamed(() => import('./pages/RecoveryScreen'), 'RecoveryScreen');

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'unavailable'; status: AppStatus }
  | { state: 'ready'; village: Village | null; operator: string };

export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const status = await call('app.status', {});
      if (!status.ready) {
        setLoad({ state: 'unavailable', status });
        return;
      }
      const [village, info] = await Promise.all([call('village.get', {}), call('app.info', {})]);
      setLoad({ state: 'ready', village, operator: info.operator });
    } catch (err) {
      setLoad({ state: 'error', message: errorMessage(err) });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    document.title = load.state === 'ready' && load.village ? `${load.village.name} · 联席通` : '联席通';
  }, [load]);

  if (load.state === 'loading') {
    return (
      <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" tip="正在打开数据库…">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  if (load.state === 'error') {
    return (
      <div className="page">
        <Alert
          type="error"
          showIcon
          message="无法读取数据"
          description={load.message}
          action={<Button onClick={() => void refresh()}>重试</Button>}
        />
      </div>
    );
  }
  if (load.state === 'unavailable') {
    return (
      <Lazy>
        <RecoveryScreen status={load.status} onRecovered={refresh} />
      </Lazy>
    );
  }
  if (!load.village) return <FirstRun onDone={refresh} />;
  return (
    <VillageContext.Provider value={{ village: load.village, operator: load.operator, refresh }}>
      <Shell />
    </VillageContext.Provider>
  );
}

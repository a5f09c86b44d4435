import { MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { SearchBox } from '../components/SearchBox';
import { today } from '../lib/format';
import { useVillage } from '../lib/village';
import { Lazy } from './lazy';
import { ShortcutHelp } from './ShortcutHelp';
import { DEFAULT_ROUTE, ROUTES } from './routes';
import { useHashRoute } from './useHashRoute';

const KEYS = ROUTES.map((r) => r.key);
const COLLAPSED_KEY = 'lianxi.sidebarCollapsed';

/** The sidebar folded to its icons, remembered on this computer. */
function useCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const toggle = () =>
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });
  return [collapsed, toggle];
}

export function Shell() {
  const { village, operator } = useVillage();
  const [route, go] = useHashRoute(KEYS, DEFAULT_ROUTE);
  const current = ROUTES.find((r) => r.key === route.page) ?? ROUTES[0]!;
  const [collapsed, toggleCollapsed] = useCollapsed();
  // The header's date turns over at midnight in China, also in a window left open overnight.
  const [day, setDay] = useState(today);
  useEffect(() => {
    const timer = setInterval(() => setDay(today()), 60_000);
    return () => clearInterval(timer);
  }, []);

  // Ctrl+1 … Ctrl+7 switch pages, as in most Chinese office software.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const n = Number(e.key);
      if (n >= 1 && n <= ROUTES.length) {
        e.preventDefault();
        go(ROUTES[n - 1]!.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={200} collapsedWidth={64} collapsed={collapsed} trigger={null} theme="dark">
        <div className="brand">
          <span className="brand-mark">联</span>
          {!collapsed && '联席通'}
        </div>
        <nav aria-label="主导航">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[route.page]}
            onClick={({ key }) => go(key)}
            items={ROUTES.map((r, i) => ({
              key: r.key,
              icon: r.icon,
              label: (
                <Tooltip title={`Ctrl+${i + 1}`} placement="right" mouseEnterDelay={0.8}>
                  <span>{r.label}</span>
                </Tooltip>
              ),
              'aria-label': r.label,
            }))}
          />
        </nav>
        <Button
          type="text"
          className="sider-toggle"
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={toggleCollapsed}
          aria-label={collapsed ? '展开导航' : '收起导航'}
          title={collapsed ? '展开导航' : '收起导航'}
        >
          {!collapsed && '收起导航'}
        </Button>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0 24px',
            height: 56,
            borderBottom: '1px solid #e6e9ef',
          }}
        >
          <Space size={12} align="baseline">
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="village-name">
              {village.name}
            </Typography.Text>
            <Typography.Text type="secondary">
              {village.county} · {village.township}
            </Typography.Text>
          </Space>
          <Space size={20}>
            <SearchBox />
            <ShortcutHelp />
            <Typography.Text type="secondary">{dayjs(day).format('YYYY年M月D日 dddd')}</Typography.Text>
            <Typography.Text>
              <UserOutlined /> {operator}
            </Typography.Text>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto' }}>
          <div role="region" aria-label={current.label}>
            <Lazy key={current.key}>{current.render(route.sub)}</Lazy>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

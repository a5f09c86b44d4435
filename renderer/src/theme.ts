import type { ThemeConfig } from 'antd';

export const FONT_STACK =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", ' +
  '"Helvetica Neue", Arial, sans-serif';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1e5fb4',
    colorError: '#c62828',
    colorWarning: '#d97706',
    borderRadius: 6,
    fontFamily: FONT_STACK,
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: '#142a4a', headerBg: '#ffffff', bodyBg: '#f3f5f8' },
    Menu: { darkItemBg: '#142a4a', darkItemSelectedBg: '#1e5fb4' },
  },
};

/** The Chinese application menu. */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME, APP_VERSION } from '../../shared/version';

export function buildMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { role: 'toggleDevTools', label: '开发者工具', visible: !app.isPackaged },
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: `关于${APP_NAME}`,
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: `关于${APP_NAME}`,
              message: `${APP_NAME} ${APP_VERSION}`,
              detail: '村两委与驻村工作队联席会议、任务清单与项目库。数据全部保存在本机。',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

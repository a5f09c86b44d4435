// ESLint: typescript-eslint plus the import boundaries that keep the shape
// (docs/architecture.md): the core and shared/ never import 'electron'; shared/
// imports nothing from node:, DOM libraries or drizzle; renderer/ never imports
// electron/; inside the core each layer imports only the layers below it:
//   lib → db (and handlerTypes.ts) → domain/* → documents/, exchange/ → seed/ → index, dispatch, handlers → cli/
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'http', 'net'];

/* The core's layers. Each entry: the files, and the layers above them they may not import. */
const CORE_BASE = {
  paths: [{ name: 'electron', message: 'electron/core 不得引用 electron：核心必须能在纯 Node 中运行。' }],
  patterns: [
    {
      group: ['**/renderer/**', '**/electron/main/**', '**/main/*', '**/preload/**'],
      message: '核心不得引用界面或 Electron 进程代码。',
    },
  ],
};
const layer = (name) => ({
  regex: `^(\\./|(\\.\\./)+)${name}(/|$)`,
  message: `这一层不得引用上层的 ${name}/（见 docs/architecture.md）。`,
});
/** The core's entry files (index, dispatch, handlers) by any relative path from below them. */
const ENTRY = {
  regex: '^(\\.\\./)+(index|dispatch|handlers)$',
  message: '这一层不得引用核心的入口（index、dispatch、handlers）。',
};
const TYPES = { regex: '^(\\.\\./)+handlerTypes$', message: '这一层不得引用 handlerTypes（它属于 db 之上的一层）。' };
const ABOVE_DOMAIN = ['documents', 'exchange', 'seed', 'cli'].map(layer);
const CORE_LAYERS = [
  { files: ['electron/core/lib/**/*.ts'], forbid: [layer('db'), layer('domain'), ...ABOVE_DOMAIN, ENTRY, TYPES] },
  { files: ['electron/core/db/**/*.ts'], forbid: [layer('domain'), ...ABOVE_DOMAIN, ENTRY, TYPES] },
  {
    files: ['electron/core/handlerTypes.ts'],
    forbid: [layer('domain'), ...ABOVE_DOMAIN, { ...ENTRY, regex: '^\\./(index|dispatch|handlers)$' }],
  },
  { files: ['electron/core/domain/**/*.ts'], forbid: [...ABOVE_DOMAIN, ENTRY] },
  {
    files: ['electron/core/documents/**/*.ts', 'electron/core/exchange/**/*.ts'],
    forbid: [layer('seed'), layer('cli'), ENTRY],
  },
  { files: ['electron/core/seed/**/*.ts'], forbid: [layer('cli')] },
  {
    files: ['electron/core/index.ts', 'electron/core/dispatch.ts', 'electron/core/handlers.ts'],
    forbid: [layer('seed'), layer('cli')],
  },
];

function coreLayers() {
  return [
    { files: ['electron/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', CORE_BASE] } },
    ...CORE_LAYERS.map(({ files, forbid }) => ({
      files,
      rules: { 'no-restricted-imports': ['error', { ...CORE_BASE, patterns: [...CORE_BASE.patterns, ...forbid] }] },
    })),
  ];
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: '不得使用 dangerouslySetInnerHTML：文本一律按文本显示。',
        },
      ],
    },
  },
  ...coreLayers(),
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ 不得引用 electron。' },
            ...NODE_BUILTINS.filter((n) => !n.includes('*')).map((name) => ({
              name,
              message: 'shared/ 不得引用 Node 模块。',
            })),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ 不得引用 Node 模块。' },
            { group: ['drizzle-orm', 'drizzle-orm/*', 'sqlite3'], message: 'shared/ 不得引用数据库库。' },
            { group: ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*'], message: 'shared/ 不得引用界面库。' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 只能被引用，不能引用其他层。' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Pages load their data in an effect through the async API; the loading flag set there is intended.
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: '界面只能通过 window.lianxi 与核心通信。' }],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'renderer/ 不得引用 electron/ 下的代码，只能通过 shared/ 的接口约定。',
            },
            {
              group: ['node:*', 'sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
              message: '界面不得引用 Node 或数据库模块。',
            },
          ],
        },
      ],
    },
  },
  // Functions read as steps: at most 80 lines in the core and shared/ (blank lines and comments aside).
  // Page components are markup for the most part and are held to 200 until each screen is split.
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'tests/helpers/**/*.ts', 'tests/e2e/harness.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 200, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['tests/**/*.ts', '*.config.ts', '*.config.mjs'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

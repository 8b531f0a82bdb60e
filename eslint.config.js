// Lint: typescript-eslint's recommended rules, plus the layer rules of docs/architecture.md as
// no-restricted-imports so the editor flags a breach as it is typed (tests/architecture checks them too).
import tseslint from 'typescript-eslint';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', '.stryker-tmp/', 'reports/', 'dist/', 'out/', 'coverage/', '**/*.d.ts', 'resources/', 'docs/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src/ is the core: no Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/ is the core: no React.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'src/ must not import main/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeModules, message: 'renderer/ runs in the browser: no Node modules.' },
            { group: ['electron', 'electron/*', 'better-sqlite3', 'kysely', 'docx', 'jszip'], message: 'renderer/ reaches the core only through the API.' },
            { group: ['**/main/**'], message: 'renderer/ must not import main/.' },
            { group: ['**/src/database/**', '**/src/core/**', '**/service', '**/src/cli/**'], message: 'renderer/ may import only pure src files.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main/ must not import renderer/.' }] }],
    },
  },
);

// ESLint: typescript-eslint strict plus the dependency rules of ARCHITECTURE.md as import bans,
// so a wrong-way import fails `pnpm test`.
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const drizzleBan = {
  group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema.ts', 'better-sqlite3'],
  message: 'Only *.repo.ts files, db/ and tests touch drizzle and the schema (routes -> service -> repo -> db).',
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'apps/api/src/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@desk/*', '../../apps/*', '**/apps/**'], message: 'packages/domain imports nothing of ours.' },
            { group: ['node:*', 'fs', 'path', 'crypto', 'http'], message: 'packages/domain is pure: no Node APIs.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'fetch'],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.repo.ts', 'apps/api/src/db/**', 'apps/api/src/**/*.test.ts', 'apps/api/src/test/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [drizzleBan] }] },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@desk/api', allowTypeImports: true, message: 'The web app imports only types from the API.' }],
          patterns: [
            { group: ['**/apps/api/**', '../../api/**'], message: 'Import the API as types from @desk/api only.' },
            { group: ['drizzle-orm', 'better-sqlite3', 'node:*'], message: 'No server code in the SPA.' },
          ],
        },
      ],
    },
  },
  {
    // a feature never imports another feature; pages (app/) compose them
    files: ['apps/web/src/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@desk/api', allowTypeImports: true, message: 'The web app imports only types from the API.' }],
          patterns: [
            { group: ['../../*/**', '!../../../**'], message: 'A feature never imports another feature.' },
            { group: ['**/features/**'], message: 'A feature never imports another feature; compose them in app/.' },
            { group: ['drizzle-orm', 'better-sqlite3', 'node:*'], message: 'No server code in the SPA.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/e2e/**', '**/bench/**', 'apps/api/src/test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)

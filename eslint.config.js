// ESLint: typescript-eslint strict plus the dependency rules of ARCHITECTURE.md as zones of
// eslint-plugin-import-x (`no-restricted-paths` on resolved files, `no-cycle`), so a wrong-way
// import fails `pnpm test` whatever its spelling. tooling/lint-boundaries.test.ts proves each zone
// still reports a file that breaks it.
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname
const at = (p) => resolve(root, p)
const folders = (p) =>
  readdirSync(at(p), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)

const api = 'apps/api/src'
const web = 'apps/web/src'

/** Zones checked on every file: `target` files may not import resolved files in `from`. */
const zones = [
  {
    target: 'packages/domain/src',
    from: ['apps', 'node_modules/@desk'],
    message: 'packages/domain imports nothing of ours.',
  },
  {
    target: web,
    from: 'apps/api',
    except: ['./src/app.ts'],
    message: "The web app imports only `import type { AppType } from '@desk/api'`.",
  },
  // only repos, db/ and tests reach the SQL layer (routes -> service -> repo -> db)
  ...[
    ['drizzle-orm', 'better-sqlite3'].map((p) => at(`node_modules/.pnpm/*/node_modules/${p}/**`)),
    `${api}/db/schema.ts`,
  ].map((from) => ({
    target: [`${api}/*.ts`, `${api}/{lib,cli}/**/*.ts`, `${api}/modules/**/!(*.repo|*.test).ts`],
    from,
    message:
      'Only *.repo.ts files, db/ and tests touch drizzle and the schema (routes -> service -> repo -> db).',
  })),
  {
    target: [`${api}/modules/**/*.routes.ts`],
    from: [at(`${api}/**/*.repo.ts`)],
    message: 'Routes call services, never repos (routes -> service -> repo).',
  },
  ...folders(`${api}/modules`).map((m) => ({
    target: [`${api}/modules/${m}/**`],
    from: [at(`${api}/modules/*/*.repo.ts`)],
    except: [at(`${api}/modules/${m}/*.repo.ts`)],
    message: `A module uses its own repos; ask the other module's service (in ${m}).`,
  })),
  ...folders(`${web}/features`).map((f) => ({
    target: [`${web}/features/${f}/**`],
    from: [at(`${web}/features/*/**`)],
    except: [at(`${web}/features/${f}/**`)],
    message: 'A feature never imports another feature; compose them in app/.',
  })),
  {
    target: `${web}/features`,
    from: `${web}/app`,
    message: 'Features do not import app/ (app/ composes features).',
  },
  {
    target: [`${web}/lib`, `${web}/components`, `${web}/utils`],
    from: [`${web}/features`, `${web}/app`],
    message: 'Shared code (lib/, components/, utils/) imports no feature and no page.',
  },
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/api/src/db/migrations/**',
      'tooling/lint-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver()],
      // no-cycle follows only files it can parse: without these it silently skips every .ts file
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // the data layer is async: an un-awaited query or service call would run outside its
    // transaction or lose its error, and `if (promise)` is always true
    files: ['apps/api/**/*.ts'],
    ignores: ['apps/api/drizzle.config.ts', 'apps/api/drizzle.pg.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // repos take their tables from the handle (`tables(db)`, db/engine.ts): schema.ts holds the
    // SQLite tables, and drizzle's PostgreSQL dialect cannot print queries over them
    files: [`${api}/**/*.ts`],
    ignores: [`${api}/db/**`, `${api}/test/**`, '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)db/schema(\\.ts)?$',
              allowTypeImports: true,
              message:
                'Take tables from the handle: `const { inquiries } = tables(db)` (db/engine.ts); only `import type` from the schema.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http'],
              message: 'packages/domain is pure: no Node APIs.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'fetch'],
    },
  },
  {
    files: [`${web}/**/*.{ts,tsx}`],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@desk/api',
              allowTypeImports: true,
              message: 'The web app imports only types from the API.',
            },
          ],
          patterns: [
            {
              group: ['drizzle-orm', 'better-sqlite3', 'node:*'],
              message: 'No server code in the SPA.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/e2e/**', '**/bench/**', `${api}/test/**`],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)

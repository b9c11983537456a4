/**
 * The dependency rules of ARCHITECTURE.md bite: each fixture below breaks one rule from the file
 * where the rule applies (a virtual path in the real tree, so imports resolve to real files) and
 * must be reported by ESLint with that rule; the allowed twin of each must not be, so a zone that
 * grew too wide fails too. Runs the repository's own eslint.config.js through ESLint's Node API.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
// The fixtures are virtual files no tsconfig includes, so the type-aware rules of apps/api (which
// need the TypeScript project) are left out here; the boundary rules need no types.
const eslint = new ESLint({
  cwd: root,
  ignore: false,
  overrideConfig: {
    files: ['apps/api/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
})

type Fixture = { rule: string; file: string; code: string }

const BREAKS: Record<string, Fixture> = {
  'a repo imports a table of the SQLite schema instead of taking it from the handle': {
    rule: '@typescript-eslint/no-restricted-imports',
    file: 'apps/api/src/modules/users/fixture.repo.ts',
    code: "import { users } from '../../db/schema.ts'\nexport const x = users\n",
  },
  'domain imports nothing of ours': {
    rule: 'import-x/no-restricted-paths',
    file: 'packages/domain/src/fixture.ts',
    code: "import { createApp } from '../../../apps/api/src/app.ts'\nexport const x = createApp\n",
  },
  'domain uses no Node API': {
    rule: 'no-restricted-imports',
    file: 'packages/domain/src/fixture.ts',
    code: "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
  },
  'web imports no API value through the package': {
    rule: '@typescript-eslint/no-restricted-imports',
    file: 'apps/web/src/lib/fixture.ts',
    code: "import { createApp } from '@desk/api'\nexport const x = createApp\n",
  },
  'web imports no API file by path': {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/web/src/lib/fixture.ts',
    code: "import { listUsers } from '../../../api/src/modules/users/users.service.ts'\nexport const x = listUsers\n",
  },
  'a service does not import drizzle': {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/api/src/modules/users/fixture.service.ts',
    code: "import { eq } from 'drizzle-orm'\nexport const x = eq\n",
  },
  'a route does not import the schema': {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/api/src/modules/users/fixture.routes.ts',
    code: "import { users } from '../../db/schema.ts'\nexport const x = users\n",
  },
  'a route does not import a repo, not even its own': {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/api/src/modules/users/fixture.routes.ts',
    code: "import * as repo from './users.repo.ts'\nexport const x = repo\n",
  },
  "a module does not import another module's repo": {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/api/src/modules/templates/fixture.service.ts',
    code: "import * as repo from '../users/users.repo.ts'\nexport const x = repo\n",
  },
  "a feature's root file does not import another feature": {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/web/src/features/imports/fixture.ts',
    code: "import * as q from '../queue/api/queue-queries.ts'\nexport const x = q\n",
  },
  "a feature's component does not import another feature": {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/web/src/features/imports/components/fixture.tsx',
    code: "import * as q from '../../queue/api/queue-queries.ts'\nexport const x = q\n",
  },
  'lib/ imports no feature': {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/web/src/lib/fixture.ts',
    code: "import * as q from '../features/queue/api/queue-queries.ts'\nexport const x = q\n",
  },
  'a feature does not import app/': {
    rule: 'import-x/no-restricted-paths',
    file: 'apps/web/src/features/queue/fixture.ts',
    code: "import * as r from '../../app/router.tsx'\nexport const x = r\n",
  },
  'no import cycle': {
    rule: 'import-x/no-cycle',
    file: 'tooling/lint-fixtures/cycle-a.ts',
    code: readFileSync(resolve(root, 'tooling/lint-fixtures/cycle-a.ts'), 'utf8'),
  },
}

const ALLOWED: Record<string, Omit<Fixture, 'rule'>> = {
  'web imports the API type': {
    file: 'apps/web/src/lib/fixture.ts',
    code: "import type { AppType } from '@desk/api'\nexport type X = AppType\n",
  },
  'a repo imports drizzle, the tables of the handle and the schema’s types': {
    file: 'apps/api/src/modules/users/fixture.repo.ts',
    code: "import { eq } from 'drizzle-orm'\nimport { tables } from '../../db/engine.ts'\nimport type * as schema from '../../db/schema.ts'\nexport type U = typeof schema.users.$inferSelect\nexport const x = [eq, tables]\n",
  },
  'a service imports its own repo and another module’s service': {
    file: 'apps/api/src/modules/users/fixture.service.ts',
    code: "import * as repo from './users.repo.ts'\nimport * as d from '../departments/departments.service.ts'\nexport const x = [repo, d]\n",
  },
  'a feature imports its own files, lib/ and the domain': {
    file: 'apps/web/src/features/queue/components/fixture.tsx',
    code: "import * as q from '../api/queue-queries.ts'\nimport * as l from '../../../lib/api-client.ts'\nimport * as d from '@desk/domain'\nexport const x = [q, l, d]\n",
  },
  'app/ composes features': {
    file: 'apps/web/src/app/fixture.tsx',
    code: "import * as q from '../features/queue/api/queue-queries.ts'\nimport * as i from '../features/imports/api/imports-queries.ts'\nexport const x = [q, i]\n",
  },
}

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return result!.messages
}

describe('lint boundaries', () => {
  it.each(Object.entries(BREAKS))('reports: %s', async (_name, { rule, file, code }) => {
    const messages = await lint(file, code)
    expect(messages.map((m) => m.ruleId)).toContain(rule)
  })

  it.each(Object.entries(ALLOWED))('allows: %s', async (_name, { file, code }) => {
    const messages = await lint(file, code)
    expect(messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([])
  })
})

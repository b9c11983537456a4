/**
 * The OpenAPI 3.1 document of the running app, built from its registered routes (`app.routes`)
 * and, for each, the zod schemas its own `validate()` middleware checks (zod's `toJSONSchema`,
 * JSON Schema 2020-12, the dialect OpenAPI 3.1 uses). Success responses carry a schema where
 * `openapi.responses.ts` gives one; every route documents the error shape, and the refusals that
 * file describes by status (DOCUMENTED_ERRORS) are listed with their meaning.
 */
import { API_ERROR_CODES } from '@desk/domain'
import { z } from 'zod'
import { validationOf, type Validation } from '../../lib/validate.ts'
import { DOCUMENTED_ERRORS, DOCUMENTED_RESPONSES, REQUEST_EXAMPLES } from './openapi.responses.ts'
import { documentCodeRules } from './openapi.rules.ts'

/**
 * The document's introduction, in Chinese first: the reference page's own labels (Swagger UI's
 * "Try it out", "Parameters" …) are English, since swagger-ui-dist has no translations and
 * replacing its labels would mean patching its bundle; the introduction says in Chinese what a
 * bureau's IT staff need to start, then the same in English.
 */
const INTRODUCTION = [
  '**多渠道问政答复台接口说明。** 本文档列出答复台的全部接口，由各接口实际校验请求所用的规则生成，与接口行为一致。' +
    '本页的按钮和栏目名称（Try it out、Parameters、Responses 等）为参考页组件自带的英文，接口说明以本文为准。',
  '- **登录：** 工作人员用 `POST /auth/login`（用户名、密码）登录，得到会话 Cookie 和 `csrfToken`；此后每个修改数据的请求都要带请求头 `X-CSRF-Token`。',
  '- **渠道接入：** 平台对接程序用管理员在「配置 › 渠道」中生成的令牌，请求头 `Authorization: Bearer <令牌>`；大文件先 `POST /channels/{code}/uploads` 上传得到 `token`，再在条目的 `attachments` 中引用。',
  '- **防重复提交：** 新建类的 POST 可带 `Idempotency-Key` 请求头，重发时返回第一次的结果，不会重复写入。',
  '- **错误：** 统一为 `{ error: { code, message, details? } }`；输入有误时返回 422，`details` 指明字段和原因（附件被拒时含 `file` 和 `reason`）。',
  '- **文字与日期规则：** 文字先去掉首尾空白再计算长度，不接受 NUL 字符（U+0000）和孤立的 UTF-16 代理项（如 JSON 中单独的 `\\ud800`，不是有效的 Unicode 文字）；日期和时间须在 1992-01-01 至 2100-12-31（北京时间）之间，时间须带时区（如 `+08:00`）。',
  '',
  'Every route of the desk. Staff sign in with `POST /auth/login`, which sets the session ' +
    'cookie and answers `csrfToken`; every state-changing request sends it as `X-CSRF-Token`. ' +
    'Channel bridges send `Authorization: Bearer <token>` (tokens: 配置 › 渠道). A POST that ' +
    'creates something takes an `Idempotency-Key` header: a resend returns the first result. ' +
    'Errors: `{ error: { code, message, details? } }`. Text is trimmed before its length is ' +
    'counted; NUL and a lone UTF-16 surrogate (not valid Unicode text) are refused; dates lie in 1992-01-01..2100-12-31 (Asia/Shanghai).',
].join('\n')

/** One entry of Hono's `app.routes` (the fields read here). */
export type RegisteredRoute = { method: string; path: string; handler: object }

type JsonSchema = Record<string, unknown>
type Operation = Record<string, unknown>

const errorSchema = z.object({
  error: z.object({
    code: z.enum([...API_ERROR_CODES, 'INTERNAL']),
    message: z.string(),
    details: z.unknown().optional(),
  }),
})

/** `/inquiries/:id` -> `/inquiries/{id}` (Hono's `:name{regex}` too). */
export const openApiPath = (honoPath: string) =>
  honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')

/** Routes answered without a session: sign-in, the citizen's mailbox, the document itself. */
const isPublic = (path: string) =>
  path === '/health' ||
  path === '/auth/login' ||
  path === '/openapi.json' ||
  path.startsWith('/reference') ||
  path.startsWith('/public/') ||
  path === '/channels/{code}/files/{id}'

/** The channel API: a channel's bearer token, or a staff session. */
const isChannelApi = (path: string) =>
  /^\/channels\/\{code\}\/(uploads|inquiries)/.test(path) && path !== '/channels/{code}/files/{id}'

function toSchema(schema: z.ZodType): JsonSchema {
  // io 'input': what the client sends (before defaults and transforms); the rules written in
  // code that JSON Schema can say (trim, NUL, the date range) are added by documentCodeRules
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: documentCodeRules,
  }) as JsonSchema
  delete out.$schema
  return out
}

const objectParts = (schema: JsonSchema) => ({
  properties: (schema.properties ?? {}) as Record<string, JsonSchema>,
  required: new Set((schema.required ?? []) as string[]),
})

const PARAMETER_PLACE = {
  param: 'path',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
} as const

function parameters(validations: Validation[]) {
  return validations.flatMap(({ target, schema }) => {
    if (!(target in PARAMETER_PLACE)) return []
    const place = PARAMETER_PLACE[target as keyof typeof PARAMETER_PLACE]
    const { properties, required } = objectParts(toSchema(schema))
    return Object.entries(properties).map(([name, s]) => ({
      name,
      in: place,
      required: place === 'path' || required.has(name),
      schema: s,
    }))
  })
}

function requestBody(method: string, path: string, validations: Validation[]) {
  const json = validations.find((v) => v.target === 'json')
  const form = validations.find((v) => v.target === 'form')
  const example = REQUEST_EXAMPLES[`${method} ${path}`]
  if (json) {
    const media: Record<string, unknown> = { schema: toSchema(json.schema) }
    if (example !== undefined) media.examples = { example: { value: example } }
    return { required: true, content: { 'application/json': media } }
  }
  if (form) {
    return { required: true, content: { 'multipart/form-data': { schema: toSchema(form.schema) } } }
  }
  // the same rule app.ts uses to read uploads under their own limits: the raw bytes of one file
  if (method === 'POST' && path.endsWith('/uploads')) {
    return {
      required: true,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    }
  }
  return undefined
}

const CSV = 'text/csv'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOWNLOADS: [RegExp, string[]][] = [
  [/\.csv$/, [CSV]],
  [/\.xlsx$/, [XLSX]],
  [/\/dashboard\/\{file\}$/, [CSV, XLSX]],
  [/\/docx$/, ['application/vnd.openxmlformats-officedocument.wordprocessingml.document']],
  [/\/(attachments|files)\/\{id\}(\/preview)?$/, ['application/octet-stream']],
]

function successResponses(method: string, path: string) {
  const documented = DOCUMENTED_RESPONSES[`${method} ${path}`]
  if (documented) {
    return Object.fromEntries(
      Object.entries(documented).map(([status, { description, schema }]) => [
        status,
        { description, content: { 'application/json': { schema: toSchema(schema) } } },
      ]),
    )
  }
  const download = DOWNLOADS.find(([pattern]) => pattern.test(path))
  if (method === 'GET' && download) {
    const binary = { schema: { type: 'string', format: 'binary' } }
    const content = Object.fromEntries(download[1].map((type) => [type, binary]))
    return { '200': { description: 'The file', content } }
  }
  return { '2XX': { description: 'Success (JSON)', content: { 'application/json': {} } } }
}

/** Path parameters no validator names (read by the handler itself): plain strings. */
function undeclaredPathParameters(path: string, declared: { name: string; in: string }[]) {
  return [...path.matchAll(/\{([^}]+)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !declared.some((p) => p.in === 'path' && p.name === name))
    .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
}

function operation(method: string, path: string, validations: Validation[]): Operation {
  const declared = parameters(validations)
  const error = {
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  }
  const op: Operation = {
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch?: string) => (ch ?? '').toUpperCase())}`,
    // a dot in a tag stops Swagger UI rendering at that tag (it is part of its deep-link keys)
    tags: [(path.split('/')[1] ?? '').replace(/\..*$/, '')],
    parameters: [...declared, ...undeclaredPathParameters(path, declared)],
    responses: {
      ...successResponses(method, path),
      ...(validations.length > 0
        ? { '422': { description: 'VALIDATION: `details` name each field and reason', ...error } }
        : {}),
      ...Object.fromEntries(
        Object.entries(DOCUMENTED_ERRORS[`${method} ${path}`] ?? {}).map(
          ([status, description]) => [status, { description, ...error }],
        ),
      ),
      '4XX': { description: 'Refused: the code says why', ...error },
    },
  }
  const body = requestBody(method, path, validations)
  if (body) op.requestBody = body
  if (isPublic(path)) op.security = []
  else if (isChannelApi(path)) op.security = [{ channelToken: [] }, { session: [], csrf: [] }]
  return op
}

/**
 * The document for `routes` (Hono's `app.routes` of the `/api` app): one operation per method
 * and path, middleware-only entries (`ALL`) left out. Paths are relative to `servers[0].url`.
 */
export function buildOpenApiDocument(routes: readonly RegisteredRoute[]) {
  const byOperation = new Map<string, { method: string; path: string; validations: Validation[] }>()
  for (const r of routes) {
    if (r.method === 'ALL') continue
    const path = openApiPath(r.path)
    const key = `${r.method} ${path}`
    const entry = byOperation.get(key) ?? { method: r.method, path, validations: [] }
    const validation = validationOf(r.handler)
    if (validation) entry.validations.push(validation)
    byOperation.set(key, entry)
  }
  const paths: Record<string, Record<string, Operation>> = {}
  for (const { method, path, validations } of byOperation.values()) {
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation(method, path, validations) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Inquiry Desk API',
      version: '1',
      description: INTRODUCTION,
    },
    servers: [{ url: '/api' }],
    security: [{ session: [], csrf: [] }],
    components: {
      schemas: { Error: toSchema(errorSchema) },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'desk_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        channelToken: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  }
}

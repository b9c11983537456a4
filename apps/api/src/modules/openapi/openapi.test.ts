import { Validator, type Schema } from '@cfworker/json-schema'
import { PROPOSAL_CHANNEL } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { ensureChannels } from '../channels/channels.service.ts'
import { tinyPdf } from '../../test/files.ts'
import { addInquiries, call, setupDesk, signIn, T0, type Desk } from '../../test/setup.ts'
import { openApiPath } from './openapi.document.ts'
import { DOCUMENTED_ERRORS, DOCUMENTED_RESPONSES, REQUEST_EXAMPLES } from './openapi.responses.ts'

type Parameter = { name: string; in: string; required: boolean; schema: Schema }
type Operation = {
  parameters: Parameter[]
  requestBody?: {
    content: Record<string, { schema: Schema; examples?: { example: { value: unknown } } }>
  }
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>
}
type Document = {
  openapi: string
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

async function documentOf(desk: Desk) {
  const res = await desk.app.request('/openapi.json')
  expect(res.status).toBe(200)
  return (await res.json()) as Document
}

const operationOf = (doc: Document, key: string) => {
  const [method = '', path = ''] = key.split(' ')
  const op = doc.paths[path]?.[method.toLowerCase()]
  if (!op) throw new Error(`${key} is not in the document`)
  return op
}

const bodySchema = (op: Operation) => op.requestBody?.content['application/json']?.schema ?? {}

/** The documented query parameters as one object schema (values as the route parses them). */
const querySchema = (op: Operation): Schema => ({
  type: 'object',
  properties: Object.fromEntries(
    op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]),
  ),
  required: op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
  additionalProperties: false,
})

/** Whether `value`, as sent on the wire (JSON), passes the documented `schema`. */
const documentedValid = (schema: Schema, value: unknown) =>
  new Validator(schema, '2020-12', false).validate(JSON.parse(JSON.stringify(value)) as unknown)
    .valid

async function tokenFor(desk: Desk, code: string) {
  const admin = await signIn(desk, 'admin')
  const res = await call(desk, admin, 'POST', `/channels/${code}/tokens`, { name: 'bridge' })
  return ((await res.json()) as { token: string }).token
}

const bearer = (desk: Desk, token: string, path: string, body: unknown) =>
  desk.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

/** True when the route refused the request as invalid input (422 VALIDATION). */
async function refusedAsInvalid(res: Response) {
  if (res.status !== 422) return false
  return ((await res.json()) as { error: { code: string } }).error.code === 'VALIDATION'
}

describe('GET /openapi.json', () => {
  it('lists every route registered in the app, with each method, as OpenAPI 3.1', async () => {
    const desk = await setupDesk()
    const doc = await documentOf(desk)
    expect(doc.openapi).toBe('3.1.0')
    const registered = new Set(
      desk.app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
    )
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      ),
    )
    expect(registered.size).toBeGreaterThan(100)
    expect([...registered].filter((r) => !documented.has(r))).toEqual([])
    expect([...documented].filter((d) => !registered.has(d))).toEqual([])
    expect(documented.has('post /channels/{code}/inquiries/{externalId}/messages')).toBe(true)
    expect(documented.has('get /openapi.json')).toBe(true)
    // every path parameter is declared, as OpenAPI requires
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      for (const op of Object.values(ops)) {
        expect(
          op.parameters
            .filter((p) => p.in === 'path')
            .map((p) => p.name)
            .sort(),
        ).toEqual(names.sort())
      }
    }
  })

  it('documents the responses and examples only of routes that exist', async () => {
    const desk = await setupDesk()
    const doc = await documentOf(desk)
    for (const key of [
      ...Object.keys(DOCUMENTED_RESPONSES),
      ...Object.keys(DOCUMENTED_ERRORS),
      ...Object.keys(REQUEST_EXAMPLES),
    ]) {
      expect(() => operationOf(doc, key)).not.toThrow()
    }
  })

  it('gives the channel API’s examples, which the routes accept, answering the documented shapes', async () => {
    const desk = await setupDesk()
    const doc = await documentOf(desk)
    const token = await tokenFor(desk, 'minxin')
    const intake = operationOf(doc, 'POST /channels/{code}/inquiries')
    const example = intake.requestBody?.content['application/json']?.examples?.example.value
    expect(documentedValid(bodySchema(intake), example)).toBe(true)
    const created = await bearer(desk, token, '/channels/minxin/inquiries', example)
    expect(created.status).toBe(201)
    const createdBody = (await created.json()) as { results: { created: boolean }[] }
    expect(createdBody.results[0]?.created).toBe(true)
    const intakeSchema = intake.responses['201']?.content?.['application/json']?.schema ?? {}
    expect(documentedValid(intakeSchema, createdBody)).toBe(true)
    expect(documentedValid(intakeSchema, { results: [{ id: 1 }] })).toBe(false)

    const messages = operationOf(doc, 'POST /channels/{code}/inquiries/{externalId}/messages')
    const message = messages.requestBody?.content['application/json']?.examples?.example.value
    const path = `/channels/minxin/inquiries/${(example as { externalId: string }).externalId}/messages`
    const first = await bearer(desk, token, path, message)
    const again = await bearer(desk, token, path, message)
    expect([first.status, again.status]).toEqual([201, 200])
    for (const [status, res] of [
      ['201', first],
      ['200', again],
    ] as const) {
      const schema = messages.responses[status]?.content?.['application/json']?.schema ?? {}
      expect(documentedValid(schema, await res.json())).toBe(true)
    }

    const upload = operationOf(doc, 'POST /channels/{code}/uploads')
    expect(Object.keys(upload.requestBody?.content ?? {})).toEqual(['application/octet-stream'])
    expect(upload.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'path:code:true',
      'query:name:true',
    ])
  })

  it('describes the refusals of a later message (404, 409 naming messageId, 422 naming sentAt) as the route answers them', async () => {
    const desk = await setupDesk()
    const doc = await documentOf(desk)
    const token = await tokenFor(desk, 'minxin')
    const key = 'POST /channels/{code}/inquiries/{externalId}/messages'
    const op = operationOf(doc, key)
    const described = (status: string) =>
      (op.responses[status] as { description?: string } | undefined)?.description ?? ''
    expect(Object.keys(op.responses).sort()).toEqual(['200', '201', '404', '409', '422', '4XX'])
    expect(described('409')).toContain('`messageId` was used for another message')
    expect(described('422')).toContain('`sentAt` more than 5 minutes')
    for (const status of ['404', '409', '422'])
      expect(op.responses[status]?.content?.['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/Error',
      })

    const item = REQUEST_EXAMPLES['POST /channels/{code}/inquiries'] as { externalId: string }
    expect((await bearer(desk, token, '/channels/minxin/inquiries', item)).status).toBe(201)
    const message = REQUEST_EXAMPLES[key] as Record<string, unknown>
    const path = `/channels/minxin/inquiries/${item.externalId}/messages`
    expect((await bearer(desk, token, path, message)).status).toBe(201)
    const answers: [string, Response, string[]][] = [
      [
        '404',
        await bearer(desk, token, '/channels/minxin/inquiries/NOPE/messages', {
          ...message,
          messageId: 'M-NOPE',
        }),
        [],
      ],
      ['409', await bearer(desk, token, path, { ...message, body: '另一条。' }), ['messageId']],
      [
        '422',
        await bearer(desk, token, path, {
          ...message,
          messageId: 'M-EARLY',
          sentAt: '2024-09-26T09:24:59+08:00',
        }),
        ['sentAt'],
      ],
    ]
    const errorSchema = { ...doc.components.schemas.Error, components: doc.components }
    for (const [status, res, field] of answers) {
      const body = (await res.json()) as { error: { details?: { path: string[] }[] } }
      expect([status, res.status, documentedValid(errorSchema, body)]).toEqual([
        status,
        Number(status),
        true,
      ])
      expect([status, body.error.details?.[0]?.path ?? []]).toEqual([status, field])
    }
  })

  it('describes the refusals of an item (409 for a changed resend naming the item, 422 for the proposals channel) as the route answers them', async () => {
    const desk = await setupDesk()
    await ensureChannels(desk.db, [PROPOSAL_CHANNEL], T0)
    const doc = await documentOf(desk)
    const key = 'POST /channels/{code}/inquiries'
    const op = operationOf(doc, key)
    const described = (status: string) =>
      (op.responses[status] as { description?: string } | undefined)?.description ?? ''
    expect(described('409')).toContain('with another message')
    expect(described('422')).toContain('"message_channel"')
    const admin = await signIn(desk, 'admin')
    const item = REQUEST_EXAMPLES[key] as Record<string, unknown>
    expect((await call(desk, admin, 'POST', '/channels/minxin/inquiries', item)).status).toBe(201)
    const answers: [string, Response, (string | number)[]][] = [
      [
        '409',
        await call(desk, admin, 'POST', '/channels/minxin/inquiries', { ...item, body: '改了。' }),
        [0, 'body'],
      ],
      ['422', await call(desk, admin, 'POST', '/channels/proposals/inquiries', item), ['channel']],
    ]
    const errorSchema = { ...doc.components.schemas.Error, components: doc.components }
    for (const [status, res, path] of answers) {
      const body = (await res.json()) as { error: { details?: { path: unknown[] }[] } }
      expect([
        res.status,
        documentedValid(errorSchema, body),
        body.error.details?.[0]?.path,
      ]).toEqual([Number(status), true, path])
    }
  })

  it('documents the same request rules the routes enforce, for a sample of routes', async () => {
    const desk = await setupDesk()
    const doc = await documentOf(desk)
    const token = await tokenFor(desk, 'minxin')
    const responder = await signIn(desk, 'responder')
    const example = REQUEST_EXAMPLES['POST /channels/{code}/inquiries'] as Record<string, unknown>
    const link = (n: number) => ({ url: `https://platform.example/${n}.jpg` })
    let n = 0
    const item = (extra: Record<string, unknown>) => ({
      ...example,
      externalId: `S-${++n}`,
      ...extra,
    })
    const intakeBodies = [
      item({}),
      [item({}), item({ citizen: undefined, category: undefined })],
      [],
      item({ subject: undefined }),
      item({ subject: 'x'.repeat(501) }),
      item({ receivedAt: '2024-09-26 09:30' }),
      item({ citizen: { email: 'not-an-email' } }),
      item({ attachments: [{ ...link(1), size: 3 }] }),
      item({ attachments: Array.from({ length: 20 }, (_, i) => link(i)) }),
      item({ attachments: Array.from({ length: 21 }, (_, i) => link(i)) }),
      item({ category: 'x'.repeat(101) }),
    ]
    const intake = bodySchema(operationOf(doc, 'POST /channels/{code}/inquiries'))
    const verdicts = []
    for (const body of intakeBodies) {
      const res = await bearer(desk, token, '/channels/minxin/inquiries', body)
      verdicts.push([documentedValid(intake, body), !(await refusedAsInvalid(res))])
    }
    expect(verdicts.map(([documented]) => documented)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
    ])
    expect(verdicts.map(([, route]) => route)).toEqual(verdicts.map(([documented]) => documented))

    const notes = bodySchema(operationOf(doc, 'POST /inquiries/{id}/notes'))
    for (const body of [
      { version: 1, text: '已电话联系' },
      { version: 1 },
      { version: 0, text: 'x' },
      { version: 1, text: 'x'.repeat(5001) },
      { version: 1.5, text: 'x' },
    ]) {
      const res = await call(desk, responder, 'POST', '/inquiries/999/notes', body)
      expect([body, !(await refusedAsInvalid(res))]).toEqual([body, documentedValid(notes, body)])
    }

    const queue = querySchema(operationOf(doc, 'GET /inquiries'))
    const queries: Record<string, string>[] = [
      { status: 'all' },
      { status: 'lost' },
      { replied: 'late', from: '2024-01-01' },
      { from: '2024-02-30' },
      { q: 'x'.repeat(101) },
      { uncategorized: '1' },
      { uncategorized: 'yes' },
    ]
    for (const query of queries) {
      const res = await call(desk, responder, 'GET', `/inquiries?${new URLSearchParams(query)}`)
      expect([query, !(await refusedAsInvalid(res))]).toEqual([
        query,
        documentedValid(queue, query),
      ])
    }
  })
})

describe('documented success bodies', () => {
  it('match real answers of every route that documents one', async () => {
    const desk = await setupDesk()
    const doc = await documentOf(desk)
    const admin = await signIn(desk, 'admin')
    const manager = await signIn(desk, 'manager')
    const s = await signIn(desk, 'responder')
    await call(desk, admin, 'PATCH', '/channel-settings/hotline_12345', { requiresSignOff: true })
    const [a, b, c] = await addInquiries(desk.db, [
      { channelCode: 'minxin', citizenName: '贺林' },
      { channelCode: 'minxin' },
      { channelCode: 'hotline_12345' },
    ])
    const checked: string[] = []
    const check = async (key: string, res: Response) => {
      const status = String(res.status)
      const schema = operationOf(doc, key).responses[status]?.content?.['application/json']?.schema
      expect([key, status, schema !== undefined]).toEqual([key, status, true])
      const body: unknown = await res.json()
      expect([key, documentedValid(schema!, body)]).toEqual([key, true])
      checked.push(`${key} ${status}`)
      return body as Record<string, unknown>
    }
    const stage = (name: string) =>
      desk.app.request(`/attachments/uploads?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: tinyPdf(name),
      })
    const token = async () =>
      (await check('POST /attachments/uploads', await stage('答复.pdf'))).token as string
    const at = (id: number, action = '') => `/inquiries/${id}${action}`

    await check('GET /health', await desk.app.request('/health'))
    await check('GET /inquiries', await call(desk, s, 'GET', '/inquiries?status=all'))
    // a body missing what the schema lists does not pass
    const listSchema = operationOf(doc, 'GET /inquiries').responses['200']?.content?.[
      'application/json'
    ]?.schema
    expect(documentedValid(listSchema!, { items: [{ id: 1 }], nextCursor: null })).toBe(false)
    await check('GET /inquiries/counts', await call(desk, s, 'GET', '/inquiries/counts'))
    await check('GET /inquiries/{id}', await call(desk, s, 'GET', at(a!.id)))
    const claim = { version: 1 }
    await check(
      'POST /inquiries/{id}/claim',
      await call(desk, s, 'POST', at(a!.id, '/claim'), claim),
    )
    const note = { version: 2, text: '已电话联系' }
    await check(
      'POST /inquiries/{id}/notes',
      await call(desk, s, 'POST', at(a!.id, '/notes'), note),
    )
    const files = { version: 3, attachments: [{ token: await token() }] }
    const added = await call(desk, s, 'POST', at(a!.id, '/attachments'), files)
    await check('POST /inquiries/{id}/attachments', added)
    const list = await call(desk, s, 'GET', at(a!.id, '/attachments'))
    await check('GET /inquiries/{id}/attachments', list)
    const withFiles = { version: 4, body: '详见附件。', attachments: [{ token: await token() }] }
    const replied = await call(desk, s, 'POST', at(a!.id, '/reply-with-files'), withFiles)
    await check('POST /inquiries/{id}/reply-with-files', replied)
    const reply = { version: 1, body: '已处理。' }
    await check(
      'POST /inquiries/{id}/replies',
      await call(desk, s, 'POST', at(b!.id, '/replies'), reply),
    )
    const draft = { version: 1, body: '初稿', attachments: [{ token: await token() }] }
    await check(
      'POST /inquiries/{id}/drafts',
      await call(desk, s, 'POST', at(c!.id, '/drafts'), draft),
    )
    await check('GET /inquiries/{id}/workflow', await call(desk, s, 'GET', at(c!.id, '/workflow')))
    const entry = {
      channel: 'hotline_12345',
      kind: 'phone',
      subject: '咨询',
      summary: '来电咨询',
      outcome: 'follow_up',
    }
    await check('POST /manual-entries', await call(desk, s, 'POST', '/manual-entries', entry))
    const letter = {
      subject: '路灯不亮',
      body: '小区路灯坏了。',
      name: '王先生',
      phone: '13812345679',
      agreePrivacy: true,
      idempotencyKey: 'k-openapi-answers-0123',
    }
    const sent = await check(
      'POST /public/mailbox',
      await call(desk, undefined, 'POST', '/public/mailbox', letter),
    )
    const track = { trackingNumber: sent.trackingNumber, phone: '13812345679' }
    await check(
      'POST /public/mailbox/track',
      await call(desk, undefined, 'POST', '/public/mailbox/track', track),
    )
    const dashboard = '/reports/dashboard?from=2024-01-01&to=2024-12-31'
    await check('GET /reports/dashboard', await call(desk, manager, 'GET', dashboard))

    // the channel API's bodies are checked against real answers in the test above
    const channelApi = Object.keys(DOCUMENTED_RESPONSES).filter((k) =>
      k.startsWith('POST /channels/'),
    )
    const documented = Object.entries(DOCUMENTED_RESPONSES).flatMap(([key, byStatus]) =>
      channelApi.includes(key) ? [] : Object.keys(byStatus).map((status) => `${key} ${status}`),
    )
    expect([...new Set(checked)].sort()).toEqual(documented.sort())
  })
})

describe('rules written in code, in the document', () => {
  it('trims before the length, refuses NUL and keeps dates in 1992..2100, as the routes do at each edge', async () => {
    let now = T0
    const desk = await setupDesk(() => now)
    const doc = await documentOf(desk)
    const token = await tokenFor(desk, 'minxin')
    const responder = await signIn(desk, 'responder')
    const example = REQUEST_EXAMPLES['POST /channels/{code}/inquiries'] as Record<string, unknown>
    let n = 0
    const item = (extra: Record<string, unknown>) => ({
      ...example,
      attachments: undefined,
      externalId: `E-${++n}`,
      ...extra,
    })
    const intake = bodySchema(operationOf(doc, 'POST /channels/{code}/inquiries'))
    const samples: [Record<string, unknown>, boolean][] = [
      [item({ subject: '   ' }), false],
      [item({ subject: ` ${'东'.repeat(500)}  ` }), true],
      [item({ subject: '东'.repeat(501) }), false],
      [item({ subject: ` ${'东'.repeat(501)} ` }), false],
      [item({ subject: '消防\u0000通道' }), false],
      [item({ subject: '\u200B\u202E\uFEFF' }), false],
      [item({ subject: '\u200B消防' }), true],
      [item({ body: '\n\t 内容 \n' }), true],
      [item({ category: '  ' }), true],
      [item({ category: ` ${'类'.repeat(101)}` }), false],
      [item({ receivedAt: '1991-12-31T23:59:59+08:00' }), false],
      [item({ receivedAt: '1992-01-01T00:00:00+08:00' }), true],
      [item({ receivedAt: '2100-12-31T23:59:59+08:00' }), true],
      [item({ receivedAt: '2101-01-01T00:00:00+08:00' }), false],
    ]
    // the channel's clock at the range's last second: a receipt later than now is refused besides
    // (a rule the document cannot say), so only then is 2100-12-31 23:59:59 the edge it tests
    now = Date.parse('2100-12-31T23:59:59+08:00')
    for (const [body, expected] of samples) {
      const res = await bearer(desk, token, '/channels/minxin/inquiries', body)
      const route = !(await refusedAsInvalid(res))
      expect({ body, route, documented: documentedValid(intake, body) }).toEqual({
        body,
        route: expected,
        documented: expected,
      })
    }

    now = T0 // staff passwords would have expired by 2100
    const manual = bodySchema(operationOf(doc, 'POST /manual-entries'))
    const entry = (subject: string) => ({
      channel: 'hotline_12345',
      kind: 'phone',
      subject,
      summary: '来电',
      outcome: 'follow_up',
    })
    for (const [body, expected] of [
      [entry(`  ${'问'.repeat(200)}  `), true],
      [entry('问'.repeat(201)), false],
      [entry(' \u3000 '), false],
    ] as const) {
      const res = await call(desk, responder, 'POST', '/manual-entries', body)
      expect([body.subject.length, !(await refusedAsInvalid(res))]).toEqual([
        body.subject.length,
        expected,
      ])
      expect([body.subject.length, documentedValid(manual, body)]).toEqual([
        body.subject.length,
        expected,
      ])
    }

    const queue = querySchema(operationOf(doc, 'GET /inquiries'))
    for (const [from, expected] of [
      ['1991-12-31', false],
      ['1992-01-01', true],
      ['2100-12-31', true],
      ['2101-01-01', false],
    ] as const) {
      const res = await call(desk, responder, 'GET', `/inquiries?from=${from}`)
      expect([from, !(await refusedAsInvalid(res)), documentedValid(queue, { from })]).toEqual([
        from,
        expected,
        expected,
      ])
    }
    // and the document says so in words
    const subject = (intake as { anyOf: { properties: Record<string, { description: string }> }[] })
      .anyOf[0]!.properties.subject!
    expect(subject.description).toContain(
      'NUL (U+0000) is refused, as are the other C0 control characters but tab, CR and LF, and DEL.',
    )
    expect(subject.description).toContain('Trimmed first, then 1..500 characters')
  })

  it('begins with a Chinese introduction, since the reference page’s own labels are English', async () => {
    const desk = await setupDesk()
    const doc = (await documentOf(desk)) as Document & { info: { description: string } }
    expect(doc.info.description.split('\n')[0]).toMatch(/^\*\*多渠道问政答复台接口说明。\*\*/)
    expect(doc.info.description).toContain('1992-01-01 至 2100-12-31')
  })
})

describe('GET /reference', () => {
  it('serves the reference page and its script from the desk itself, nothing from outside', async () => {
    const desk = await setupDesk()
    const page = await desk.app.request('/reference')
    expect(page.status).toBe(200)
    const html = await page.text()
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(sources).toEqual([
      'reference/swagger-ui.css',
      'reference/swagger-ui-bundle.js',
      'reference/init.js',
    ])
    for (const source of sources) {
      const res = await desk.app.request(`/${source}`)
      expect([source, res.status]).toEqual([source, 200])
      expect((await res.text()).length).toBeGreaterThan(50)
    }
    const init = await (await desk.app.request('/reference/init.js')).text()
    expect(init).toContain("url: 'openapi.json'")
    expect(init).toContain('validatorUrl: null')
  })
})

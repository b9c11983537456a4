import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  call,
  SEED_YEAR_TIMEOUT_MS,
  setupDesk,
  signIn,
  type Desk,
  type Session,
} from '../../test/setup.ts'
import { seedReport2017 } from '../seed/report-2017.service.ts'

const CHANNELS_2017 =
  '2017年共办理“12345网络问政”1831件、“市长信箱”293件、“民心网联网平台”404件、“网络回应人”2786件、“局长信箱”47件。'
const PHONE_2017 = '2017年共接听群众咨询电话1936个。'
const PROPOSALS_2017 =
  '2017年，我局共承办省市建议提案84件，省人大5件（其中主办件1件，协办件4件），省政协协办件2件；市人大45件（其中主办件27件，协办件18件）；市政协32件（其中主办件7件，协办件25件）。主办市政协重点提案2件。'

const DISCLOSURE_2017 = '全年共受理依申请公开760件，均全部办结。'
const REVIEWS_2017 = '发生针对本部门有关政府信息公开事务的行政复议案件1件。'

type Report = {
  report: {
    title: string
    sentences: {
      key: string
      text: string
      links: { label: string; count: number; target: string; filter: Record<string, string> }[]
    }[]
    updatedBy: string | null
  }
  blocks: { type: string; text?: string }[]
}

const TEXT = {
  version: 0,
  bureau: '沈阳市规划和国土资源局',
  issuedOn: '2018-01-31',
  overview: '2017年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。',
  problems: '主动公开的深度和广度还需加强。',
  other: '无。',
  proactive: {
    rules: { issued: 0, repealed: 1, inForce: 12 },
    normativeDocuments: { issued: 5, repealed: 2, inForce: 40 },
    licences: { decisions: 1520 },
    penalties: { decisions: 37 },
    enforcement: { decisions: 3 },
    fees: { amountWan: 12.5 },
  },
}

describe('the 2017 annual report draft', () => {
  let desk: Desk
  let manager: Session
  beforeAll(async () => {
    desk = await setupDesk()
    await seedReport2017(desk.db, Date.parse('2018-01-15T10:00:00+08:00'))
    manager = await signIn(desk, 'manager')
  }, SEED_YEAR_TIMEOUT_MS)

  it("writes the seed report's sentences word for word, each with links listing its records", async () => {
    const res = await call(desk, manager, 'GET', '/reports/annual/2017')
    expect(res.status).toBe(200)
    const { report, blocks } = (await res.json()) as Report
    // the seeded year includes the 760 disclosure requests and their one 行政复议
    expect(report.sentences.map((s) => s.text)).toEqual([
      CHANNELS_2017,
      PHONE_2017,
      PROPOSALS_2017,
      DISCLOSURE_2017,
      REVIEWS_2017,
    ])
    // every link is a queue or register filter listing exactly the number it stands for
    for (const link of report.sentences.flatMap((s) => s.links)) {
      const qs = new URLSearchParams(link.filter).toString()
      if (link.target === 'queue') {
        const counts = (await (
          await call(desk, manager, 'GET', `/inquiries/counts?${qs}`)
        ).json()) as { byChannel: Record<string, number> }
        expect(counts.byChannel[link.filter.channel!], link.label).toBe(link.count)
      } else {
        const listed = (await (
          await call(desk, manager, 'GET', `/disclosure/register?${qs}`)
        ).json()) as { requests: { items: unknown[] } | null; cases: { items: unknown[] } | null }
        expect((listed.requests ?? listed.cases)?.items.length, link.label).toBe(link.count)
      }
    }
    expect(
      report.sentences.find((s) => s.key === 'proposals')?.links.map((l) => [l.label, l.count]),
    ).toEqual([
      ['建议提案', 84],
      ['主办', 35],
      ['协办', 49],
      ['省人大', 5],
      ['省人大·主办', 1],
      ['省人大·协办', 4],
      ['省政协', 2],
      ['省政协·协办', 2],
      ['市人大', 45],
      ['市人大·主办', 27],
      ['市人大·协办', 18],
      ['市政协', 32],
      ['市政协·主办', 7],
      ['市政协·主办·重点提案', 2],
      ['市政协·协办', 25],
    ])
    expect(blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
  })

  it('carries what a manager saved, with who saved it, into the DOCX: title, sections, table cells, signature', async () => {
    const saved = await call(desk, manager, 'PUT', '/reports/annual/2017/text', TEXT)
    expect(saved.status).toBe(200)
    const { report } = (await (
      await call(desk, manager, 'GET', '/reports/annual/2017')
    ).json()) as Report
    expect([report.title, report.updatedBy]).toEqual([
      '沈阳市规划和国土资源局2017年政府信息公开工作年度报告',
      'manager1 name',
    ])

    const res = await call(desk, manager, 'GET', '/reports/annual/2017/docx')
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    const buffer = Buffer.from(await res.arrayBuffer())
    const { value: text } = await mammoth.extractRawText({ buffer })
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    expect(lines[0]).toBe('沈阳市规划和国土资源局2017年政府信息公开工作年度报告')
    expect(lines).toContain(TEXT.overview)
    expect(lines).toContain(`${CHANNELS_2017}${PHONE_2017}${PROPOSALS_2017}`)
    expect(lines.slice(-2)).toEqual(['沈阳市规划和国土资源局', '2018年1月31日'])
    const { value: html } = await mammoth.convertToHtml({ buffer })
    // section 二: a header row spanning the table per item of 第二十条, then the item's columns;
    // the table's first heading rows repeat on every page (mammoth: <th>)
    expect(html).toContain('<th colspan="4"><p><strong>第二十条第（一）项</strong></p></th>')
    expect(html).toContain('<td colspan="4"><p><strong>第二十条第（五）项</strong></p></td>')
    expect(html).toContain(
      '<tr><td><p>行政规范性文件</p></td><td><p>5</p></td><td><p>2</p></td><td><p>40</p></td></tr>',
    )
    expect(html).toContain('<tr><td><p>行政许可</p></td><td colspan="3"><p>1520</p></td></tr>')
    expect(html).toContain('<td colspan="3"><p>12.5</p></td>')
    // sections 三 and 四: the national format's merged headers, and section 三's row labels merged
    // by level over three columns
    expect(html).toContain('<th colspan="7"><p><strong>申请人情况</strong></p></th>')
    expect(html).toContain(
      '<th rowspan="2"><p><strong>自然人</strong></p></th><th colspan="5"><p><strong>法人或其他组织</strong></p></th><th rowspan="2"><p><strong>总计</strong></p></th>',
    )
    expect(html).toContain(
      '<tr><td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td><td><p>684</p></td>',
    )
    expect(html).toContain(
      '<tr><td rowspan="22"><p>三、本年度办理结果</p></td><td colspan="2"><p>（一）予以公开</p></td><td><p>370</p></td>',
    )
    expect(html).toContain(
      '<tr><td rowspan="8"><p>（三）不予公开</p></td><td><p>1.属于国家秘密</p></td><td><p>0</p></td>',
    )
    expect(html).toContain(
      '<th colspan="5"><p><strong>行政复议</strong></p></th><th colspan="10"><p><strong>行政诉讼</strong></p></th>',
    )
    expect(lines).toContain(DISCLOSURE_2017)
  })

  it('gives the text format the same sentences, and refuses a responder and a bad table cell', async () => {
    const text = await (await call(desk, manager, 'GET', '/reports/annual/2017/text')).text()
    expect(text).toContain(`${CHANNELS_2017}${PHONE_2017}${PROPOSALS_2017}`)
    const responder = await signIn(desk, 'responder', 'r2')
    expect((await call(desk, responder, 'GET', '/reports/annual/2017')).status).toBe(403)
    const bad = await call(desk, manager, 'PUT', '/reports/annual/2017/text', {
      ...TEXT,
      proactive: { ...TEXT.proactive, licences: { decisions: -1 } },
    })
    expect(bad.status).toBe(422)
    const { error } = (await bad.json()) as { error: { details: { path: (string | number)[] }[] } }
    expect(error.details[0]?.path).toEqual(['proactive', 'licences', 'decisions'])
  })

  it('refuses to close a year before it has ended in Beijing (409 naming it), and an issuedOn outside the date range or not after the year (422 issuedOn)', async () => {
    // the desk's clock: 2024-09-27 09:30 Beijing time
    const early = await call(desk, manager, 'POST', '/reports/annual/2024/close')
    expect(early.status).toBe(409)
    const body = (await early.json()) as { error: { message: string; details: unknown } }
    expect(body.error.details).toEqual({
      reason: 'year_not_ended',
      year: 2024,
      endsOn: '2024-12-31',
    })
    expect(body.error.message).toContain('2024-12-31')
    expect((await call(desk, manager, 'POST', '/reports/annual/2025/close')).status).toBe(409)
    const field = async (issuedOn: string) => {
      const res = await call(desk, manager, 'PUT', '/reports/annual/2023/text', {
        version: 0,
        issuedOn,
      })
      const err = (await res.json()) as { error?: { details?: { path: string[] }[] } }
      return [res.status, err.error?.details?.map((d) => d.path.join('.'))]
    }
    expect(await field('0001-01-01')).toEqual([422, ['issuedOn']])
    expect(await field('2023-12-31')).toEqual([422, ['issuedOn']])
    expect(await field('2024-01-31')).toEqual([200, undefined])
  })

  it('closes the year (定稿): the snapshot stays, later changes show as differing numbers, the text is locked', async () => {
    const closed = await call(desk, manager, 'POST', '/reports/annual/2017/close')
    expect(closed.status).toBe(200)
    // a suggestion of 2017 registered after the close
    const late = await call(desk, manager, 'POST', '/proposals', {
      source: '市人大',
      session: '市十五届人大七次会议',
      number: '0999',
      role: 'lead',
      title: '关于补录建议的建议',
      deputyName: '赵立新',
      assignedOn: '2017-06-01',
    })
    expect(late.status).toBe(201)
    const { report } = (await (
      await call(desk, manager, 'GET', '/reports/annual/2017')
    ).json()) as Report & {
      report: {
        closed: { by: string } | null
        differences: { key: string; closed: number | null; now: number | null }[]
      }
    }
    expect(report.closed?.by).toBe('manager1 name')
    expect(report.sentences.find((x) => x.key === 'proposals')?.text).toBe(PROPOSALS_2017)
    expect(report.differences).toEqual([
      { key: '建议提案', closed: 84, now: 85 },
      { key: '建议提案·主办', closed: 35, now: 36 },
      { key: '建议提案·市人大', closed: 45, now: 46 },
      { key: '建议提案·市人大·主办', closed: 27, now: 28 },
    ])
    const save = await call(desk, manager, 'PUT', '/reports/annual/2017/text', {
      ...TEXT,
      version: 1,
    })
    expect(save.status).toBe(409)
    expect(
      ((await save.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('closed')
    expect((await call(desk, manager, 'POST', '/reports/annual/2017/close')).status).toBe(409)
    const text = await (await call(desk, manager, 'GET', '/reports/annual/2017/text')).text()
    expect(text).toContain(PROPOSALS_2017)
  })

  it('reopens a closed year only for an admin or another manager, with a reason, into the audit log and the history', async () => {
    // the year closed by manager1 in the test above
    type History = { action: string; by: string; reason: string | null }[]
    type Reopened = { report: { closed: unknown; history: History; version: number } }
    const own = await call(desk, manager, 'POST', '/reports/annual/2017/reopen', {
      reason: '成文日期填错',
    })
    expect(own.status).toBe(403)
    expect(((await own.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: 'own_close',
      year: 2017,
    })
    const other = await signIn(desk, 'manager', 'manager2')
    const blank = await call(desk, other, 'POST', '/reports/annual/2017/reopen', { reason: ' ' })
    expect(blank.status).toBe(422)
    const reopened = await call(desk, other, 'POST', '/reports/annual/2017/reopen', {
      reason: '成文日期填错',
    })
    expect(reopened.status).toBe(200)
    const { report } = (await reopened.json()) as Reopened
    expect(report.closed).toBeNull()
    expect(report.history).toEqual([
      { action: 'closed', at: expect.any(Number), by: 'manager1 name', reason: null },
      { action: 'reopened', at: expect.any(Number), by: 'manager2 name', reason: '成文日期填错' },
    ])
    // open again: the text saves from the version the report names, and a second reopen is refused
    const saved = await call(desk, other, 'PUT', '/reports/annual/2017/text', {
      version: report.version,
      issuedOn: '2018-01-30',
    })
    expect(saved.status).toBe(200)
    const again = await call(desk, other, 'POST', '/reports/annual/2017/reopen', { reason: 'x' })
    expect(again.status).toBe(409)
    expect(
      ((await again.json()) as { error: { details: { reason: string } } }).error.details.reason,
    ).toBe('not_closed')
    const auditor = await signIn(desk, 'auditor')
    const { entries } = (await (
      await call(desk, auditor, 'GET', '/audit?action=annual_report_reopened')
    ).json()) as { entries: { actorName: string; target: string; detail: unknown }[] }
    expect(entries.map((e) => [e.actorName, e.target, e.detail])).toEqual([
      [
        'manager2',
        'annual_report:2017',
        {
          year: 2017,
          by: 'manager2 name',
          reason: '成文日期填错',
          closedBy: 'manager1 name',
          closedAt: expect.stringMatching(/^2024-09-27T/),
        },
      ],
    ])
  })
})

describe('two people editing the report text', () => {
  it('refuses the second save from the same version with 409 naming who saved, and keeps both sections', async () => {
    const desk = await setupDesk()
    const first = await signIn(desk, 'manager', 'wang')
    const second = await signIn(desk, 'manager', 'li')
    type Text = { text: Record<string, unknown>; version: number; updatedBy: string | null }
    const read = async () =>
      ((await (await call(desk, first, 'GET', '/reports/annual/2024')).json()) as { report: Text })
        .report
    expect((await read()).version).toBe(0)
    const a = await call(desk, first, 'PUT', '/reports/annual/2024/text', {
      version: 0,
      overview: '第一人写的概述。',
    })
    expect(a.status).toBe(200)
    expect(((await a.json()) as Text).version).toBe(1)
    // the second editor loaded version 0 too and sends the whole form
    const b = await call(desk, second, 'PUT', '/reports/annual/2024/text', {
      version: 0,
      overview: '',
      problems: '第二人写的问题。',
    })
    expect(b.status).toBe(409)
    const { error } = (await b.json()) as {
      error: { details: { reason: string; changedBy: string; currentVersion: number } }
    }
    expect(error.details).toMatchObject({
      reason: 'stale_version',
      changedBy: 'wang name',
      currentVersion: 1,
    })
    expect((await read()).text).toMatchObject({ overview: '第一人写的概述。', problems: '' })
    // a save that names only its own field leaves the other's as saved
    const again = await call(desk, second, 'PUT', '/reports/annual/2024/text', {
      version: 1,
      problems: '第二人写的问题。',
    })
    expect(again.status).toBe(200)
    const report = await read()
    expect(report.text).toMatchObject({
      overview: '第一人写的概述。',
      problems: '第二人写的问题。',
    })
    expect([report.version, report.updatedBy]).toEqual([2, 'li name'])
  })
})

import {
  controlCharAt,
  loneSurrogateAt,
  neutralizeFormula,
  normalizeText,
  singleLine,
  toXmlText,
} from '@desk/domain'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { call, setupDesk, signIn, type Desk } from '../../test/setup.ts'

// code units that broke files before: the noncharacters U+FFFE/U+FFFF, CR/LF, tab, U+2028, and
// the starts of spreadsheet formulas (a lone surrogate and the C0 controls text may not hold are
// refused: boundary.test.ts)
const hostile = fc.constantFrom(
  '\uFFFE',
  '\uFFFF',
  '\u2028',
  '\r',
  '\n',
  '\t',
  ' ',
  '=',
  '"',
  ',',
  '😀',
)
const unit = fc.oneof(hostile, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
const text = (maxLength: number) =>
  fc
    .string({ unit, minLength: 1, maxLength })
    .filter(
      (s) =>
        loneSurrogateAt(s) === -1 &&
        controlCharAt(s) === -1 &&
        singleLine(normalizeText(s)).trim() !== '',
    )

/** What the desk stores of `s`: the boundary rule, then the schema's trim. */
const stored = (s: string) => normalizeText(s).trim()
/** What the desk stores of a single-line `s` (a subject): its line breaks and tabs as spaces. */
const storedLine = (s: string) => singleLine(normalizeText(s)).trim()

async function tokenFor(desk: Desk, admin: Awaited<ReturnType<typeof signIn>>) {
  const res = await call(desk, admin, 'POST', '/channels/minxin/tokens', { name: 'bridge' })
  return ((await res.json()) as { token: string }).token
}

describe('text through the channel API', () => {
  it('comes back normalised and otherwise identical from GET, the CSV and the XLSX export', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const token = await tokenFor(desk, admin)
    let batch = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ subject: text(60), body: text(300) }), {
          minLength: 1,
          maxLength: 12,
        }),
        async (items) => {
          batch += 1
          const sent = items.map((t, i) => ({
            externalId: `P${batch}-${i}`,
            receivedAt: '2024-09-27T09:30:00+08:00',
            ...t,
          }))
          const res = await desk.app.request('/channels/minxin/inquiries', {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(sent),
          })
          expect(res.status).toBe(201)
          const ids = ((await res.json()) as { results: { id: number }[] }).results.map((r) => r.id)
          for (const [i, id] of ids.entries()) {
            const view = (await (await call(desk, admin, 'GET', `/inquiries/${id}`)).json()) as {
              inquiry: { subject: string; body: string }
            }
            expect(view.inquiry.subject).toBe(storedLine(sent[i]!.subject))
            expect(view.inquiry.body).toBe(stored(sent[i]!.body))
          }
          const byId = new Map(sent.map((s) => [s.externalId, s]))

          const csv = await call(
            desk,
            admin,
            'GET',
            '/reports/export.csv?status=all&channel=minxin',
          )
          const [header, ...rows] = parse(await csv.text(), {
            bom: true,
            relax_quotes: false,
          }) as string[][]
          // columns found by their headings, so a column added to the export does not shift the check
          const subjectCol = header!.indexOf('标题')
          const bodyCol = header!.indexOf('内容')
          expect(subjectCol).toBeGreaterThan(0)
          for (const r of rows.filter((r) => byId.has(r[1]!))) {
            const s = byId.get(r[1]!)!
            expect([r[subjectCol], r[bodyCol]]).toEqual([
              neutralizeFormula(storedLine(s.subject)),
              neutralizeFormula(stored(s.body)),
            ])
          }

          const xlsx = await call(
            desk,
            admin,
            'GET',
            '/reports/export.xlsx?status=all&channel=minxin',
          )
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load(await xlsx.arrayBuffer()) // exceljs' XML parser refuses a sheet that is not well-formed
          const ws = wb.getWorksheet(1)!
          const headings = (ws.getRow(1).values as unknown[]).map(String)
          const subjectCell = headings.indexOf('标题')
          const bodyCell = headings.indexOf('内容')
          expect(subjectCell).toBeGreaterThan(0)
          let seen = 0
          ws.eachRow((row) => {
            const s = byId.get(String(row.getCell(2).value))
            if (!s) return
            seen += 1
            expect([
              row.getCell(subjectCell).value ?? '',
              row.getCell(bodyCell).value ?? '',
            ]).toEqual([toXmlText(storedLine(s.subject)), toXmlText(stored(s.body))])
          })
          expect(seen).toBe(sent.length)
        },
      ),
      { numRuns: 12 },
    )
  })

  it('refuses a NUL with 422 naming the item and field, writing nothing', async () => {
    const desk = await setupDesk()
    const admin = await signIn(desk, 'admin')
    const token = await tokenFor(desk, admin)
    const res = await desk.app.request('/channels/minxin/inquiries', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          externalId: 'N-1',
          subject: 'ok',
          body: 'a\u0000b',
          receivedAt: '2024-09-27T09:30:00+08:00',
        },
      ]),
    })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as {
      error: { details: { path: unknown[]; message: string }[] }
    }
    expect(error.details).toEqual([
      { path: [0, 'body'], message: 'contains a NUL character (U+0000), which is not allowed' },
    ])
    const list = (await (await call(desk, admin, 'GET', '/inquiries?status=all')).json()) as {
      items: unknown[]
    }
    expect(list.items).toHaveLength(0)
  })
})

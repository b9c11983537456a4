/**
 * The annual report on government-information disclosure (政府信息公开工作年度报告) in the national
 * format (国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, issued under 条例
 * 第五十条): six sections, of which the desk counts what it can (the sentences below, sections 三
 * and 四's tables) and staff write the rest (sections 一, 五, 六 and section 二's table), per year.
 */
import { z } from 'zod'
import { DISCLOSURE_CHANNEL } from '../disclosure/receipt.ts'
import { PROPOSAL_CHANNEL } from '../proposal/proposal.ts'
import { supportedDateSchema } from '../supported-dates.ts'
import type { IsoDate } from '../time.ts'
import { textSchema } from '../text.ts'
import type { UserRole } from '../user.ts'

/** The six sections, in order, with their headings. */
export const ANNUAL_REPORT_SECTIONS = [
  { key: 'overview', zh: '一、总体情况', en: '1. Overview' },
  { key: 'proactive', zh: '二、主动公开政府信息情况', en: '2. Information disclosed proactively' },
  {
    key: 'requests',
    zh: '三、收到和处理政府信息公开申请情况',
    en: '3. Disclosure requests received and handled',
  },
  {
    key: 'reviews',
    zh: '四、政府信息公开行政复议、行政诉讼情况',
    en: '4. Administrative reviews and lawsuits',
  },
  { key: 'problems', zh: '五、存在的主要问题及改进情况', en: '5. Main problems and improvements' },
  { key: 'other', zh: '六、其他需要报告的事项', en: '6. Other matters to report' },
] as const
export type AnnualReportSectionKey = (typeof ANNUAL_REPORT_SECTIONS)[number]['key']

/**
 * The channel phone consultations are logged on (the bureau's consultation line, 咨询电话): they
 * have a sentence of their own ("共接听群众咨询电话N个"), not a place in the channel sentence.
 */
export const PHONE_CONSULTATION_CHANNEL = {
  code: 'consultation_phone',
  nameZh: '咨询电话',
  nameEn: 'Consultation line',
  intake: 'manual',
} as const

/**
 * Channels that the report counts in a sentence of their own, so the channel sentence
 * ("2017年共办理“12345网络问政”1831件…") leaves them out, as the 2017 report does.
 */
export const OWN_SENTENCE_CHANNELS: readonly string[] = [
  PHONE_CONSULTATION_CHANNEL.code,
  PROPOSAL_CHANNEL.code,
  DISCLOSURE_CHANNEL.code,
]

/** Section 二's table rows (条例 第二十条), each with the columns the national format gives it. */
export const PROACTIVE_ROWS = [
  {
    key: 'rules',
    item: '第二十条第（一）项',
    zh: '规章',
    en: 'Regulations',
    columns: ['issued', 'repealed', 'inForce'],
  },
  {
    key: 'normativeDocuments',
    item: '第二十条第（一）项',
    zh: '行政规范性文件',
    en: 'Normative documents',
    columns: ['issued', 'repealed', 'inForce'],
  },
  {
    key: 'licences',
    item: '第二十条第（五）项',
    zh: '行政许可',
    en: 'Administrative licences',
    columns: ['decisions'],
  },
  {
    key: 'penalties',
    item: '第二十条第（六）项',
    zh: '行政处罚',
    en: 'Administrative penalties',
    columns: ['decisions'],
  },
  {
    key: 'enforcement',
    item: '第二十条第（六）项',
    zh: '行政强制',
    en: 'Administrative enforcement',
    columns: ['decisions'],
  },
  {
    key: 'fees',
    item: '第二十条第（八）项',
    zh: '行政事业性收费',
    en: 'Administrative fees',
    columns: ['amountWan'],
  },
] as const
export type ProactiveRowKey = (typeof PROACTIVE_ROWS)[number]['key']

/** Column headings of section 二's table. */
export const PROACTIVE_COLUMN_LABELS = {
  issued: { zh: '本年制发件数', en: 'Issued this year' },
  repealed: { zh: '本年废止件数', en: 'Repealed this year' },
  inForce: { zh: '现行有效件数', en: 'In force' },
  decisions: { zh: '本年处理决定数量', en: 'Decisions this year' },
  amountWan: { zh: '本年收费金额（单位：万元）', en: 'Fees this year (10,000 yuan)' },
} as const

const count = z.number().int().min(0).max(10_000_000).nullable()
const prose = z.string().max(20_000)

const PROACTIVE_TABLE = z.object({
  rules: z.object({ issued: count, repealed: count, inForce: count }),
  normativeDocuments: z.object({ issued: count, repealed: count, inForce: count }),
  licences: z.object({ decisions: count }),
  penalties: z.object({ decisions: count }),
  enforcement: z.object({ decisions: count }),
  fees: z.object({ amountWan: z.number().min(0).max(1e9).multipleOf(0.0001).nullable() }),
})

/** The fields staff write, each as one whole value (section 二's table is one field). */
const TEXT_FIELDS = {
  /** The issuing bureau as the title and signature name it, e.g. 沈阳市规划和国土资源局 */
  bureau: z.string().trim().max(100),
  /** The date printed under the signature, in the desk's date range (after the year: `issuedOnRefusal`) */
  issuedOn: supportedDateSchema.nullable(),
  overview: prose,
  problems: prose,
  other: prose,
  proactive: PROACTIVE_TABLE,
}

/**
 * What staff write for a year: the issuing bureau and date, sections 一, 五, 六 as text, section
 * 二's table (null: not entered); a field never saved has its default.
 * Fee amounts are in 万元 with up to 4 decimals.
 */
export const annualReportTextSchema = z.object({
  bureau: TEXT_FIELDS.bureau.default(''),
  issuedOn: TEXT_FIELDS.issuedOn.default(null),
  overview: prose.default(''),
  problems: prose.default(''),
  other: prose.default(''),
  proactive: PROACTIVE_TABLE.default({
    rules: { issued: null, repealed: null, inForce: null },
    normativeDocuments: { issued: null, repealed: null, inForce: null },
    licences: { decisions: null },
    penalties: { decisions: null },
    enforcement: { decisions: null },
    fees: { amountWan: null },
  }),
})
export type AnnualReportText = z.infer<typeof annualReportTextSchema>

/**
 * A save of the staff text (`PUT /api/reports/annual/:year/text`): the fields it names replace
 * the stored ones whole, a field it does not name stays as saved (so two people editing
 * different sections lose nothing); `version` is the text's version the client loaded (0 before
 * the first save), and a save from an older one is refused (optimistic locking).
 */
export const annualReportTextSaveSchema = z
  .object(TEXT_FIELDS)
  .partial()
  .extend({ version: z.number().int().min(0) })
export type AnnualReportTextSave = z.infer<typeof annualReportTextSaveSchema>

/** A number of the report that differs from the closed year's snapshot (null: absent on that side). */
export type NumberDifference = { key: string; closed: number | null; now: number | null }

/**
 * The numbers that changed since a year was closed (定稿): every key whose value differs between
 * the snapshot and the live counts, in the snapshot's order, then keys only the live counts have.
 */
export function numberDifferences(
  closed: Readonly<Record<string, number>>,
  now: Readonly<Record<string, number>>,
): NumberDifference[] {
  const out: NumberDifference[] = []
  for (const [key, value] of Object.entries(closed))
    if (now[key] !== value) out.push({ key, closed: value, now: now[key] ?? null })
  for (const [key, value] of Object.entries(now))
    if (!(key in closed)) out.push({ key, closed: null, now: value })
  return out
}

/**
 * The deadline that decides when a year's report is written: 《中华人民共和国政府信息公开条例》
 * (国务院令第711号, 2019) 第四十九条 — a government department submits and publishes its report of
 * the previous year by 31 January ("县级以上人民政府部门应当在每年1月31日前……提交本行政机关上一年度
 * 政府信息公开工作年度报告并向社会公布"; 第五十条 lists what it contains). Read on
 * www.jianbiaoku.com/webarbs/book/164509/4714387.shtml (a reprint of the 2019 text).
 */
export const ANNUAL_REPORT_DUE = { month: 1, day: 31 } as const

/**
 * Why the report of `year` may not be closed (定稿) on `today` (Asia/Shanghai), or null: its
 * numbers are the whole year's, so a year is closed after it has ended (31 December, 24:00
 * Beijing time), for the report due by 31 January of the next year (ANNUAL_REPORT_DUE).
 */
export function closeYearRefusal(year: number, today: IsoDate): string | null {
  const lastDay = `${year}-12-31`
  if (today > lastDay) return null
  return `${year} has not ended: it ends on ${lastDay} at 24:00 (Asia/Shanghai), and its report is closed after that`
}

/**
 * Why `issuedOn` may not be the date of the report of `year`, or null: the report of a year is
 * issued after the year has ended (ANNUAL_REPORT_DUE: by 31 January of the next year).
 */
export function issuedOnRefusal(year: number, issuedOn: IsoDate): string | null {
  if (issuedOn > `${year}-12-31`) return null
  return `${issuedOn} is not after the end of ${year}: the report of a year is issued after it ends`
}

/**
 * `POST /api/reports/annual/:year/reopen`: why a closed year is opened again (a wrong 成文日期,
 * records of the year corrected after the close), 1–500 characters; it goes into the audit log
 * and the report's history.
 */
export const annualReportReopenSchema = z.object({
  reason: textSchema().trim().min(1).max(500),
})
export type AnnualReportReopen = z.infer<typeof annualReportReopenSchema>

/**
 * Whether `actor` may reopen a year that `closedById` closed (定稿): an admin, or a manager other
 * than the one who closed it. The closed report is the bureau's published figures; reopening
 * changes them, so it takes a second person (四眼原则): the manager who closed it cannot undo it
 * alone (nor close, reopen and re-close with other numbers unseen), and the admin can reopen
 * when the desk has one manager. Null `closedById` (the closer's account is gone): any manager.
 * Returns null when allowed, else `own_close`.
 */
export function reopenYearRefusal(
  closedById: number | null,
  actor: { id: number; role: UserRole },
): 'own_close' | null {
  if (actor.role === 'admin') return null
  return closedById === actor.id ? 'own_close' : null
}

/**
 * The annual report's draft for a year (domain report/annual-report.ts): the six sections of the
 * national format, with the sentences the desk can count written from its records, each carrying
 * links to the records behind its numbers (queue filters: `GET /api/inquiries` parameters), and the
 * parts staff write, saved per year with who saved them.
 * A manager closes a year (定稿): the draft, counts included, is stored as it stands; afterwards
 * the year's report is that snapshot, its text cannot be saved, and the numbers that later changes
 * to the year's records moved are listed beside it. An admin or another manager reopens it with a
 * reason (domain `reopenYearRefusal`); closings and reopenings are audit entries
 * (`annual_report_closed` / `annual_report_reopened`, target `annual_report:<year>`), read back as
 * the report's history.
 * Errors: CONFLICT `closed` (saving or closing a closed year), CONFLICT `year_not_ended` (closing
 * a year before it ended), CONFLICT `not_closed` (reopening an open year), FORBIDDEN `own_close`
 * (the manager who closed it reopening), VALIDATION (an `issuedOn` not after the year),
 * CONFLICT `stale_version` (a text save from a version another save replaced).
 */
import {
  closeYearRefusal,
  reopenYearRefusal,
  issuedOnRefusal,
  toZonedDate,
  OWN_SENTENCE_CHANNELS,
  PHONE_CONSULTATION_CHANNEL,
  PROPOSAL_CHANNEL,
  PROPOSAL_ROLES,
  PROPOSAL_ROLE_CATEGORY,
  annualReportTextSchema,
  countProposals,
  formatInstant,
  numberDifferences,
  formatPhoneSentence,
  formatProposalsSentence,
  proposalItemTerm,
  yearRange,
  type AnnualReportText,
  type AnnualReportTextSave,
  type ProposalRole,
  type ProposalSourceCount,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { SessionUser } from '../../lib/context.ts'
import { AppError } from '../../lib/errors.ts'
import { withTransaction } from '../../db/transaction.ts'
import { auditHistoryOf, recordAudit } from '../audit/audit.service.ts'
import { getDisclosureTable } from '../disclosure/disclosure-report.service.ts'
import { listProposals } from '../proposals/proposals.service.ts'
import { toQueueLink, type QueueLink } from '../reports/queue-link.ts'
import { getYearTally } from '../reports/tally.service.ts'
import * as repo from './annual-report.repo.ts'

/**
 * One number of a sentence and the filter that lists exactly those records: the queue's
 * (`GET /api/inquiries` parameters) or the disclosure register's (`year`, `row`/`review`, `column`).
 */
export type SentenceLink = {
  label: string
  count: number
  target: 'queue' | 'disclosure'
  filter: QueueLink
}
/** A counted sentence: which section it belongs to, its text, and its numbers' links. */
export type CountedSentence = {
  key: 'channels' | 'phone' | 'proposals' | 'disclosure' | 'reviews'
  section: 'overview' | 'requests' | 'reviews'
  text: string
  links: SentenceLink[]
}

/**
 * The staff-written parts of `year` (defaults when none were saved), their version (0 before the
 * first save) and who saved them.
 */
export async function getReportText(
  db: Db,
  year: number,
): Promise<{
  text: AnnualReportText
  version: number
  updatedBy: string | null
  updatedAt: number | null
}> {
  const row = await repo.findText(db, year)
  const text = annualReportTextSchema.parse(row ? JSON.parse(row.content) : {})
  return {
    text,
    version: row?.version ?? 0,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt ?? null,
  }
}

/**
 * Saves the staff-written parts of `year` the request names over the stored ones (a field it
 * does not name stays as saved), if the text is still at `input.version`. CONFLICT `closed` once
 * the year is closed; CONFLICT `stale_version` (who saved since, when, and the version now) when
 * another save came first: nothing is written.
 */
export async function saveReportText(
  db: Db,
  year: number,
  input: AnnualReportTextSave,
  user: SessionUser,
  now: number,
) {
  await requireOpen(db, year)
  const { version, ...named } = input
  const lateIssue = named.issuedOn ? issuedOnRefusal(year, named.issuedOn) : null
  if (lateIssue)
    throw new AppError('VALIDATION', `issuedOn: ${lateIssue}`, [
      { path: ['issuedOn'], message: lateIssue },
    ])
  const current = await getReportText(db, year)
  const stored =
    current.version === version &&
    (await repo.saveText(
      db,
      {
        year,
        content: JSON.stringify({ ...current.text, ...named }),
        updatedBy: user.id,
        updatedAt: now,
      },
      version,
    ))
  if (!stored) {
    // read again: the save that won may have committed after the read above
    const latest = await getReportText(db, year)
    throw new AppError(
      'CONFLICT',
      `The ${year} report text was changed by ${latest.updatedBy ?? 'someone'}; reload it`,
      {
        reason: 'stale_version',
        changedBy: latest.updatedBy,
        changedAt: latest.updatedAt === null ? null : formatInstant(latest.updatedAt),
        currentVersion: latest.version,
      },
    )
  }
  return await getReportText(db, year)
}

/** The sentences of section 一 the desk counts: channels (the tally's), phone consultations, proposals. */
async function countedSentences(
  db: Db,
  viewer: ReportViewer,
  year: number,
): Promise<CountedSentence[]> {
  const tally = await getYearTally(db, viewer, year)
  const { from, to } = yearRange(year)
  const link = (
    label: string,
    count: number,
    filter: Record<string, string | undefined>,
  ): SentenceLink => ({
    label,
    count,
    target: 'queue',
    filter: toQueueLink({ status: 'all', from, to, ...filter } as never),
  })
  const own = new Set<string>(OWN_SENTENCE_CHANNELS)
  const calls =
    tally.channels.find((c) => c.code === PHONE_CONSULTATION_CHANNEL.code)?.received ?? 0
  const proposals = await listProposals(db, year)
  const counts = countProposals(proposals)
  return [
    {
      key: 'channels',
      section: 'overview',
      text: tally.sentence,
      links: tally.channels
        .filter((c) => !own.has(c.code))
        .map((c) => link(c.nameZh, c.received, { channel: c.code })),
    },
    {
      key: 'phone',
      section: 'overview',
      text: formatPhoneSentence(year, calls),
      links: [
        link(PHONE_CONSULTATION_CHANNEL.nameZh, calls, {
          channel: PHONE_CONSULTATION_CHANNEL.code,
        }),
      ],
    },
    {
      key: 'proposals',
      section: 'overview',
      text: formatProposalsSentence(year, counts),
      // one link per number the sentence writes: the total, each role, each source with its
      // roles, and the key items (the queue's proposalSource and keyProposal filters)
      links: [
        link(PROPOSAL_CHANNEL.nameZh, proposals.length, { channel: PROPOSAL_CHANNEL.code }),
        ...PROPOSAL_ROLES.map((role) =>
          link(PROPOSAL_ROLE_CATEGORY[role], proposals.filter((p) => p.role === role).length, {
            channel: PROPOSAL_CHANNEL.code,
            category: PROPOSAL_ROLE_CATEGORY[role],
          }),
        ),
        ...counts.flatMap((c) => sourceLinks(c, link)),
      ],
    },
  ]
}

/**
 * The links of one source's numbers in the proposals sentence: its total (`省人大`), each role it
 * has items of (`省人大·主办`), and its key items per role (`省人大·主办·重点建议`, `市政协·主办·重点提案`:
 * the source's own word, proposalItemTerm); none without items.
 */
function sourceLinks(
  c: ProposalSourceCount,
  link: (label: string, count: number, filter: Record<string, string | undefined>) => SentenceLink,
): SentenceLink[] {
  const base = { channel: PROPOSAL_CHANNEL.code, proposalSource: c.source }
  const n: Record<ProposalRole, { all: number; key: number }> = {
    lead: { all: c.lead, key: c.keyLead },
    co: { all: c.co, key: c.keyCo },
  }
  if (c.lead + c.co === 0) return []
  const keyTerm = `重点${proposalItemTerm([c.source])}`
  return [
    link(c.source, c.lead + c.co, base),
    ...PROPOSAL_ROLES.flatMap((role) => {
      const category = PROPOSAL_ROLE_CATEGORY[role]
      const label = `${c.source}·${category}`
      return [
        ...(n[role].all > 0 ? [link(label, n[role].all, { ...base, category })] : []),
        ...(n[role].key > 0
          ? [link(`${label}·${keyTerm}`, n[role].key, { ...base, category, keyProposal: '1' })]
          : []),
      ]
    }),
  ]
}

/** Who reads the report: a signed-in manager, or the CLI reading as an admin. */
export type ReportViewer = Parameters<typeof getYearTally>[1]

/** Sections 三 and 四's sentences (the disclosure register's), linked to the cells they read. */
function disclosureSentences(
  table: Awaited<ReturnType<typeof getDisclosureTable>>,
): CountedSentence[] {
  const cell = (row: string, column: string) =>
    table.sectionThree.find((r) => r.row === row)?.cells.find((c) => c.column === column)
  const received = cell('new', 'total')
  const open = cell('carried_out', 'total')
  const reviewTotals = table.sectionFour.map((k) => ({
    label: k.labelZh,
    cell: k.cells.find((c) => c.column === 'total'),
  }))
  return [
    {
      key: 'disclosure',
      section: 'requests',
      text: table.sentences.intake,
      links: [
        {
          label: '本年新收',
          count: received?.count ?? 0,
          target: 'disclosure',
          filter: received?.link ?? {},
        },
        {
          label: '结转下年度',
          count: open?.count ?? 0,
          target: 'disclosure',
          filter: open?.link ?? {},
        },
      ],
    },
    {
      key: 'reviews',
      section: 'reviews',
      text: table.sentences.review,
      links: reviewTotals.map((r) => ({
        label: r.label,
        count: r.cell?.count ?? 0,
        target: 'disclosure' as const,
        filter: r.cell?.link ?? {},
      })),
    },
  ]
}

/** The live draft: counted sentences, sections 三 and 四's tables, staff text, who edited it. */
async function liveDraft(db: Db, viewer: ReportViewer, year: number) {
  const { text, version, updatedBy, updatedAt } = await getReportText(db, year)
  const title = `${text.bureau}${year}年政府信息公开工作年度报告`
  const disclosure = await getDisclosureTable(db, year)
  const sentences = [
    ...(await countedSentences(db, viewer, year)),
    ...disclosureSentences(disclosure),
  ]
  return { year, title, sentences, disclosure, text, version, updatedBy, updatedAt }
}
type Draft = Awaited<ReturnType<typeof liveDraft>>

/** What each counted sentence is about, as the keys of its numbers read on the report page. */
const SENTENCE_NAMES: Record<CountedSentence['key'], string> = {
  channels: '渠道',
  phone: '咨询电话',
  proposals: '建议提案',
  disclosure: '依申请公开',
  reviews: '复议诉讼',
}

/**
 * Every number of a draft by a key staff can read: the sentences' links (`建议提案`, `建议提案·主办`,
 * `渠道·市长信箱` …) and sections 三 and 四's cells (`表三·<row>·<column>`, `表四·<kind>·<column>`).
 */
function numbersOf(d: Draft): Record<string, number> {
  const out: Record<string, number> = {}
  for (const s of d.sentences) {
    const name = SENTENCE_NAMES[s.key]
    for (const l of s.links) out[l.label === name ? name : `${name}·${l.label}`] = l.count
  }
  const column = (code: string) =>
    d.disclosure.columns.find((c) => c.column === code)?.labelZh ?? code
  for (const r of d.disclosure.sectionThree)
    for (const c of r.cells) out[`表三·${r.labelZh}·${column(c.column)}`] = c.count
  for (const k of d.disclosure.sectionFour)
    for (const c of k.cells) out[`表四·${k.labelZh}·${c.labelZh}`] = c.count
  return out
}

async function requireOpen(db: Db, year: number) {
  const closed = await repo.findSnapshot(db, year)
  if (closed)
    throw new AppError(
      'CONFLICT',
      `${year} was closed by ${closed.closedBy ?? 'someone'}; its report no longer changes`,
      { reason: 'closed' },
    )
}

/** The audit entries that make a year's history (closings and reopenings). */
const HISTORY_ACTIONS = ['annual_report_closed', 'annual_report_reopened'] as const
const targetOf = (year: number) => `annual_report:${year}`

/**
 * The year's closings and reopenings, oldest first: what, when (UTC ms), who (display name as
 * written at the time) and, for a reopening, why.
 */
async function historyOf(db: Db, year: number) {
  const rows = await auditHistoryOf(db, targetOf(year), HISTORY_ACTIONS)
  return rows.map((r) => ({
    action: r.action === 'annual_report_closed' ? ('closed' as const) : ('reopened' as const),
    at: r.at,
    by: typeof r.detail.by === 'string' ? r.detail.by : r.actorName,
    reason: typeof r.detail.reason === 'string' ? r.detail.reason : null,
  }))
}

/**
 * The draft of `year` as `viewer` may see it. Open year: the live draft. Closed year (定稿): the
 * snapshot as it was closed, who closed it (name and id) and when, and the numbers that now differ from it
 * (records of that year changed since). Both carry the year's `history` of closings and reopenings.
 */
export async function getAnnualReport(db: Db, viewer: ReportViewer, year: number) {
  const snapshot = await repo.findSnapshot(db, year)
  const live = await liveDraft(db, viewer, year)
  const history = await historyOf(db, year)
  if (!snapshot) return { ...live, closed: null, differences: [], history }
  const report = JSON.parse(snapshot.report) as Draft
  const differences = numberDifferences(
    JSON.parse(snapshot.numbers) as Record<string, number>,
    numbersOf(live),
  )
  return {
    ...report,
    closed: { at: snapshot.closedAt, by: snapshot.closedBy, byId: snapshot.closedById },
    differences,
    history,
  }
}

/**
 * 定稿: freezes the year's draft as a dated snapshot, with an `annual_report_closed` audit entry
 * in the same transaction. CONFLICT `closed` when it was closed already; CONFLICT
 * `year_not_ended` (naming the year and its last day) before the year has ended in Beijing
 * (domain `closeYearRefusal`).
 */
export async function closeYear(db: Db, user: SessionUser, year: number, now: number) {
  const notEnded = closeYearRefusal(year, toZonedDate(now))
  if (notEnded)
    throw new AppError('CONFLICT', notEnded, {
      reason: 'year_not_ended',
      year,
      endsOn: `${year}-12-31`,
    })
  const live = await liveDraft(db, user, year)
  const stored = await withTransaction(db, async (t) => {
    const inserted = await repo.insertSnapshot(t, {
      year,
      report: JSON.stringify(live),
      numbers: JSON.stringify(numbersOf(live)),
      closedBy: user.id,
      closedAt: now,
    })
    if (inserted)
      await recordAudit(t, {
        at: now,
        action: 'annual_report_closed',
        actor: user,
        target: targetOf(year),
        detail: { year, by: user.displayName },
      })
    return inserted
  })
  if (!stored) await requireOpen(db, year)
  return await getAnnualReport(db, user, year)
}

/**
 * Opens a closed year again (撤销定稿): its snapshot goes, the live draft is the report again and
 * its text can be saved; an `annual_report_reopened` audit entry names the reason and who had
 * closed it, in the same transaction. CONFLICT `not_closed` when the year is open; FORBIDDEN
 * `own_close` for the manager who closed it (domain `reopenYearRefusal`: an admin or another
 * manager reopens).
 */
export async function reopenYear(
  db: Db,
  user: SessionUser,
  year: number,
  reason: string,
  now: number,
) {
  await withTransaction(db, async (t) => {
    const snapshot = await repo.findSnapshot(t, year)
    if (!snapshot)
      throw new AppError('CONFLICT', `${year} is not closed; there is nothing to reopen`, {
        reason: 'not_closed',
        year,
      })
    if (reopenYearRefusal(snapshot.closedById, user))
      throw new AppError(
        'FORBIDDEN',
        `${year} was closed by you; an admin or another manager reopens it`,
        { reason: 'own_close', year },
      )
    await repo.deleteSnapshot(t, year)
    await recordAudit(t, {
      at: now,
      action: 'annual_report_reopened',
      actor: user,
      target: targetOf(year),
      detail: {
        year,
        by: user.displayName,
        reason,
        closedBy: snapshot.closedBy,
        closedAt: formatInstant(snapshot.closedAt),
      },
    })
  })
  return await getAnnualReport(db, user, year)
}
export type AnnualReport = Awaited<ReturnType<typeof getAnnualReport>>

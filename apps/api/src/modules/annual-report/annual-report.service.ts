/**
 * The annual report's draft for a year (domain report/annual-report.ts): the six sections of the
 * national format, with the sentences the desk can count written from its records, each carrying
 * links to the records behind its numbers (queue filters: `GET /api/inquiries` parameters), and the
 * parts staff write, saved per year with who saved them.
 * Errors: VALIDATION (stored text that no longer parses is reported, not dropped).
 */
import {
  OWN_SENTENCE_CHANNELS,
  PHONE_CONSULTATION_CHANNEL,
  PROPOSAL_CHANNEL,
  PROPOSAL_ROLES,
  PROPOSAL_ROLE_CATEGORY,
  annualReportTextSchema,
  countProposals,
  formatPhoneSentence,
  formatProposalsSentence,
  yearRange,
  type AnnualReportText,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import type { SessionUser } from '../../lib/context.ts'
import { getDisclosureTable } from '../disclosure/disclosure-report.service.ts'
import { listProposals } from '../proposals/proposals.service.ts'
import { toQueueLink, type QueueLink } from '../reports/queue-link.ts'
import { getYearTally } from '../reports/tally.service.ts'
import * as repo from './annual-report.repo.ts'

/**
 * One number of a sentence and the filter that lists exactly those records: the queue's
 * (`GET /api/inquiries` parameters) or the disclosure register's (`year`, `row`/`review`, `column`).
 */
export type SentenceLink = { label: string; count: number; target: 'queue' | 'disclosure'; filter: QueueLink }
/** A counted sentence: which section it belongs to, its text, and its numbers' links. */
export type CountedSentence = {
  key: 'channels' | 'phone' | 'proposals' | 'disclosure' | 'reviews'
  section: 'overview' | 'requests' | 'reviews'
  text: string
  links: SentenceLink[]
}

/** The staff-written parts of `year` (defaults when none were saved) and who saved them. */
export function getReportText(db: Db, year: number): { text: AnnualReportText; updatedBy: string | null; updatedAt: number | null } {
  const row = repo.findText(db, year)
  const text = annualReportTextSchema.parse(row ? JSON.parse(row.content) : {})
  return { text, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ?? null }
}

/** Saves the staff-written parts of `year` (whole, replacing the last save). */
export function saveReportText(db: Db, year: number, text: AnnualReportText, user: SessionUser, now: number) {
  repo.saveText(db, { year, content: JSON.stringify(text), updatedBy: user.id, updatedAt: now })
  return getReportText(db, year)
}

/** The sentences of section 一 the desk counts: channels (the tally's), phone consultations, proposals. */
function countedSentences(db: Db, viewer: ReportViewer, year: number): CountedSentence[] {
  const tally = getYearTally(db, viewer, year)
  const { from, to } = yearRange(year)
  const link = (label: string, count: number, filter: Record<string, string | undefined>): SentenceLink => ({
    label,
    count,
    target: 'queue',
    filter: toQueueLink({ status: 'all', from, to, ...filter } as never),
  })
  const own = new Set<string>(OWN_SENTENCE_CHANNELS)
  const calls = tally.channels.find((c) => c.code === PHONE_CONSULTATION_CHANNEL.code)?.received ?? 0
  const proposals = listProposals(db, year)
  const counts = countProposals(proposals)
  return [
    {
      key: 'channels',
      section: 'overview',
      text: tally.sentence,
      links: tally.channels.filter((c) => !own.has(c.code)).map((c) => link(c.nameZh, c.received, { channel: c.code })),
    },
    {
      key: 'phone',
      section: 'overview',
      text: formatPhoneSentence(year, calls),
      links: [link(PHONE_CONSULTATION_CHANNEL.nameZh, calls, { channel: PHONE_CONSULTATION_CHANNEL.code })],
    },
    {
      key: 'proposals',
      section: 'overview',
      text: formatProposalsSentence(year, counts),
      // the queue filters by role (the category), not by source body: the sentence's per-source
      // numbers are in the register (GET /api/proposals?year=)
      links: [
        link(PROPOSAL_CHANNEL.nameZh, proposals.length, { channel: PROPOSAL_CHANNEL.code }),
        ...PROPOSAL_ROLES.map((role) =>
          link(PROPOSAL_ROLE_CATEGORY[role], proposals.filter((p) => p.role === role).length, { channel: PROPOSAL_CHANNEL.code, category: PROPOSAL_ROLE_CATEGORY[role] }),
        ),
      ],
    },
  ]
}

/** Who reads the report: a signed-in manager, or the CLI reading as an admin. */
export type ReportViewer = Parameters<typeof getYearTally>[1]

/** Sections 三 and 四's sentences (the disclosure register's), linked to the cells they read. */
function disclosureSentences(table: ReturnType<typeof getDisclosureTable>): CountedSentence[] {
  const cell = (row: string, column: string) => table.sectionThree.find((r) => r.row === row)?.cells.find((c) => c.column === column)
  const received = cell('new', 'total')
  const open = cell('carried_out', 'total')
  const reviewTotals = table.sectionFour.map((k) => ({ label: k.labelZh, cell: k.cells.find((c) => c.column === 'total') }))
  return [
    {
      key: 'disclosure',
      section: 'requests',
      text: table.sentences.intake,
      links: [
        { label: '本年新收', count: received?.count ?? 0, target: 'disclosure', filter: received?.link ?? {} },
        { label: '结转下年度', count: open?.count ?? 0, target: 'disclosure', filter: open?.link ?? {} },
      ],
    },
    {
      key: 'reviews',
      section: 'reviews',
      text: table.sentences.review,
      links: reviewTotals.map((r) => ({ label: r.label, count: r.cell?.count ?? 0, target: 'disclosure' as const, filter: r.cell?.link ?? {} })),
    },
  ]
}

/**
 * The draft of `year` as `viewer` may see it: counted sentences, sections 三 and 四's tables (the
 * disclosure register's), staff text, who edited it.
 */
export function getAnnualReport(db: Db, viewer: ReportViewer, year: number) {
  const { text, updatedBy, updatedAt } = getReportText(db, year)
  const title = `${text.bureau}${year}年政府信息公开工作年度报告`
  const disclosure = getDisclosureTable(db, year)
  const sentences = [...countedSentences(db, viewer, year), ...disclosureSentences(disclosure)]
  return { year, title, sentences, disclosure, text, updatedBy, updatedAt }
}
export type AnnualReport = ReturnType<typeof getAnnualReport>

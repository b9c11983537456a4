/**
 * Outcomes of a disclosure request: the leaf rows of 三、本年度办理结果 in section 三 of the national
 * annual-report table (国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》). A
 * request is decided with exactly one leaf. The labels are data: the desk seeds them from here and
 * an admin may correct a character without a release.
 *
 * `verified`: true for the rows whose wording was read on published reports in this format (Longgang
 * district 2024, www.lg.gov.cn/xxgk/xxgknb/…/post_11956962.html; Xuwen county 2023,
 * www.xuwen.gov.cn/zfxxgk/…/post_1865610.html): （一） to （三）7. The rows from （三）8 to （六）3 were
 * read only in public code that rebuilds the form and are still to be checked against an official
 * page ("、" vs "，" varies in （六）1–2). Source: ../shared/research/disclosure-and-proposals.md.
 */

/** The six groups of outcomes, （一） to （六）. */
export const OUTCOME_GROUPS = [
  'grant',
  'partial',
  'withhold',
  'unable',
  'not_processed',
  'other',
] as const
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]

export const OUTCOME_CODES = [
  'grant',
  'partial',
  'withhold.state_secret',
  'withhold.prohibited_by_law',
  'withhold.three_securities_one_stability',
  'withhold.third_party_rights',
  'withhold.internal_affairs',
  'withhold.process_information',
  'withhold.enforcement_file',
  'withhold.administrative_query',
  'unable.not_held',
  'unable.needs_creation',
  'unable.still_unclear',
  'not_processed.petition_complaint',
  'not_processed.repeated',
  'not_processed.publication',
  'not_processed.mass_repeated',
  'not_processed.confirm_or_reissue',
  'other.no_correction',
  'other.fee_unpaid',
  'other.other',
] as const
export type OutcomeCode = (typeof OUTCOME_CODES)[number]

/** One leaf row: its code, group, number within the group (0 for （一）/（二）), labels, provenance. */
export type OutcomeRow = {
  code: OutcomeCode
  group: OutcomeGroup
  /** 1-based number of the reason within its group (“1.属于国家秘密”); 0 for the groups without reasons. */
  n: number
  /** The label as printed in the national table (without the number). */
  zh: string
  en: string
  /** Where the wording was read. */
  source: string
  /** True when the wording was read on an official page; false: read in public code only. */
  verified: boolean
}

/** The group headers as printed: （一）予以公开 … （六）其他处理, and （七）总计. */
export const OUTCOME_GROUP_LABELS: Record<
  OutcomeGroup,
  { zh: string; en: string; ordinal: string }
> = {
  grant: { ordinal: '（一）', zh: '予以公开', en: 'Disclosed' },
  partial: {
    ordinal: '（二）',
    zh: '部分公开（区分处理的，只计这一情形，不计其他情形）',
    en: 'Partly disclosed (counted here only)',
  },
  withhold: { ordinal: '（三）', zh: '不予公开', en: 'Not disclosed' },
  unable: { ordinal: '（四）', zh: '无法提供', en: 'Cannot be provided' },
  not_processed: { ordinal: '（五）', zh: '不予处理', en: 'Not processed' },
  other: { ordinal: '（六）', zh: '其他处理', en: 'Other handling' },
}

const FORMAT = '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》'
const READ_ON_REPORTS = `${FORMAT}；见龙岗区2024年、徐闻县2023年政府信息公开工作年度报告`
const READ_IN_CODE = `${FORMAT}；仅见于重建该表的公开代码，待与官方页面核对`

type Leaf = [code: OutcomeCode, zh: string, en: string]

function rows(group: OutcomeGroup, leaves: Leaf[], verifiedUpTo: number): OutcomeRow[] {
  return leaves.map(([code, zh, en], i) => {
    const verified = i + 1 <= verifiedUpTo
    return {
      code,
      group,
      n: group === 'grant' || group === 'partial' ? 0 : i + 1,
      zh,
      en,
      verified,
      source: verified ? READ_ON_REPORTS : READ_IN_CODE,
    }
  })
}

/** Every leaf row, in the order of the printed table. */
export const OUTCOMES: readonly OutcomeRow[] = [
  ...rows('grant', [['grant', '予以公开', 'Disclosed']], 1),
  ...rows(
    'partial',
    [['partial', '部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partly disclosed']],
    1,
  ),
  ...rows(
    'withhold',
    [
      ['withhold.state_secret', '属于国家秘密', 'State secret'],
      [
        'withhold.prohibited_by_law',
        '其他法律行政法规禁止公开',
        'Disclosure prohibited by other laws or regulations',
      ],
      [
        'withhold.three_securities_one_stability',
        '危及“三安全一稳定”',
        'Endangers national, public or economic security or social stability',
      ],
      [
        'withhold.third_party_rights',
        '保护第三方合法权益',
        "Protects a third party's lawful rights",
      ],
      ['withhold.internal_affairs', '属于三类内部事务信息', 'Internal-affairs information'],
      ['withhold.process_information', '属于四类过程性信息', 'Process information'],
      ['withhold.enforcement_file', '属于行政执法案卷', 'Administrative enforcement file'],
      ['withhold.administrative_query', '属于行政查询事项', 'Administrative query matter'],
    ],
    7,
  ),
  ...rows(
    'unable',
    [
      ['unable.not_held', '本机关不掌握相关政府信息', 'The agency does not hold the information'],
      ['unable.needs_creation', '没有现成信息需要另行制作', 'Would have to be newly compiled'],
      ['unable.still_unclear', '补正后申请内容仍不明确', 'Still unclear after correction'],
    ],
    0,
  ),
  ...rows(
    'not_processed',
    [
      ['not_processed.petition_complaint', '信访举报投诉类申请', 'A petition, report or complaint'],
      ['not_processed.repeated', '重复申请', 'Repeated request'],
      ['not_processed.publication', '要求提供公开出版物', 'Asks for a public publication'],
      [
        'not_processed.mass_repeated',
        '无正当理由大量反复申请',
        'Mass repeated requests without good reason',
      ],
      [
        'not_processed.confirm_or_reissue',
        '要求行政机关确认或重新出具已获取信息',
        'Asks to confirm or reissue information already obtained',
      ],
    ],
    0,
  ),
  ...rows(
    'other',
    [
      [
        'other.no_correction',
        '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        'Not corrected in time without good reason; no longer processed',
      ],
      [
        'other.fee_unpaid',
        '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        'Fee not paid in time; no longer processed',
      ],
      ['other.other', '其他', 'Other'],
    ],
    0,
  ),
]

const BY_CODE = new Map(OUTCOMES.map((o) => [o.code, o]))

/**
 * The row of an outcome code.
 * @throws RangeError for an unknown code
 */
export function outcomeRow(code: OutcomeCode): OutcomeRow {
  const row = BY_CODE.get(code)
  if (!row) throw new RangeError(`unknown outcome ${code}`)
  return row
}

/** The group an outcome code belongs to (the part before the dot). */
export function outcomeGroup(code: OutcomeCode): OutcomeGroup {
  return outcomeRow(code).group
}

/** The outcome a request treated as withdrawn by 第三十条 gets (no correction by the stated date). */
export const NO_CORRECTION_OUTCOME: OutcomeCode = 'other.no_correction'

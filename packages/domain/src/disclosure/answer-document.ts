/**
 * The answer document of a disclosure request (答复书 for a decision on the information, 告知书
 * for a notice that it cannot be provided or will not be processed), per outcome of the national
 * table (outcomes.ts): what was decided, the articles of 《中华人民共和国政府信息公开条例》
 * (2019年修订, 国务院令第711号, in force 2019-05-15) it rests on, and the remedy sentence.
 *
 * Sources: the 条例 (2019) for the decisions — 第十四条 (state secrets, laws forbidding, the
 * three securities and stability), 第十五条 (third parties' rights), 第十六条 (internal affairs;
 * process and enforcement-file information), 第二十九条第二款 and 第三十条 (补正), 第三十五条
 * (unreasonable numbers of requests), 第三十六条 (the kinds of answer), 第三十七条 (partial
 * disclosure), 第三十八条 (no creation of information), 第三十九条 (petitions; publications),
 * 第四十二条 (the processing fee), 第五十一条 (remedies); 《中华人民共和国行政复议法》(2023年修订)
 * 第二十条 (60 days to apply for review) and 《中华人民共和国行政诉讼法》第四十六条 (6 months to sue).
 * `verified` is false for every template: the wording was written from the 条例's text as known to
 * the desk's authors, not re-read on an official page (../shared/research has no copy of it); an
 * agency reviews the document before it is signed, as with every reply.
 * A request received before 2019-05-15 is answered under the 2008 条例 (国务院令第492号), whose
 * articles differ, as its clock follows the 2008 periods (deadline/default-policies.ts): its
 * templates (`ANSWER_TEMPLATES_2008`) say the same decisions citing the 2008 条例 by name only,
 * "的有关规定", with no article numbers — ../shared/research gives the 2008 条例's answer periods
 * (15 + 15 working days) and no article of it, and an article number is not written from memory.
 * They are `verified: false` with their `source`; the agency writes the articles in when it
 * reviews the document, before it is signed.
 *
 * The document's date (成文日期) is the day it is signed off (签发), not the day the outcome was
 * decided: 《党政机关公文处理工作条例》（中办发〔2012〕14号）第九条（十一） — "署会议通过或者发文机关
 * 负责人签发的日期" — and GB/T 9704-2012《党政机关公文格式》7.3.5.4 (成文日期), which disclosure
 * offices follow for their 答复书/告知书 (../shared/research says nothing of it; `verified: false`,
 * as the templates). A version not yet signed carries a blank date (`UNSIGNED_DATE`), filled by
 * `signAnswerDocument`. The decision's day stays the register's date, from which the annual table
 * counts the year and against which the statutory clock (第三十三条) is judged.
 */
import { maskName } from '../mask.ts'
import { formatChineseDate } from '../workflow/reply-template.ts'
import { OUTCOME_CODES, type OutcomeCode } from './outcomes.ts'

/**
 * The day the revised 条例 took effect (YYYY-MM-DD): a request received from then on is answered
 * with the templates citing its articles, one received before with the 2008 条例's.
 */
export const ANSWER_TEMPLATES_FROM = '2019-05-15'

/** Which 条例 an answer follows: the 2008 text (国务院令第492号) or the 2019 revision (第711号). */
export type AnswerRegulation = 'ogi2008' | 'ogi2019'

/**
 * The 条例 a request received on `receivedOn` (YYYY-MM-DD, the 第三十一条 date) is answered under:
 * by its receipt, as its clock's periods are chosen (a request received under the 2008 条例 and
 * decided after the revision took effect keeps its 2008 clock and answer).
 */
export function answerRegulationOf(receivedOn: string): AnswerRegulation {
  return receivedOn < ANSWER_TEMPLATES_FROM ? 'ogi2008' : 'ogi2019'
}

export type AnswerDocumentKind = 'answer' | 'notice'

/** What the document says was decided; `{reason}` is the staff's reason, when the outcome needs one. */
type AnswerTemplate = {
  kind: AnswerDocumentKind
  /** The decision paragraph; `{reason}` stands for the staff's note */
  decision: string
  /** The articles cited, as written in the decision */
  basis: readonly string[]
  verified: boolean
  /** What the wording rests on, and why it is not verified */
  source: string
}

const L = '《中华人民共和国政府信息公开条例》'
const SOURCE_2019 =
  '《中华人民共和国政府信息公开条例》（2019年修订，国务院令第711号）：条文据编写者所知撰写，未在官方页面复核'
const WITHHOLD = (what: string, article: string): AnswerTemplate => ({
  kind: 'answer',
  decision: `经审查，您申请获取的政府信息${what}。根据${L}${article}、第三十六条第（三）项的规定，本机关决定不予公开。`,
  basis: [article, '第三十六条第（三）项'],
  verified: false,
  source: SOURCE_2019,
})

/** The template of each outcome. */
export const ANSWER_TEMPLATES: Readonly<Record<OutcomeCode, AnswerTemplate>> = {
  grant: {
    kind: 'answer',
    decision: `经审查，您申请获取的政府信息属于可以公开的政府信息。根据${L}第三十六条第（二）项的规定，本机关决定予以公开，现将该政府信息提供给您（见附件）。`,
    basis: ['第三十六条第（二）项'],
    verified: false,
    source: SOURCE_2019,
  },
  partial: {
    kind: 'answer',
    decision: `经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据${L}第三十七条的规定，本机关向您提供可以公开的政府信息内容（见附件）；对不予公开的内容，理由如下：{reason}`,
    basis: ['第三十七条'],
    verified: false,
    source: SOURCE_2019,
  },
  'withhold.state_secret': WITHHOLD('依法确定为国家秘密', '第十四条'),
  'withhold.prohibited_by_law': WITHHOLD('属于法律、行政法规禁止公开的政府信息', '第十四条'),
  'withhold.three_securities_one_stability': WITHHOLD(
    '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    '第十四条',
  ),
  'withhold.third_party_rights': WITHHOLD(
    '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
    '第十五条',
  ),
  'withhold.internal_affairs': WITHHOLD('属于行政机关的内部事务信息', '第十六条第一款'),
  'withhold.process_information': WITHHOLD(
    '属于行政机关在履行行政管理职能过程中形成的过程性信息',
    '第十六条第二款',
  ),
  'withhold.enforcement_file': WITHHOLD('属于行政执法案卷信息', '第十六条第二款'),
  'withhold.administrative_query': {
    kind: 'answer',
    decision: `经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的信息。根据${L}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。`,
    basis: ['第三十六条第（七）项'],
    verified: false,
    source: SOURCE_2019,
  },
  'unable.not_held': {
    kind: 'notice',
    decision: `经检索，本机关没有您申请获取的政府信息。根据${L}第三十六条第（四）项的规定，告知您该政府信息不存在。`,
    basis: ['第三十六条第（四）项'],
    verified: false,
    source: SOURCE_2019,
  },
  'unable.needs_creation': {
    kind: 'notice',
    decision: `经审查，本机关没有您申请获取的现成信息，提供该信息需要对现有政府信息进行加工、分析。根据${L}第三十八条的规定，本机关不予提供。`,
    basis: ['第三十八条'],
    verified: false,
    source: SOURCE_2019,
  },
  'unable.still_unclear': {
    kind: 'notice',
    decision: `本机关已告知您补正申请内容，补正后申请内容仍不明确，无法确定您申请获取的政府信息。根据${L}第二十九条第二款、第三十条的规定，本机关无法提供。`,
    basis: ['第二十九条第二款', '第三十条'],
    verified: false,
    source: SOURCE_2019,
  },
  'not_processed.petition_complaint': {
    kind: 'notice',
    decision: `经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${L}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。`,
    basis: ['第三十九条第一款'],
    verified: false,
    source: SOURCE_2019,
  },
  'not_processed.repeated': {
    kind: 'notice',
    decision: `本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据${L}第三十六条第（六）项的规定，本机关不予重复处理。`,
    basis: ['第三十六条第（六）项'],
    verified: false,
    source: SOURCE_2019,
  },
  'not_processed.publication': {
    kind: 'notice',
    decision: `经审查，您申请的内容为要求行政机关提供政府公报、报刊、书籍等公开出版物。根据${L}第三十九条第二款的规定，告知您通过公开发行渠道获取。`,
    basis: ['第三十九条第二款'],
    verified: false,
    source: SOURCE_2019,
  },
  'not_processed.mass_repeated': {
    kind: 'notice',
    decision: `您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，申请理由不合理。根据${L}第三十五条的规定，本机关不予处理。`,
    basis: ['第三十五条'],
    verified: false,
    source: SOURCE_2019,
  },
  'not_processed.confirm_or_reissue': {
    kind: 'notice',
    decision: `经审查，您要求本机关确认或者重新出具您已获取的信息，该请求不属于获取政府信息的申请。根据${L}第二条、第三十六条的规定，本机关不作为政府信息公开申请处理。`,
    basis: ['第二条', '第三十六条'],
    verified: false,
    source: SOURCE_2019,
  },
  'other.no_correction': {
    kind: 'notice',
    decision: `本机关已告知您补正申请内容，您无正当理由逾期未补正。根据${L}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
    basis: ['第三十条'],
    verified: false,
    source: SOURCE_2019,
  },
  'other.fee_unpaid': {
    kind: 'notice',
    decision: `您未在收费通知要求的期限内缴纳信息处理费。根据${L}第四十二条的规定，本机关不再处理该政府信息公开申请。`,
    basis: ['第四十二条'],
    verified: false,
    source: SOURCE_2019,
  },
  'other.other': {
    kind: 'notice',
    decision: '本机关对您的申请作如下处理：{reason}',
    basis: [],
    verified: false,
    source: SOURCE_2019,
  },
}

const L_2008 = '《中华人民共和国政府信息公开条例》（国务院令第492号）'
const SOURCE_2008 =
  '../shared/research/disclosure-and-proposals.md 载明2019-05-15前适用2008年《条例》（答复期限15+15个工作日），未载其条文；故只引条例名称，不写条款号，签发前须按国务院令第492号原文核对补入'
// the 2019 citation "根据《条例》第…的规定" of a decision paragraph
const CITATION_2019 = new RegExp(`根据${L}[^，。]*?的规定`, 'u')

/**
 * The 2008 template of `outcome`: the 2019 template's decision with its citation replaced by the
 * 2008 条例 named without articles (none known from the research), no basis, `verified: false`.
 */
function template2008(outcome: OutcomeCode): AnswerTemplate {
  const t = ANSWER_TEMPLATES[outcome]
  return {
    kind: t.kind,
    decision: t.decision.replace(CITATION_2019, `根据${L_2008}的有关规定`),
    basis: [],
    verified: false,
    source: SOURCE_2008,
  }
}

/** The template of each outcome for a request received before 2019-05-15 (the 2008 条例). */
export const ANSWER_TEMPLATES_2008: Readonly<Record<OutcomeCode, AnswerTemplate>> =
  Object.fromEntries(OUTCOME_CODES.map((o) => [o, template2008(o)])) as Record<
    OutcomeCode,
    AnswerTemplate
  >

/** The template of `outcome` for a request received on `receivedOn` (YYYY-MM-DD). */
export function answerTemplateOf(outcome: OutcomeCode, receivedOn: string): AnswerTemplate {
  return answerRegulationOf(receivedOn) === 'ogi2008'
    ? ANSWER_TEMPLATES_2008[outcome]
    : ANSWER_TEMPLATES[outcome]
}

/** What a document is filled from: the register entry and the answering agency. */
export type AnswerDocumentInput = {
  /** The answering agency as it signs, e.g. 沈阳市规划和国土资源局 */
  agency: string
  /** The request's register number (its external id, OGI-…) */
  reference: string
  /** The document's 发文字号 (文号), '' when the agency gives none */
  docNumber?: string
  applicantName: string
  /** The 第三十一条 receipt date, YYYY-MM-DD */
  receivedOn: string
  /** 申请公开的政府信息的名称、文号或者特征性描述 */
  subject: string
  outcome: OutcomeCode
  /** The decision's day, YYYY-MM-DD (Asia/Shanghai) */
  decidedOn: string
  /** The staff's reason or note on the decision; '' when none was written */
  reason: string
}

/** The document as text blocks, in order: a renderer (DOCX, print) lays them out. */
export type AnswerDocument = {
  kind: AnswerDocumentKind
  title: string
  reference: string
  /** 发文字号, '' when none */
  docNumber: string
  salutation: string
  paragraphs: string[]
  /** Signature lines: the agency, then the sign-off date in Chinese (UNSIGNED_DATE until signed) */
  signature: [string, string]
  /** The sign-off day (YYYY-MM-DD), null until signed; absent on documents stored before it was kept */
  signedOn?: string | null
  basis: readonly string[]
  verified: boolean
  /** The 条例 it follows (by the receipt date); absent on documents stored before it was kept */
  regulation?: AnswerRegulation
  /** What its wording rests on (the template's `source`); absent on documents stored before */
  source?: string
}

/**
 * What the document says where the outcome needs the staff's reason and none was written. A
 * document still holding it is not finished: it is neither submitted for review nor signed off
 * (`answerPlaceholders`; the API answers 422 naming it).
 */
export const REASON_PLACEHOLDER = '（请填写理由）'

/** Whether `outcome`'s decision paragraph states the staff's reason (部分公开, （六）其他). */
export function answerNeedsReason(outcome: OutcomeCode): boolean {
  return ANSWER_TEMPLATES[outcome].decision.includes('{reason}')
}

// the placeholder's words, found however they are bracketed or spaced: a reason typed as
// "(请填写理由)" or "请 填写理由" is the placeholder copied, not a reason
const PLACEHOLDER_WORDS = '请填写理由'
const comparable = (text: string) => text.normalize('NFKC').replace(/\s/gu, '')

/**
 * The placeholders still in `d`'s paragraphs (`REASON_PLACEHOLDER`, also in half-width brackets,
 * without them or spaced out), in order; [] when finished.
 */
export function answerPlaceholders(d: Pick<AnswerDocument, 'paragraphs'>): string[] {
  return d.paragraphs.some((p) => comparable(p).includes(PLACEHOLDER_WORDS))
    ? [REASON_PLACEHOLDER]
    : []
}

/** The date line of a version not yet signed off: blank, as a draft for signing leaves it. */
export const UNSIGNED_DATE = '　　年　　月　　日'

/**
 * The filled document of a decided request, undated until signed off (`signAnswerDocument`), by
 * the template of its outcome under the 条例 of its receipt date (`answerTemplateOf`).
 * @throws RangeError when a date is not YYYY-MM-DD
 */
export function composeAnswerDocument(input: AnswerDocumentInput): AnswerDocument {
  for (const [k, v] of [
    ['receivedOn', input.receivedOn],
    ['decidedOn', input.decidedOn],
  ] as const)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new RangeError(`${k} must be YYYY-MM-DD, got ${v}`)
  const t = answerTemplateOf(input.outcome, input.receivedOn)
  const noun = t.kind === 'answer' ? '答复书' : '告知书'
  const decision = t.decision.replace(
    '{reason}',
    withStop(input.reason.trim() || REASON_PLACEHOLDER),
  )
  return {
    kind: t.kind,
    title: `政府信息公开申请${noun}`,
    reference: input.reference,
    docNumber: input.docNumber?.trim() ?? '',
    salutation: `${input.applicantName}：`,
    paragraphs: [
      `本机关于${formatChineseDate(input.receivedOn)}收到您提出的政府信息公开申请，申请获取“${input.subject}”。`,
      decision,
      `如对本${t.kind === 'answer' ? '答复' : '告知'}不服，可以自收到本${noun}之日起六十日内依法申请行政复议，或者自收到本${noun}之日起六个月内依法向人民法院提起行政诉讼。`,
    ],
    signature: [input.agency, UNSIGNED_DATE],
    signedOn: null,
    basis: t.basis,
    verified: t.verified,
    regulation: answerRegulationOf(input.receivedOn),
    source: t.source,
  }
}

/**
 * The document as signed off on `signedOn` (YYYY-MM-DD, Asia/Shanghai): dated that day (成文日期),
 * the text otherwise as reviewed.
 * @throws RangeError when `signedOn` is not YYYY-MM-DD
 */
export function signAnswerDocument(d: AnswerDocument, signedOn: string): AnswerDocument {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(signedOn))
    throw new RangeError(`signedOn must be YYYY-MM-DD, got ${signedOn}`)
  return { ...d, signature: [d.signature[0], formatChineseDate(signedOn)], signedOn }
}

/** `text` ending in a full stop (a staff note may end without one). */
function withStop(text: string): string {
  return /[。！？）]$/.test(text) ? text : `${text}。`
}

/**
 * Document `d` as shown where the applicant's contact is masked (a request's page, its JSON): the
 * salutation, the one place it names the applicant, by `maskName` (`张三：` -> `张*：`), as the
 * inquiry shows its contact. The full name is read only through a recorded reveal (the DOCX).
 */
export function maskedAnswerDocument(d: AnswerDocument): AnswerDocument {
  const name = d.salutation.replace(/：$/, '')
  return { ...d, salutation: `${maskName(name) ?? ''}：` }
}

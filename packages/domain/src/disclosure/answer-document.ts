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
 * A request decided before 2019-05-15 falls under the 2008 条例, whose articles differ: no template.
 *
 * The document's date (成文日期) is the day it is signed off (签发), not the day the outcome was
 * decided: 《党政机关公文处理工作条例》（中办发〔2012〕14号）第九条（十一） — "署会议通过或者发文机关
 * 负责人签发的日期" — and GB/T 9704-2012《党政机关公文格式》7.3.5.4 (成文日期), which disclosure
 * offices follow for their 答复书/告知书 (../shared/research says nothing of it; `verified: false`,
 * as the templates). A version not yet signed carries a blank date (`UNSIGNED_DATE`), filled by
 * `signAnswerDocument`. The decision's day stays the register's date, from which the annual table
 * counts the year and against which the statutory clock (第三十三条) is judged.
 */
import { formatChineseDate } from '../workflow/reply-template.ts'
import type { OutcomeCode } from './outcomes.ts'

/** The day the revised 条例 took effect (YYYY-MM-DD); the templates cite its articles. */
export const ANSWER_TEMPLATES_FROM = '2019-05-15'

export type AnswerDocumentKind = 'answer' | 'notice'

/** What the document says was decided; `{reason}` is the staff's reason, when the outcome needs one. */
type AnswerTemplate = {
  kind: AnswerDocumentKind
  /** The decision paragraph; `{reason}` stands for the staff's note */
  decision: string
  /** The articles cited, as written in the decision */
  basis: readonly string[]
  verified: boolean
}

const L = '《中华人民共和国政府信息公开条例》'
const WITHHOLD = (what: string, article: string): AnswerTemplate => ({
  kind: 'answer',
  decision: `经审查，您申请获取的政府信息${what}。根据${L}${article}、第三十六条第（三）项的规定，本机关决定不予公开。`,
  basis: [article, '第三十六条第（三）项'],
  verified: false,
})

/** The template of each outcome. */
export const ANSWER_TEMPLATES: Readonly<Record<OutcomeCode, AnswerTemplate>> = {
  grant: {
    kind: 'answer',
    decision: `经审查，您申请获取的政府信息属于可以公开的政府信息。根据${L}第三十六条第（二）项的规定，本机关决定予以公开，现将该政府信息提供给您（见附件）。`,
    basis: ['第三十六条第（二）项'],
    verified: false,
  },
  partial: {
    kind: 'answer',
    decision: `经审查，您申请获取的政府信息中含有不应当公开的内容，但是能够作区分处理。根据${L}第三十七条的规定，本机关向您提供可以公开的政府信息内容（见附件）；对不予公开的内容，理由如下：{reason}`,
    basis: ['第三十七条'],
    verified: false,
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
  },
  'unable.not_held': {
    kind: 'notice',
    decision: `经检索，本机关没有您申请获取的政府信息。根据${L}第三十六条第（四）项的规定，告知您该政府信息不存在。`,
    basis: ['第三十六条第（四）项'],
    verified: false,
  },
  'unable.needs_creation': {
    kind: 'notice',
    decision: `经审查，本机关没有您申请获取的现成信息，提供该信息需要对现有政府信息进行加工、分析。根据${L}第三十八条的规定，本机关不予提供。`,
    basis: ['第三十八条'],
    verified: false,
  },
  'unable.still_unclear': {
    kind: 'notice',
    decision: `本机关已告知您补正申请内容，补正后申请内容仍不明确，无法确定您申请获取的政府信息。根据${L}第二十九条第二款、第三十条的规定，本机关无法提供。`,
    basis: ['第二十九条第二款', '第三十条'],
    verified: false,
  },
  'not_processed.petition_complaint': {
    kind: 'notice',
    decision: `经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${L}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。`,
    basis: ['第三十九条第一款'],
    verified: false,
  },
  'not_processed.repeated': {
    kind: 'notice',
    decision: `本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据${L}第三十六条第（六）项的规定，本机关不予重复处理。`,
    basis: ['第三十六条第（六）项'],
    verified: false,
  },
  'not_processed.publication': {
    kind: 'notice',
    decision: `经审查，您申请的内容为要求行政机关提供政府公报、报刊、书籍等公开出版物。根据${L}第三十九条第二款的规定，告知您通过公开发行渠道获取。`,
    basis: ['第三十九条第二款'],
    verified: false,
  },
  'not_processed.mass_repeated': {
    kind: 'notice',
    decision: `您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，申请理由不合理。根据${L}第三十五条的规定，本机关不予处理。`,
    basis: ['第三十五条'],
    verified: false,
  },
  'not_processed.confirm_or_reissue': {
    kind: 'notice',
    decision: `经审查，您要求本机关确认或者重新出具您已获取的信息，该请求不属于获取政府信息的申请。根据${L}第二条、第三十六条的规定，本机关不作为政府信息公开申请处理。`,
    basis: ['第二条', '第三十六条'],
    verified: false,
  },
  'other.no_correction': {
    kind: 'notice',
    decision: `本机关已告知您补正申请内容，您无正当理由逾期未补正。根据${L}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
    basis: ['第三十条'],
    verified: false,
  },
  'other.fee_unpaid': {
    kind: 'notice',
    decision: `您未在收费通知要求的期限内缴纳信息处理费。根据${L}第四十二条的规定，本机关不再处理该政府信息公开申请。`,
    basis: ['第四十二条'],
    verified: false,
  },
  'other.other': {
    kind: 'notice',
    decision: '本机关对您的申请作如下处理：{reason}',
    basis: [],
    verified: false,
  },
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
  /** The decision's day, YYYY-MM-DD (Asia/Shanghai): which 条例's articles apply */
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
 * The filled document of a decided request, undated until signed off (`signAnswerDocument`).
 * @throws RangeError when the decision is before ANSWER_TEMPLATES_FROM (the 2008 条例, other
 *   articles) or a date is not YYYY-MM-DD
 */
export function composeAnswerDocument(input: AnswerDocumentInput): AnswerDocument {
  for (const [k, v] of [
    ['receivedOn', input.receivedOn],
    ['decidedOn', input.decidedOn],
  ] as const)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new RangeError(`${k} must be YYYY-MM-DD, got ${v}`)
  if (input.decidedOn < ANSWER_TEMPLATES_FROM)
    throw new RangeError(
      `decided ${input.decidedOn}, before ${ANSWER_TEMPLATES_FROM}: the 2008 条例 applies, whose articles the templates do not cite`,
    )
  const t = ANSWER_TEMPLATES[input.outcome]
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

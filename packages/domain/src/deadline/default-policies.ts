/**
 * The policies a new desk starts with; an admin edits them per channel and category.
 * - 12345 hotline, common practice of the local 12345 hotline rules (各地12345热线工单办理规范):
 *   urgent items the same day, consultations and requests for help 3 working days, complaints and
 *   suggestions 13 working days, counted from the day after receipt. Items without a known
 *   category get the 13-day rule. Categories are matched on the channel's own category text.
 * - Disclosure requests (依申请公开), any channel: 15 working days (+15 on extension) for requests
 *   received before 2019-05-15 (《中华人民共和国政府信息公开条例》2007年 第二十四条), 20 (+20)
 *   from that date (2019年修订 第三十三条, in force 2019-05-15). Time waiting for the applicant's
 *   correction (补正, 第三十条) or a third party's opinion (第三十二条) is not counted: the clock pauses.
 * - Deputies' suggestions and CPPCC proposals (建议提案), any channel: answered in writing within 3
 *   calendar months of assignment; a co-unit item (category 协办) is due to the lead unit as the
 *   co-unit's opinion within 1 calendar month. Common rule of the congresses' and CPPCC committees'
 *   handling rules (代表建议、批评和意见办理办法; 提案办理办法), which each province and city sets for
 *   itself: an admin adjusts these to the local text.
 * - The other channels: 15 working days, the desk's default until the bureau sets its own rule.
 */
import { PROPOSAL_ROLE_CATEGORY } from '../proposal/roles.ts'
import type { DeadlinePolicy } from './policy.ts'
import { DEFAULT_END_OF_DAY } from './policy.ts'

const HOTLINE_PRACTICE = '12345热线工单办理通行规范（按本地热线管理办法调整）'
const OGI_2007 = '《中华人民共和国政府信息公开条例》（2007年）第二十四条'
const OGI_2019 = '《中华人民共和国政府信息公开条例》（2019年修订）第三十三条'
const PROPOSAL_ANSWER =
  '人大代表建议、政协提案办理通行规定：自交办之日起三个月内书面答复（按本地办理办法核对）'
const PROPOSAL_CO_UNIT =
  '人大代表建议、政协提案办理通行规定：协办单位自交办之日起一个月内向主办单位提出协办意见（按本地办理办法核对）'
const OGI_REVISION_DATE = '2019-05-15'

const wd = (amount: number, source: string, extensionAmount: number | null = null) =>
  ({
    rule: 'working_days',
    amount,
    start: 'next_working_day',
    endOfDay: DEFAULT_END_OF_DAY,
    extensionAmount,
    source,
  }) as const

const months = (amount: number, source: string) =>
  ({
    rule: 'calendar_months',
    amount,
    start: 'receipt',
    endOfDay: DEFAULT_END_OF_DAY,
    extensionAmount: null,
    source,
  }) as const

const message = (channelCode: string | null, category: string | null) =>
  ({ kind: 'message', channelCode, category, validFrom: null, validUntil: null }) as const

/** The rule used when no policy applies (an empty policy table): the desk's 15-working-day default. */
export const FALLBACK_POLICY: DeadlinePolicy = {
  ...message(null, null),
  ...wd(15, '本系统默认办理时限（请按本单位规定修改）'),
}

export const DEFAULT_DEADLINE_POLICIES: readonly DeadlinePolicy[] = [
  {
    ...message('hotline_12345', '紧急'),
    rule: 'same_day',
    amount: 0,
    start: 'receipt',
    endOfDay: null,
    extensionAmount: null,
    source: HOTLINE_PRACTICE,
  },
  { ...message('hotline_12345', '咨询'), ...wd(3, HOTLINE_PRACTICE) },
  { ...message('hotline_12345', '求助'), ...wd(3, HOTLINE_PRACTICE) },
  { ...message('hotline_12345', '投诉'), ...wd(13, HOTLINE_PRACTICE) },
  { ...message('hotline_12345', '建议'), ...wd(13, HOTLINE_PRACTICE) },
  { ...message('hotline_12345', null), ...wd(13, HOTLINE_PRACTICE) },
  FALLBACK_POLICY,
  {
    kind: 'disclosure',
    channelCode: null,
    category: null,
    validFrom: null,
    validUntil: OGI_REVISION_DATE,
    ...wd(15, OGI_2007, 15),
  },
  {
    kind: 'disclosure',
    channelCode: null,
    category: null,
    validFrom: OGI_REVISION_DATE,
    validUntil: null,
    ...wd(20, OGI_2019, 20),
  },
  {
    kind: 'proposal',
    channelCode: null,
    category: null,
    validFrom: null,
    validUntil: null,
    ...months(3, PROPOSAL_ANSWER),
  },
  {
    kind: 'proposal',
    channelCode: null,
    category: PROPOSAL_ROLE_CATEGORY.co,
    validFrom: null,
    validUntil: null,
    ...months(1, PROPOSAL_CO_UNIT),
  },
]

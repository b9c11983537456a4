/**
 * The 2017 report's other workloads, generated (pure, no I/O): the suggestions and proposals the
 * bureau handled ("共承办省市建议提案84件，省人大5件（其中主办件1件，协办件4件），省政协协办件2件；
 * 市人大45件（其中主办件27件，协办件18件）；市政协32件（其中主办件7件，协办件25件）。主办市政协重点提案2件。")
 * and the calls on its consultation line ("共接听群众咨询电话1936个"), answered on the call.
 * Sessions, numbers, titles and deputies are made up; the split is the report's.
 */
import {
  PHONE_CONSULTATION_CHANNEL,
  addCalendarDays,
  addCalendarMonths,
  zonedTimeToInstant,
  type NewInquiry,
  type ProposalRole,
} from '@desk/domain'
import type { ProposalRegistration } from '../proposals/proposals.service.ts'
import { fakeCitizen, fakeName } from './people.ts'
import { createRandom } from './random.ts'

/** Per source: lead items, co-unit items, key lead items; the congresses' 2017 sessions and their assignment dates. */
export const REPORT_2017_PROPOSALS = [
  {
    source: '省人大',
    lead: 1,
    co: 4,
    keyLead: 0,
    session: '省十二届人大七次会议',
    assignedOn: '2017-03-08',
  },
  {
    source: '省政协',
    lead: 0,
    co: 2,
    keyLead: 0,
    session: '省政协十一届五次会议',
    assignedOn: '2017-03-10',
  },
  {
    source: '市人大',
    lead: 27,
    co: 18,
    keyLead: 0,
    session: '市十五届人大七次会议',
    assignedOn: '2017-03-20',
  },
  {
    source: '市政协',
    lead: 7,
    co: 25,
    keyLead: 2,
    session: '市政协十四届一次会议',
    assignedOn: '2017-03-22',
  },
] as const

/** Calls on the consultation line in 2017. */
export const REPORT_2017_PHONE_CALLS = 1936

const SUBJECTS = [
  '老旧小区改造',
  '历史建筑保护',
  '城市绿道建设',
  '停车设施规划',
  '不动产登记便民',
  '农村宅基地管理',
  '地铁站点周边规划',
  '闲置土地处置',
  '城市更新',
  '公园绿地布局',
]
const LEAD_UNITS = [
  '市城乡建设委员会',
  '市交通局',
  '市发展和改革委员会',
  '市住房保障和房产管理局',
  '市园林局',
]
const CATEGORY_MIX = ['A', 'A', 'A', 'B', 'B', 'C'] as const

/** The 84 proposals, answered (lead) or with the opinion sent (co-unit) within their periods. */
export function report2017Proposals(seed: number): ProposalRegistration[] {
  const rnd = createRandom(seed ^ 0x1b873593)
  return REPORT_2017_PROPOSALS.flatMap((s) => {
    const roles: { role: ProposalRole; isKey: boolean }[] = [
      ...Array.from({ length: s.lead }, (_, i) => ({
        role: 'lead' as const,
        isKey: i < s.keyLead,
      })),
      ...Array.from({ length: s.co }, () => ({ role: 'co' as const, isKey: false })),
    ]
    return roles.map(({ role, isKey }, i): ProposalRegistration => {
      const topic = rnd.pick(SUBJECTS)
      const title = `关于加强${topic}工作的${s.source.endsWith('政协') ? '提案' : '建议'}`
      const sentOn = addCalendarDays(
        s.assignedOn,
        rnd.int(role === 'co' ? 10 : 40, role === 'co' ? 28 : 85),
      )
      const base = {
        source: s.source,
        session: s.session,
        number: String(101 + i).padStart(4, '0'),
        role,
        isKey,
        title,
        body: `${title}。建议有关部门统筹研究，加快推进${topic}。`,
        deputyName: fakeName(rnd),
        deputyContact: undefined,
        assignedOn: s.assignedOn,
        coUnits: [],
      }
      if (role === 'co')
        return {
          ...base,
          leadUnit: rnd.pick(LEAD_UNITS),
          opinion: { sentOn, text: `关于${topic}的协办意见已送主办单位。` },
        }
      const category = rnd.pick(CATEGORY_MIX)
      // answered by 17:00 of a day within the three months
      const sentAt = zonedTimeToInstant(
        sentOn < addCalendarMonths(s.assignedOn, 3) ? sentOn : addCalendarMonths(s.assignedOn, 3),
        undefined,
        16,
      )
      return {
        ...base,
        leadUnit: undefined,
        answered: { category, body: `关于${topic}的答复（${category}类）。`, sentAt },
      }
    })
  })
}

/** The year's consultation calls, each answered on the call (replied at receipt). External ids `PHONE-2017-nnnn`. */
export function report2017PhoneCalls(seed: number): NewInquiry[] {
  const rnd = createRandom(seed ^ 0x5bd1e995)
  return Array.from({ length: REPORT_2017_PHONE_CALLS }, (_, i) => {
    const date = addCalendarDays('2017-01-03', Math.floor((i * 361) / REPORT_2017_PHONE_CALLS))
    const receivedAt = zonedTimeToInstant(date, undefined, rnd.int(8, 16), rnd.int(0, 59))
    const topic = rnd.pick(SUBJECTS)
    const caller = fakeCitizen(rnd, 0)
    return {
      channelCode: PHONE_CONSULTATION_CHANNEL.code,
      externalId: `PHONE-2017-${String(i + 1).padStart(4, '0')}`,
      subject: `咨询${topic}相关政策`,
      body: `来电咨询${topic}的办理流程和政策依据。`,
      receivedAt,
      citizenName: caller.name,
      citizenPhone: caller.phone,
      reply: { body: '已在电话中答复来电人。', repliedAt: receivedAt },
    }
  })
}

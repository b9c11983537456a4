/**
 * Demo data for a new desk that looks like a municipal planning and land bureau on an ordinary
 * working morning, generated relative to `now`: five departments (规划处, 土地利用处, 不动产登记中心,
 * 执法监察支队, 办公室) with responders in them and a manager in the office, reply templates per
 * category with placeholders, sign-off (审核) on the 市长信箱 channel (webhooks stay as they are: off
 * on a new desk), and
 * 3000 inquiries over the 182 days before `now` on all five channels in the channel mix of the
 * bureau's 2017 report. Each inquiry is dispatched by the office to the department of its
 * category and handled there (demo-lifecycle.ts): mostly answered on time, a handful due today,
 * a few overdue by one to three working days; a few drafts await sign-off and recent replies have
 * follow-up calls (回访).
 * Faster path than the services, for a first start under 5 s: history-rows.ts builds the rows
 * that `ingestInquiries` and the transfer/claim/reply/post/close services write
 * (history-rows.test.ts proves them equal, column for column), with the deadline columns from
 * the same `deadlineResolver` ingest uses, and history.repo.ts writes them with reused statements
 * in one transaction. The few drafts and follow-ups go through their services.
 * The same seed and `now` give the same data.
 */
import {
  PHONE_CONSULTATION_CHANNEL,
  addCalendarDays,
  toZonedDate,
  type FollowUpOutcome,
  type UserRole,
} from '@desk/domain'
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { updateChannelSettings } from '../channel-settings/channel-settings.service.ts'
import { ensureChannels } from '../channels/channels.service.ts'
import { deadlineResolver } from '../deadlines/deadlines.service.ts'
import { createDepartment, listDepartments } from '../departments/departments.service.ts'
import { submitDraft } from '../inquiries/drafts.service.ts'
import { recordFollowUp } from '../inquiries/follow-up.service.ts'
import { buildHistoryRows } from '../inquiries/history-rows.ts'
import { findByExternalId, insertHistoryBatch } from '../inquiries/ingest.service.ts'
import { createTemplate, listTemplates } from '../templates/templates.service.ts'
import { createUser, findUserByUsername } from '../users/users.service.ts'
import { apportion, REPORT_2017_COUNTS } from './channel-mix.ts'
import { planLifecycle, type LifecyclePlan } from './demo-lifecycle.ts'
import { generateInquiries } from './generate-inquiries.ts'
import { createRandom } from './random.ts'

export type DemoLogin = { username: string; password: string; role: UserRole }
export type DemoSeedResult = { logins: DemoLogin[]; created: number; duplicates: number }

export const DEMO_SEED = 20170101
export const DEMO_INQUIRIES = 3000
export const DEMO_DAYS = 182
/** Open items due one to three working days ago, and open items due today. */
export const DEMO_OVERDUE = 4
export const DEMO_DUE_TODAY = 6
const DEMO_AWAITING_SIGN_OFF = 4
const DEMO_FOLLOW_UPS = 40
/** The channel whose replies the demo's manager signs off. */
export const DEMO_SIGN_OFF_CHANNEL = 'mayor_mailbox'

/** The departments and the categories (topics.ts) the office dispatches to each. */
export const DEMO_DEPARTMENTS: readonly { name: string; categories: readonly string[] }[] = [
  { name: '规划处', categories: ['规划审批', '小区配套', '日照采光', '道路交通'] },
  { name: '土地利用处', categories: ['征地拆迁补偿', '土地利用'] },
  { name: '不动产登记中心', categories: ['不动产登记'] },
  { name: '执法监察支队', categories: ['违法建设', '噪音扰民'] },
  { name: '办公室', categories: ['物业管理', '学区划分'] },
]
const OFFICE = '办公室'

/** The demo staff; the manager (office) dispatches and signs off, responders handle their department's items. */
export const DEMO_STAFF: readonly {
  username: string
  displayName: string
  role: UserRole
  department: string
}[] = [
  { username: 'liming', displayName: '李明', role: 'responder', department: '规划处' },
  { username: 'wangfang', displayName: '王芳', role: 'responder', department: '土地利用处' },
  { username: 'zhaolei', displayName: '赵磊', role: 'responder', department: '不动产登记中心' },
  { username: 'sunjie', displayName: '孙杰', role: 'responder', department: '执法监察支队' },
  { username: 'zhouyan', displayName: '周妍', role: 'responder', department: '办公室' },
  { username: 'huangtao', displayName: '黄涛', role: 'responder', department: '规划处' },
  { username: 'chenjing', displayName: '陈静', role: 'manager', department: OFFICE },
]

/** Templates per category, with the placeholders of packages/domain workflow/reply-template.ts. */
export const DEMO_TEMPLATES: readonly { category: string | null; title: string; body: string }[] = [
  {
    category: null,
    title: '通用答复',
    body: '{市民姓名}您好：\n您于{来件日期}反映的问题（工单编号{工单编号}）已收悉。经{承办单位}核实，现答复如下：\n\n感谢您对我们工作的关心和支持。',
  },
  {
    category: '违法建设',
    title: '违法建设：已立案查处',
    body: '{市民姓名}您好：\n您于{来件日期}反映的违法建设问题已收悉。{承办单位}已安排执法人员现场核查，对未取得建设工程规划许可的建设行为将依法立案查处，并责令限期拆除。\n感谢您对城市规划管理工作的支持。',
  },
  {
    category: '规划审批',
    title: '规划审批：办理进度',
    body: '{市民姓名}您好：\n您于{来件日期}咨询的规划审批事项（工单编号{工单编号}）已收悉。经{承办单位}查询，该项目目前处于审查阶段，审批结果将在政务服务网公示。',
  },
  {
    category: '不动产登记',
    title: '不动产登记：办理指引',
    body: '{市民姓名}您好：\n您于{来件日期}咨询的不动产登记问题已收悉。请携带身份证明、权属来源材料到{承办单位}服务窗口办理，工作日上午9:00至下午5:00受理。',
  },
  {
    category: '征地拆迁补偿',
    title: '征地补偿：政策说明',
    body: '{市民姓名}您好：\n您于{来件日期}反映的征地补偿问题已收悉。经{承办单位}核实，该地块的补偿标准依据省政府公布的区片综合地价执行，具体安置方案已在村务公开栏公示。',
  },
  {
    category: '土地利用',
    title: '土地利用：核查结果',
    body: '{市民姓名}您好：\n您于{来件日期}反映的土地利用问题已收悉。{承办单位}已组织现场核查，核查结果将依法处理并及时向您反馈。',
  },
]

/** Demo data as `bootstrapDesk` wants it: the logins created now (printed once by main.ts). */
export async function seedDemo(db: Db, now: number): Promise<DemoLogin[]> {
  return (await seedDemoData(db, now, DEMO_SEED)).logins
}

type StaffMember = {
  id: number
  role: UserRole
  username: string
  displayName: string
  departmentId: number | null
}

/**
 * Seeds the demo organisation (departments, staff, templates, channel settings) and inquiries.
 * What exists already is reused (staff keep their password, templates are added to an empty list
 * only); an inquiry whose external id (`DEMO-n`) exists is not written again, nor its history, so
 * seeding twice adds nothing.
 * @param now UTC ms: receipts fall in the 182 days before it, lifecycle steps no later than it
 * @throws the driver's error (and writes no inquiry) when a write fails
 */
export async function seedDemoData(db: Db, now: number, seed: number): Promise<DemoSeedResult> {
  const departments = await ensureDepartments(db, now)
  const { staff, logins } = await ensureDemoStaff(db, departments, now)
  const manager = staff.find((u) => u.role === 'manager') as StaffMember
  if ((await listTemplates(db)).length === 0)
    for (const t of DEMO_TEMPLATES) await createTemplate(db, t, manager.id, now)
  await updateChannelSettings(db, DEMO_SIGN_OFF_CHANNEL, { requiresSignOff: true }, manager.id, now)
  // the consultation line the annual report counts calls on ("共接听群众咨询电话N个"): manual entry
  // logs a phone call there by default
  await ensureChannels(db, [PHONE_CONSULTATION_CHANNEL], now)

  const departmentOf = new Map<string, { id: number; name: string }>()
  for (const d of DEMO_DEPARTMENTS)
    for (const c of d.categories)
      departmentOf.set(c, departments.get(d.name) as { id: number; name: string })
  const office = departments.get(OFFICE) as { id: number; name: string }
  const respondersOf = (departmentId: number) =>
    staff.filter((u) => u.role === 'responder' && u.departmentId === departmentId)

  const items = [
    ...generateInquiries({
      seed,
      counts: apportion(DEMO_INQUIRIES, REPORT_2017_COUNTS),
      firstDate: addCalendarDays(toZonedDate(now), -DEMO_DAYS),
      lastDate: toZonedDate(now),
      before: now,
      externalIdPrefix: 'DEMO-',
    }),
  ]
  const plans = createRandom(seed ^ 0x2545f491)
  const deadlineOf = await deadlineResolver(db)
  const moment = { now, today: toZonedDate(now), cal: await loadCalendar(db) }
  const quota = { overdue: DEMO_OVERDUE, dueToday: DEMO_DUE_TODAY }
  const planned: {
    externalId: string
    channelCode: string
    plan: LifecyclePlan
    userId: number
    replyText: string
  }[] = []
  const batch = items.map(({ replyText, ...item }) => {
    const deadline = deadlineOf(item)
    const plan = planLifecycle(
      plans,
      { receivedAt: item.receivedAt, dueAt: deadline.dueAt },
      moment,
      quota,
    )
    const department = departmentOf.get(item.category) ?? office
    const responders = respondersOf(department.id)
    const userId = (responders[plan.responder % responders.length] as StaffMember).id
    const at = (t: number | undefined) => (t === undefined ? undefined : { at: t, userId })
    planned.push({
      externalId: item.externalId,
      channelCode: item.channelCode,
      plan,
      userId,
      replyText,
    })
    const rows = buildHistoryRows(
      item,
      { now: item.receivedAt, eventType: 'received' },
      {
        dispatch:
          plan.dispatchAt === undefined
            ? undefined
            : { at: plan.dispatchAt, userId: manager.id, department, note: '请按职责办理' },
        claim: at(plan.claimAt),
        reply:
          plan.replyAt === undefined ? undefined : { at: plan.replyAt, userId, body: replyText },
        post: at(plan.postAt),
        close: at(plan.closeAt),
      },
    )
    return { rows, deadline }
  })
  const written = await insertHistoryBatch(db, batch)
  if (written.created > 0)
    await addDraftsAndFollowUps(db, planned, staff, createRandom(seed ^ 0x1b873593), now)
  return { logins, ...written }
}

/**
 * Through the services: drafts awaiting sign-off on claimed open items of the sign-off channel,
 * and follow-up calls on items answered in the last weeks, each after the item's last step.
 */
async function addDraftsAndFollowUps(
  db: Db,
  planned: readonly {
    externalId: string
    channelCode: string
    plan: LifecyclePlan
    userId: number
    replyText: string
  }[],
  staff: readonly StaffMember[],
  rnd: ReturnType<typeof createRandom>,
  now: number,
) {
  const HOUR = 3_600_000
  const userById = new Map(staff.map((u) => [u.id, u]))
  const manager = staff.find((u) => u.role === 'manager') as StaffMember
  const current = async (p: { channelCode: string; externalId: string }) =>
    (await findByExternalId(db, p.channelCode, p.externalId)) as { id: number; version: number }
  const drafts = planned.filter(
    (p) =>
      p.channelCode === DEMO_SIGN_OFF_CHANNEL &&
      p.plan.claimAt !== undefined &&
      p.plan.replyAt === undefined,
  )
  for (const p of drafts.slice(-DEMO_AWAITING_SIGN_OFF)) {
    const at = Math.min(now, (p.plan.claimAt as number) + rnd.int(1, 4) * HOUR)
    const row = await current(p)
    await submitDraft({ db, user: userById.get(p.userId) as StaffMember, now: at }, row.id, {
      version: row.version,
      body: p.replyText,
    })
  }
  const outcomes: FollowUpOutcome[] = [
    'satisfied',
    'satisfied',
    'satisfied',
    'basically_satisfied',
    'basically_satisfied',
    'unreachable',
    'unsatisfied',
  ]
  const answered = planned.filter((p) => p.plan.postAt !== undefined)
  for (const p of answered.slice(-DEMO_FOLLOW_UPS * 2)) {
    const last = p.plan.closeAt ?? (p.plan.postAt as number)
    const at = last + rnd.int(2, 48) * HOUR
    if (at > now || !rnd.chance(0.5)) continue
    const row = await current(p)
    await recordFollowUp({ db, user: manager, now: at }, row.id, {
      version: row.version,
      outcome: rnd.pick(outcomes),
      note: '',
      reopen: false,
    })
  }
}

async function ensureDepartments(
  db: Db,
  now: number,
): Promise<Map<string, { id: number; name: string }>> {
  const byName = new Map(
    (await listDepartments(db)).map((d) => [d.name, { id: d.id, name: d.name }]),
  )
  for (const { name } of DEMO_DEPARTMENTS) {
    if (!byName.has(name)) {
      const d = await createDepartment(db, { name, isActive: true }, now)
      byName.set(name, { id: d.id, name: d.name })
    }
  }
  return byName
}

async function ensureDemoStaff(
  db: Db,
  departments: ReadonlyMap<string, { id: number }>,
  now: number,
) {
  const staff: StaffMember[] = []
  const logins: DemoLogin[] = []
  for (const { department, ...s } of DEMO_STAFF) {
    const existing = await findUserByUsername(db, s.username)
    if (existing) {
      staff.push(existing)
      continue
    }
    const password = randomBytes(9).toString('base64url')
    staff.push(
      await createUser(
        db,
        { ...s, password, department: departments.get(department)?.id ?? null },
        now,
      ),
    )
    logins.push({ username: s.username, password, role: s.role })
  }
  return { staff, logins }
}

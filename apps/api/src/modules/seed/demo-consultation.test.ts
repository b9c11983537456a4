import { describe, expect, it } from 'vitest'
import { call, SEED_YEAR_TIMEOUT_MS, setupDesk, signIn } from '../../test/setup.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { ensureReturnReasons } from '../return-reasons/return-reasons.service.ts'
import { seedDemoData } from './demo.service.ts'

const NOW = Date.parse('2024-09-27T09:30:00+08:00')

// on both engines (demo.test.ts, which compares two seeded desks, runs on SQLite only)
describe('the demo desk’s consultation line', () => {
  it(
    'is a manual-entry channel, so a call logged on it is counted in the annual report draft',
    async () => {
      const desk = await setupDesk(() => NOW)
      await ensureDeadlineSetup(desk.db, NOW)
      await ensureReturnReasons(desk.db)
      await seedDemoData(desk.db, NOW, 1)
      const s = await signIn(desk, 'manager', 'consultation-manager')
      const { channels } = (await (await call(desk, s, 'GET', '/channels')).json()) as {
        channels: { code: string; nameZh: string; intake: string; isActive: boolean }[]
      }
      expect(channels.find((c) => c.code === 'consultation_phone')).toMatchObject({
        nameZh: '咨询电话',
        intake: 'manual',
        isActive: true,
      })
      const logged = await call(desk, s, 'POST', '/manual-entries', {
        channel: 'consultation_phone',
        kind: 'phone',
        callerName: '王先生',
        subject: '咨询公积金提取',
        summary: '来电咨询租房提取的材料。',
        receivedAt: '2024-09-27T09:00:00+08:00',
        outcome: 'answered',
        answer: '已告知所需材料。',
      })
      expect(logged.status).toBe(201)
      const { report } = (await (await call(desk, s, 'GET', '/reports/annual/2024')).json()) as {
        report: { sentences: { key: string; text: string }[] }
      }
      expect(report.sentences.find((x) => x.key === 'phone')?.text).toBe(
        '2024年共接听群众咨询电话1个。',
      )
    },
    SEED_YEAR_TIMEOUT_MS,
  )
})

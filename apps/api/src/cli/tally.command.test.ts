import { DEFAULT_CHANNELS } from '@desk/domain'
import { describe, expect, it } from 'vitest'
import { createTestDb } from '../db/client.ts'
import { ensureChannels } from '../modules/channels/channels.service.ts'
import { getYearTally } from '../modules/reports/tally.service.ts'
import { REPORT_2017_SEED, seedReport2017 } from '../modules/seed/report-2017.service.ts'
import { SEED_YEAR_TIMEOUT_MS } from '../test/setup.ts'
import { tallyToText } from './tally.command.ts'

const ADMIN = { id: 0, role: 'admin', departmentId: null } as const

describe('desk tally --year 2017 on the seeded report year', () => {
  it(
    'prints the 2017 annual report sentence word for word, then the table',
    async () => {
      const db = await createTestDb()
      await ensureChannels(db, DEFAULT_CHANNELS, 0)
      await seedReport2017(db, Date.parse('2018-01-15T00:00:00Z'), REPORT_2017_SEED)
      const lines = tallyToText(await getYearTally(db, ADMIN, 2017)).split('\n')
      expect(lines[0]).toBe(
        '2017年共办理“12345网络问政”1831件、“市长信箱”293件、“民心网联网平台”404件、“网络回应人”2786件、“局长信箱”47件。',
      )
      expect(lines[1]?.split(/\s+/)).toEqual([
        '渠道',
        '收件数',
        '年末已答复',
        '年末待答复',
        '年末已合并（重复件）',
      ])
      // the consultation line is a channel of the table, not of the sentence; proposals are in neither
      expect(lines.slice(6, 9).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
        ['局长信箱', '47'],
        ['咨询电话', '1936'],
        ['合计', '7297'],
      ])
    },
    SEED_YEAR_TIMEOUT_MS,
  )
})

import { describe, expect, it } from 'vitest'
import { DISCLOSURE_STEPS, disclosureStepRefusal } from './steps.ts'

const rule = { extensionAmount: 20 }
const clock = (state: string, extra: Record<string, unknown> = {}) =>
  ({
    state,
    correction: null,
    extensionDays: 0,
    correctionNoticeBy: '2024-10-15',
    rule,
    ...extra,
  }) as Parameters<typeof disclosureStepRefusal>[0]
const allowed = (c: Parameters<typeof disclosureStepRefusal>[0]) =>
  DISCLOSURE_STEPS.filter((s) => disclosureStepRefusal(c, s, '2024-10-14') === null)

describe('which clock step may be taken', () => {
  it('offers each step only in the states of the 条例', () => {
    expect(allowed(clock('running'))).toEqual([
      'request_correction',
      'start_consultation',
      'extend',
      'decide',
    ])
    expect(allowed(clock('awaiting_correction'))).toEqual(['receive_correction'])
    expect(allowed(clock('correction_lapsed'))).toEqual(['receive_correction', 'decide'])
    expect(allowed(clock('in_consultation'))).toEqual(['end_consultation'])
    expect(allowed(clock('decided'))).toEqual([])
  })

  it('sends a 补正 once and extends up to the rule’s amount', () => {
    const corrected = {
      requestedOn: '2024-10-10',
      answerBy: '2024-10-25',
      receivedOn: '2024-10-12',
      late: false,
    }
    expect(
      disclosureStepRefusal(
        clock('running', { correction: corrected }),
        'request_correction',
        '2024-10-14',
      ),
    ).toBe('correction_sent')
    expect(
      disclosureStepRefusal(clock('running', { extensionDays: 20 }), 'extend', '2024-10-14'),
    ).toBe('extension_used')
    expect(
      disclosureStepRefusal(clock('running', { extensionDays: 5 }), 'extend', '2024-10-14'),
    ).toBeNull()
  })

  it('sends a 补正 only until the 7th working day after receipt (条例 第三十条)', () => {
    const running = clock('running')
    expect(disclosureStepRefusal(running, 'request_correction', '2024-10-15')).toBeNull()
    expect(disclosureStepRefusal(running, 'request_correction', '2024-10-16')).toBe(
      'correction_late',
    )
    // the limit is the notice's; other steps that day are not touched by it
    expect(disclosureStepRefusal(running, 'extend', '2024-10-16')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { externalIdKey } from './external-id.ts'

describe('externalIdKey', () => {
  it.each([
    ['MX-T7-1', 'mx-t7-1'],
    ['mx-t7-1', 'mx-t7-1'],
    ['GD20240312-0007', 'gd20240312-0007'],
    ['市长信箱-Ab9', '市长信箱-ab9'],
    // only ASCII folds: full-width and other scripts stay as written
    ['ＧＤ－７', 'ＧＤ－７'],
    ['ÄÖ-1', 'ÄÖ-1'],
  ])('%s compares as %s', (id, key) => {
    expect(externalIdKey(id)).toBe(key)
  })
})

import { describe, expect, it } from 'vitest'
import { channelKind, takesMessages } from './channel-kind.ts'

describe('channelKind', () => {
  it('gives the proposals and disclosure channels their own kind, every other channel messages', () => {
    expect(channelKind('proposals')).toBe('proposal')
    expect(channelKind('ogi_request')).toBe('disclosure')
    expect(channelKind('mayor_mailbox')).toBe('message')
    expect(takesMessages('proposals')).toBe(false)
    expect(takesMessages('ogi_request')).toBe(false)
    expect(takesMessages('minxin')).toBe(true)
  })
})

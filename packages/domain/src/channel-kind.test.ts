import { describe, expect, it } from 'vitest'
import { channelKind, messageChannelRefusal, takesMessages } from './channel-kind.ts'

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

describe('messageChannelRefusal', () => {
  it('names where the proposals and disclosure channels take their items, nothing for a message channel', () => {
    expect(messageChannelRefusal('proposals')).toEqual({
      kind: 'proposal',
      page: '/proposals/new',
      route: 'POST /api/proposals',
    })
    expect(messageChannelRefusal('ogi_request')).toEqual({
      kind: 'disclosure',
      page: '/disclosure/new',
      route: 'POST /api/disclosure/requests',
    })
    expect(messageChannelRefusal('hotline_12345')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { SubmissionKeys } from './idempotency-key.ts'

describe('SubmissionKeys', () => {
  it('makes one request for a double send, reuses the key after a failure and not after a success', async () => {
    const keys = new SubmissionKeys()
    const sent: string[] = []
    let fail = true
    const post = (key: string) => {
      sent.push(key)
      return fail ? Promise.reject(new Error('network')) : Promise.resolve(key)
    }
    const body = { version: 4, text: '已电话联系' }
    const first = keys.send(body, post)
    const second = keys.send({ ...body }, post)
    expect(second).toBe(first)
    await expect(first).rejects.toThrow('network')
    expect(sent).toHaveLength(1)

    fail = false
    expect(await keys.send(body, post)).toBe(sent[0])
    await keys.send(body, post)
    expect(sent).toHaveLength(3)
    expect(sent[2]).not.toBe(sent[0]) // sent again after a success: a new submission
    await keys.send({ ...body, text: '改过的' }, post)
    expect(new Set(sent).size).toBe(3)
  })
})

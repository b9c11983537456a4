import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { uploadPublicFiles } from '../../../features/mailbox/api/public-uploads.ts'
import { server } from '../../../testing/msw-server.ts'
import { FileUploads } from '../../../lib/file-uploads.ts'
import { uploadStaffFiles } from '../../../lib/staff-uploads.ts'

/**
 * An upload route that stores a file once per Idempotency-Key, as the API does, and loses the
 * answer to the first request it stores (the network fails on the way back).
 */
function uploadRoute(path: string) {
  const stored = new Map<string, string>()
  const keys: (string | null)[] = []
  let lost = false
  server.use(
    http.post(`*${path}`, async ({ request }) => {
      const key = request.headers.get('idempotency-key')
      keys.push(key)
      await request.arrayBuffer()
      const token = stored.get(key ?? '') ?? `tok_${stored.size + 1}_abcdefghijklmnopqrstu`
      if (key) stored.set(key, token)
      if (!lost) {
        lost = true
        return HttpResponse.error()
      }
      return HttpResponse.json(
        { token, name: 'x', type: 'application/pdf', size: 3 },
        { status: 201 },
      )
    }),
  )
  return { stored, keys }
}

const pdf = (name: string) => new File(['%PDF'], name, { type: 'application/pdf' })

describe('file uploads retried after a network error', () => {
  for (const [who, path, upload] of [
    ['staff', '/api/attachments/uploads', uploadStaffFiles],
    ['public mailbox', '/api/public/mailbox/uploads', uploadPublicFiles],
  ] as const) {
    it(`store each file once (${who}): the retry sends the first key again, an uploaded file not at all`, async () => {
      const route = uploadRoute(path)
      const uploads = new FileUploads()
      const files = [pdf('一.pdf'), pdf('二.pdf')]
      await expect(upload(files, uploads)).rejects.toThrow()
      const refs = await upload(files, uploads)
      expect(route.stored.size).toBe(2)
      expect(refs).toEqual([...route.stored.values()].map((token) => ({ token })))
      // 一 sent twice under one key, then 二 once; a further send (the message's retry) sends nothing
      expect(route.keys.length).toBe(3)
      expect(route.keys[1]).toBe(route.keys[0])
      expect(route.keys[2]).not.toBe(route.keys[0])
      expect(route.keys[0]).toMatch(/^[0-9a-f]{32}$/)
      expect(await upload(files, uploads)).toEqual(refs)
      expect(route.keys.length).toBe(3)
    })
  }
})

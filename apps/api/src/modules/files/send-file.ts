/** The one way stored bytes leave the desk: a download with the checked type, never sniffed. */
import type { FileStore } from '../../lib/file-store.ts'
import { attachment } from '../../lib/content-disposition.ts'

/** Serves stored bytes as a download: never rendered inline by the browser, never sniffed. */
export async function sendFile(
  files: FileStore,
  file: { name: string; type: string; size: number; sha256: string },
): Promise<Response> {
  return new Response(await files.open(file.sha256), {
    status: 200,
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': attachment(file.name, `file.${file.type.split('/')[1] ?? 'bin'}`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}

/**
 * The files of one form on their way up: each is uploaded on its own first (the raw file as the
 * body) and the message names the tokens. Per file, one `Idempotency-Key` is made when it is
 * first sent and sent again on every retry, so an upload whose answer was lost (a network error
 * after the server stored it) answers the first token again instead of storing a second upload;
 * a file whose token came back is not sent again.
 */
import { newIdempotencyKey } from './idempotency-key.ts'

/** Sends one file with its key and answers its token. */
export type SendFile = (file: File, idempotencyKey: string) => Promise<{ token: string }>

export class FileUploads {
  private readonly keys = new Map<File, string>()
  private readonly tokens = new Map<File, string>()

  /** Uploads `files` in order (those already up are not sent again) and returns their tokens. */
  async tokensOf(files: readonly File[], send: SendFile): Promise<{ token: string }[]> {
    const refs = []
    for (const file of files) {
      let token = this.tokens.get(file)
      if (token === undefined) {
        let key = this.keys.get(file)
        if (key === undefined) this.keys.set(file, (key = newIdempotencyKey()))
        token = (await send(file, key)).token
        this.tokens.set(file, token)
      }
      refs.push({ token })
    }
    return refs
  }
}

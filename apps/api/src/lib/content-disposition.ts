/**
 * `Content-Disposition: attachment` for a download with a Chinese file name (RFC 6266 with the
 * RFC 5987 `filename*` parameter, which every current browser reads; the plain `filename` is an
 * ASCII fallback for old clients).
 */

/** RFC 5987 `ext-value` encoding: percent-encoded UTF-8, with `'()*` also encoded. */
const encodeRfc5987 = (s: string) =>
  encodeURIComponent(s).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )

/** The header value for downloading `fileName` (any Unicode; `"` and `\` are dropped from the fallback). */
export function attachment(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`
}

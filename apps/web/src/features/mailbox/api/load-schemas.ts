/**
 * The domain's mailbox schemas, loaded on demand: they carry libphonenumber's metadata (about
 * 50 KB gzipped), which a citizen on a slow phone connection should not wait for before the page
 * can be read and typed in. The forms start the load on mount and await it on submit (the
 * browser fetches the chunk once). Rejects when the chunk cannot be fetched (no network).
 */
export function loadMailboxSchemas() {
  return import('./mailbox-schemas.ts')
}

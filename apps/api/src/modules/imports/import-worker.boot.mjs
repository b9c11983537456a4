// Entry of the import worker threads. A worker does not inherit the module hooks that let its
// parent run TypeScript (tsx's loader, or a test runner's), so it registers tsx's before loading
// its TypeScript entry.
import { register } from 'tsx/esm/api'

register()
await import('./import-worker.ts')

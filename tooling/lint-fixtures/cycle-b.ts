// Lint fixture (not built, ignored by `eslint .`): half of an import cycle with cycle-a.ts.
import { a } from './cycle-a.ts'

export const b = (): number => (Math.random() > 2 ? a() : 0)

/** The look of internal-only content (notes): a yellow, dashed box, unlike replies to the citizen. */
import type { CSSProperties } from 'react'

export const INTERNAL_STYLE: CSSProperties = {
  background: '#fffbe6',
  border: '1px dashed #faad14',
  borderRadius: 6,
  padding: 8,
}

/**
 * Ant Design theme tokens that meet WCAG 2.1 AA contrast (4.5:1 for text) on the desk's white
 * cards and the #f5f5f5 page background. antd's defaults do not: its link and primary blue
 * #1677ff is 4.1:1 on white and 3.8:1 on #f5f5f5, and secondary text (45% black) 3.3:1 on
 * #f5f5f5. Measured with axe-core's color-contrast rule (e2e/accessibility.e2e.test.ts); the preset
 * tag colours are fixed in contrast.css.
 */
import type { ThemeConfig } from 'antd'

/** antd's blue-7: 6.0:1 on white, 5.5:1 on #f5f5f5 (white text on it: 6.0:1). */
const BLUE = '#0958d9'
/** 65% black: 7.0:1 on white, 6.4:1 on #f5f5f5 (antd's secondary and tertiary are 45%). */
const GREY_TEXT = 'rgba(0, 0, 0, 0.65)'
/** 60% black for placeholders, empty-table notes and disabled text: 5.7:1 on white, 5.3:1 on #f5f5f5 (antd: 25%). */
const FAINT_TEXT = 'rgba(0, 0, 0, 0.6)'
/** antd's red-7: 5.6:1 on white (red-6, the default, 3.3:1). */
const RED = '#cf1322'

export const accessibleTheme: ThemeConfig = {
  token: {
    colorPrimary: BLUE,
    colorLink: BLUE,
    colorInfo: BLUE,
    colorTextSecondary: GREY_TEXT,
    colorTextTertiary: GREY_TEXT,
    colorTextDescription: GREY_TEXT,
    colorTextQuaternary: FAINT_TEXT,
    colorTextPlaceholder: FAINT_TEXT,
    colorTextDisabled: FAINT_TEXT,
    colorError: RED,
  },
}

/**
 * Button defaults for ConfigProvider's `button` prop: antd puts a space between two Chinese
 * characters of a button (编 辑), so the visible label no longer matches an accessible name such as
 * 编辑 12345网络问政 (WCAG 2.5.3 label in name, axe label-content-name-mismatch).
 */
export const buttonConfig = { autoInsertSpace: false } as const

/**
 * Card defaults for ConfigProvider's `card` prop: a title longer than its card (English, a phone,
 * a card with links beside its title) wraps instead of being cut off with an ellipsis.
 */
export const cardConfig = { styles: { title: { whiteSpace: 'normal' } } } as const

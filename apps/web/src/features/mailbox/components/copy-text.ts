/**
 * Copies text to the clipboard: the async Clipboard API where the page may use it (HTTPS or
 * localhost), else the older execCommand('copy') on a hidden text area, which WeChat's browser
 * and plain-HTTP pages still allow. Resolves true when either worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    } finally {
      area.remove()
    }
  }
}

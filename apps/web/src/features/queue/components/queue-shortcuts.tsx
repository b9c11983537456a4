/**
 * The queue's keyboard shortcuts, as mail and ticket desks have them (Gmail, Zendesk): j / k move
 * the current row, Enter opens it, c claims it, r opens it with the reply box focused, ? shows
 * this list. They never fire while the user types in a field (react-hotkeys-hook leaves inputs,
 * text areas and selects alone), nor while a dialog is open.
 */
import { Button, Grid, Modal, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useHotkeys } from 'react-hotkeys-hook'

/** The shortcuts, in the order the help lists them: the key as printed and its locale key. */
export const QUEUE_SHORTCUTS = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['c'], action: 'claim' },
  { keys: ['r'], action: 'reply' },
  { keys: ['?'], action: 'help' },
] as const
export type QueueShortcutAction = (typeof QUEUE_SHORTCUTS)[number]['action']

export type QueueShortcutHandlers = Record<Exclude<QueueShortcutAction, 'help'>, () => void>

/** Binds the shortcuts while `isEnabled`; `?` calls `onHelp`. */
export function useQueueShortcuts(
  handlers: QueueShortcutHandlers,
  onHelp: () => void,
  isEnabled: boolean,
) {
  const options = { enabled: isEnabled, preventDefault: true }
  useHotkeys('j', handlers.next, options)
  useHotkeys('k', handlers.previous, options)
  useHotkeys('c', handlers.claim, options)
  useHotkeys('r', handlers.reply, options)
  // Enter on a focused link or button already does what it says: only a bare Enter opens the row
  useHotkeys('enter', handlers.open, {
    ...options,
    ignoreEventWhen: (e) => e.target instanceof Element && e.target.closest('a, button') !== null,
  })
  // `?` is Shift+/ on a US keyboard and elsewhere on others: match the character typed, whatever
  // modifier produced it
  useHotkeys('?', onHelp, { ...options, useKey: true, ignoreModifiers: true })
}

/** The help overlay listing the shortcuts; also opened by its button (not shown on a phone, which has no keys). */
export function QueueShortcutsHelp({
  isOpen,
  onOpen,
  onClose,
}: {
  isOpen: boolean
  onOpen: () => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const screens = Grid.useBreakpoint()
  return (
    <>
      {screens.md !== false && (
        <Button type="link" size="small" onClick={onOpen} aria-keyshortcuts="?">
          {t('queue.shortcuts.button')}
        </Button>
      )}
      <Modal
        open={isOpen}
        title={t('queue.shortcuts.title')}
        onCancel={onClose}
        footer={null}
        width={420}
      >
        <Table
          size="small"
          pagination={false}
          rowKey="action"
          showHeader
          dataSource={[...QUEUE_SHORTCUTS]}
          columns={[
            {
              key: 'keys',
              title: t('queue.shortcuts.key'),
              width: 100,
              render: (_, s) =>
                s.keys.map((k) => (
                  <Typography.Text keyboard key={k}>
                    {k}
                  </Typography.Text>
                )),
            },
            {
              key: 'action',
              title: t('queue.shortcuts.action'),
              render: (_, s) => t(`queue.shortcuts.${s.action}`),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('queue.shortcuts.note')}
        </Typography.Paragraph>
      </Modal>
    </>
  )
}

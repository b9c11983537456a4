/**
 * The shape shared by 转办 and 退单: pick one item of a list (a department, a return reason),
 * add a note, submit one workflow action. Each dialog supplies its texts, its options and the
 * action it sends; this keeps the state, the reset on close and the error display in one place.
 */
import { Flex, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useInquiryAction, type InquiryAction } from '../api/use-inquiry-action.ts'
import { ActionError } from './action-error.tsx'

type Props = {
  inquiryId: number
  isOpen: boolean
  onClose: () => void
  /** After the action succeeded, with the chosen option's label. */
  onDone: (choice: string) => void
  texts: { title: string; submit: string; choice: string; note: string; notePlaceholder: string }
  options: { value: number; label: string }[]
  isLoading: boolean
  isNoteRequired: boolean
  isDanger?: boolean
  /** The action for the chosen id and the trimmed note. */
  toAction: (choiceId: number, note: string) => InquiryAction
}

export function ChoiceWithNoteDialog({
  inquiryId,
  isOpen,
  onClose,
  onDone,
  texts,
  options,
  isLoading,
  isNoteRequired,
  isDanger,
  toAction,
}: Props) {
  const action = useInquiryAction(inquiryId)
  const [choiceId, setChoiceId] = useState<number>()
  const [note, setNote] = useState('')
  const isIncomplete = choiceId === undefined || (isNoteRequired && note.trim() === '')
  return (
    <Modal
      title={texts.title}
      open={isOpen}
      okText={texts.submit}
      okButtonProps={{ disabled: isIncomplete, loading: action.isPending, danger: isDanger }}
      onOk={() =>
        choiceId !== undefined &&
        action.mutate(toAction(choiceId, note.trim()), {
          onSuccess: () => {
            onClose()
            onDone(options.find((o) => o.value === choiceId)?.label ?? '')
          },
        })
      }
      onCancel={onClose}
      afterClose={() => {
        setChoiceId(undefined)
        setNote('')
        action.reset()
      }}
    >
      <Flex vertical gap={12}>
        <ActionError error={action.error} />
        <Select
          aria-label={texts.choice}
          placeholder={texts.choice}
          loading={isLoading}
          options={options}
          value={choiceId}
          onChange={setChoiceId}
        />
        <Input.TextArea
          aria-label={texts.note}
          placeholder={texts.notePlaceholder}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Flex>
    </Modal>
  )
}

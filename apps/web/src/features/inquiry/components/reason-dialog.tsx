/** A small modal asking for a required reason (pause the clock, request an extension). */
import { Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  title: string
  isOpen: boolean
  isBusy: boolean
  onSubmit: (reason: string) => void
  onCancel: () => void
}

export function ReasonDialog({ title, isOpen, isBusy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  return (
    <Modal
      title={title}
      open={isOpen}
      okText={t('deadlines.panel.submit')}
      okButtonProps={{ disabled: reason.trim() === '', loading: isBusy }}
      onOk={() => onSubmit(reason.trim())}
      onCancel={onCancel}
      afterClose={() => setReason('')}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label={t('deadlines.panel.reason')}
        placeholder={t('deadlines.panel.reasonRequired')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  )
}

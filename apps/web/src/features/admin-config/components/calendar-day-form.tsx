/** Adds or corrects one date: the date (YYYY-MM-DD), holiday or make-up workday, and its name. */
import { Button, Form, Input, Radio } from 'antd'
import { useTranslation } from 'react-i18next'

export type DayValues = { date: string; isOffDay: boolean; name?: string }
type Props = { initial: DayValues | null; isSaving: boolean; onSubmit: (values: DayValues) => void }

export function CalendarDayForm({ initial, isSaving, onSubmit }: Props) {
  const { t } = useTranslation()
  return (
    <Form<DayValues>
      layout="vertical"
      initialValues={initial ?? { isOffDay: false }}
      onFinish={(v) =>
        onSubmit({
          date: v.date.trim(),
          isOffDay: v.isOffDay,
          ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        })
      }
    >
      <Form.Item
        label={t('adminConfig.calendar.date')}
        name="date"
        rules={[
          {
            required: true,
            pattern: /^\d{4}-\d{2}-\d{2}$/,
            message: t('adminConfig.calendar.dateInvalid'),
          },
        ]}
      >
        <Input
          placeholder={t('adminConfig.calendar.datePlaceholder')}
          disabled={initial !== null}
          autoComplete="off"
        />
      </Form.Item>
      <Form.Item label={t('adminConfig.calendar.kind')} name="isOffDay">
        <Radio.Group
          options={[
            { value: true, label: t('adminConfig.calendar.holiday') },
            { value: false, label: t('adminConfig.calendar.makeup') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('adminConfig.calendar.name')} name="name" rules={[{ max: 60 }]}>
        <Input placeholder={t('adminConfig.calendar.namePlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {t('adminConfig.common.save')}
      </Button>
    </Form>
  )
}

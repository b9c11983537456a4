/**
 * /proposals/:year? (managers and admins): the register of the year's suggestions and proposals
 * (default: the current year), the way to register one by hand, and the import of a year's
 * assignment list (交办清单).
 */
import { toZonedDate } from '@desk/domain'
import { PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { AssignmentListImport } from '../../features/proposals/components/assignment-list-import.tsx'
import { ProposalRegister } from '../../features/proposals/components/proposal-register.tsx'
import { YearPicker } from '../../features/reports/components/year-picker.tsx'

export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [currentYear] = useState(() => Number(toZonedDate(Date.now()).slice(0, 4)))
  const asked = Number(useParams().year)
  const year = Number.isInteger(asked) && asked >= 1992 && asked <= 2100 ? asked : currentYear
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('proposals.title')}
        </Typography.Title>
        <YearPicker
          year={year}
          currentYear={currentYear}
          onChange={(y) => void navigate(`/proposals/${y}`)}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/proposals/new')}
        >
          {t('proposals.entry.new')}
        </Button>
      </Flex>
      <ProposalRegister year={year} />
      <AssignmentListImport />
    </Flex>
  )
}

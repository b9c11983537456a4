/** /imports (all staff): past imports, undo for admins, and the way to the wizard. */
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ImportsList } from '../../features/imports/components/imports-list.tsx'
import { sessionQueries } from '../../lib/session.ts'

export function Component() {
  const { t } = useTranslation()
  const { data: user } = useQuery(sessionQueries.me())
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
        <Link to="/imports/new">
          <Button type="primary">{t('imports.new')}</Button>
        </Link>
      </Flex>
      <ImportsList canUndo={user?.role === 'admin'} />
    </>
  )
}

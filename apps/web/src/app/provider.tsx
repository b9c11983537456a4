/**
 * Everything a screen needs around it: Ant Design (zh_CN locale, en_US when English is chosen;
 * theme tokens with AA contrast, lib/theme.ts),
 * antd's App (for toasts), and TanStack Query with global error toasts.
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorText } from '../lib/error-text.ts'
import { createQueryClient } from '../lib/query-client.ts'
import '../lib/contrast.css'
import { accessibleTheme, buttonConfig, cardConfig } from '../lib/theme.ts'

type Props = {
  children: (queryClient: QueryClient) => ReactNode
  /** Query retries; tests pass false. */
  retry?: boolean | number
}

function QueryLayer({ children, retry }: Props) {
  const { message } = AntApp.useApp()
  const [queryClient] = useState(() =>
    createQueryClient({ notify: (error) => void message.error(errorText(error)), retry }),
  )
  return <QueryClientProvider client={queryClient}>{children(queryClient)}</QueryClientProvider>
}

export function AppProviders({ children, retry }: Props) {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider
      locale={i18n.language.startsWith('en') ? enUS : zhCN}
      theme={accessibleTheme}
      button={buttonConfig}
      card={cardConfig}
    >
      <AntApp>
        <QueryLayer retry={retry}>{children}</QueryLayer>
      </AntApp>
    </ConfigProvider>
  )
}

import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createFakeDesk } from '../../../testing/fake-desk.ts'
import { MANAGER } from '../../../testing/fake-reports.ts'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'

const columns = [
  ['natural_person', '自然人'],
  ['business', '商业企业'],
  ['research', '科研机构'],
  ['social', '社会公益组织'],
  ['legal', '法律服务机构'],
  ['other', '其他'],
  ['total', '总计'],
].map(([column, labelZh]) => ({ column, labelZh, labelEn: column }))
const row = (r: string, labelZh: string) => ({
  row: r,
  labelZh,
  labelEn: r,
  verified: true,
  cells: columns.map((c) => ({ column: c.column, count: 0, link: { year: '2025', row: r } })),
})
const table = {
  year: 2025,
  columns,
  sectionThree: [
    row('new', '一、本年新收政府信息公开申请数量'),
    row('carried_in', '二、上年结转政府信息公开申请数量'),
    row('grant', '（一）予以公开'),
    row('decided_total', '（七）总计'),
  ],
  sectionFour: [],
  sentences: { intake: '', review: '' },
}

describe('/reports/disclosure/2025', () => {
  it('prints the heading 三、本年度办理结果 on its own row between 二、 and （一）, as the national format does', async () => {
    server.use(
      ...createFakeDesk({ user: MANAGER }).handlers,
      http.get('/api/reports/disclosure', () => HttpResponse.json(table)),
    )
    renderWithClient('/reports/disclosure/2025')
    const three = await screen.findByRole('table', { name: '三、收到和处理政府信息公开申请情况' })
    const heads = within(three)
      .getAllByRole('rowheader')
      .map((h) => h.textContent)
    expect(heads).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（七）总计',
    ])
  })
})

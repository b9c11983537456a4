import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../../../testing/msw-server.ts'
import { renderWithClient } from '../../../testing/render.tsx'
import { createFakeDesk, RESPONDER } from '../../../testing/fake-desk.ts'

describe('the printed answer document', () => {
  it('names the applicant in full, read by a reveal, where the request’s page shows 周*：', async () => {
    const reveals: string[] = []
    const desk = createFakeDesk({ user: RESPONDER, inquiries: [] })
    server.use(
      ...desk.handlers,
      http.post('*/api/inquiries/:id/contact', ({ params }) => {
        reveals.push(String(params.id))
        return HttpResponse.json({ contact: { name: '周敏', phone: null, email: null } })
      }),
      http.get('*/api/disclosure/requests/:id', () =>
        HttpResponse.json({
          answers: [
            {
              id: 5,
              status: 'submitted',
              document: {
                title: '政府信息公开申请答复书',
                reference: 'Y-1',
                docNumber: '',
                salutation: '周*：',
                paragraphs: ['本机关收到您的申请。'],
                signature: ['某市交通运输局', '　　年　　月　　日'],
              },
            },
          ],
        }),
      ),
    )
    renderWithClient('/print/disclosure/7/answers/5')
    const sheet = await screen.findByTestId('answer-sheet')
    expect(sheet.textContent).toContain('周敏：')
    expect(sheet.textContent).not.toContain('周*')
    expect(reveals).toEqual(['7'])
  })
})

/**
 * /print/disclosure/:id/answers/:answerId: one version of a disclosure request's answer document
 * as an A4 page to print or save as PDF, outside the staff layout (no menu on the paper).
 */
import { useParams } from 'react-router'
import { AnswerPrint } from '../../features/disclosure/components/answer-print.tsx'

export function Component() {
  const params = useParams()
  return <AnswerPrint inquiryId={Number(params.id)} answerId={Number(params.answerId)} />
}

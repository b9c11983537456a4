/**
 * One version of a request's answer document as an A4 page for the browser's print (and "save as
 * PDF"), laid out after the national standard for official documents (GB/T 9704-2012《党政机关公文
 * 格式》): margins 37 mm top, 28 mm left, 26 mm right, 35 mm bottom; the issuing agency's name in
 * red over its 文号 and a red rule (版头); the title in 二号 (22 pt), body text in 三号 (16 pt) with
 * a two-character indent; the agency and date right-aligned at the end with room for its seal.
 * A version not yet signed off prints with a 草稿 mark, so an unsigned copy cannot pass for the
 * answer. The text is the version's stored one (the signed version's is frozen); its salutation,
 * masked on the request's page, names the applicant in full, read by a recorded reveal.
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { disclosureQueries } from '../api/disclosure-queries.ts'
import './answer-print.css'

export function AnswerPrint({ inquiryId, answerId }: { inquiryId: number; answerId: number }) {
  const { t } = useTranslation()
  const view = useQuery(disclosureQueries.request(inquiryId))
  const applicant = useQuery(disclosureQueries.applicantName(inquiryId))
  if (view.isPending || applicant.isPending) return <Skeleton active />
  const answer = view.data?.answers.find((a) => a.id === answerId)
  if (!answer) return <Alert type="error" showIcon title={t('disclosure.document.notFound')} />
  const d = answer.document
  const signed = answer.status === 'signed'
  return (
    <div className="answer-print">
      <div className="answer-print__toolbar">
        <Link to={`/inquiries/${inquiryId}`}>{t('disclosure.document.backToRequest')}</Link>
        <Button type="primary" onClick={() => window.print()}>
          {t('disclosure.document.printNow')}
        </Button>
      </div>
      <article className="answer-print__sheet" data-testid="answer-sheet" lang="zh-CN">
        {!signed && (
          <p className="answer-print__draft" data-testid="draft-mark">
            {t('disclosure.document.draftMark')}
          </p>
        )}
        <header className="answer-print__head">
          <p className="answer-print__agency">{d.signature[0]}</p>
          {d.docNumber && <p className="answer-print__doc-number">{d.docNumber}</p>}
          <hr className="answer-print__rule" />
        </header>
        <h1 className="answer-print__title">{d.title}</h1>
        <p className="answer-print__line">编号：{d.reference}</p>
        <p className="answer-print__line">
          {applicant.data ? `${applicant.data}：` : d.salutation}
        </p>
        {d.paragraphs.map((text, i) => (
          <p key={i} className="answer-print__para">
            {text}
          </p>
        ))}
        <footer className="answer-print__signature" data-testid="signature">
          <p>{d.signature[0]}</p>
          <p>{d.signature[1]}</p>
        </footer>
      </article>
    </div>
  )
}

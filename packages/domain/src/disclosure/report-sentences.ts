/**
 * The annual report's sentences about disclosure requests, in the wording of the bureau's 2017
 * report (2008 条例 era): "全年共受理依申请公开760件，均全部办结。" and
 * "发生针对本部门有关政府信息公开事务的行政复议案件1件。", computed from the year's table.
 */
import type { SectionFour, SectionThree } from './annual-table.ts'

/**
 * "全年共受理依申请公开N件，均全部办结。" when nothing received in the year or carried in is left
 * open at its end; otherwise "全年共受理依申请公开N件，办结M件，结转下年度K件。" (N = 一、本年新收,
 * M = （七）总计, K = 四).
 */
export function formatIntakeSentence(t: SectionThree): string {
  const n = t.cells.new.total.count
  const open = t.cells.carried_out.total.count
  if (open === 0) return `全年共受理依申请公开${n}件，均全部办结。`
  return `全年共受理依申请公开${n}件，办结${t.cells.decided_total.total.count}件，结转下年度${open}件。`
}

/**
 * "发生针对本部门有关政府信息公开事务的行政复议案件R件。" (and "、行政诉讼案件L件" when there were
 * lawsuits); "未发生…行政复议和行政诉讼案件。" when there were none.
 */
export function formatReviewSentence(t: SectionFour): string {
  const reviews = t.cells.review.total.count
  const suits = t.cells.lawsuit_direct.total.count + t.cells.lawsuit_after_review.total.count
  const head = '针对本部门有关政府信息公开事务的'
  if (reviews === 0 && suits === 0) return `未发生${head}行政复议和行政诉讼案件。`
  const parts = [
    reviews > 0 ? `行政复议案件${reviews}件` : null,
    suits > 0 ? `行政诉讼案件${suits}件` : null,
  ].filter(Boolean)
  return `发生${head}${parts.join('、')}。`
}

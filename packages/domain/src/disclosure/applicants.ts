/**
 * Applicant types of a government-information disclosure request (依申请公开), as the columns of
 * section 三 of the national annual-report table (国办公开办函〔2021〕30号《中华人民共和国政府信息公开
 * 工作年度报告格式》, 申请人情况): 自然人, and 法人或其他组织 split into 商业企业, 科研机构, 社会公益组织,
 * 法律服务机构, 其他. Column headers read on published reports in this format (see
 * ../shared/research/disclosure-and-proposals.md).
 */

export const APPLICANT_TYPES = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_service',
  'other_org',
] as const
export type ApplicantType = (typeof APPLICANT_TYPES)[number]

/** The column header of each applicant type (Chinese as printed, English for the en UI). */
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, { zh: string; en: string }> = {
  natural_person: { zh: '自然人', en: 'Natural person' },
  commercial: { zh: '商业企业', en: 'Commercial enterprise' },
  research: { zh: '科研机构', en: 'Research institution' },
  public_interest: { zh: '社会公益组织', en: 'Public-interest organisation' },
  legal_service: { zh: '法律服务机构', en: 'Legal-services organisation' },
  other_org: { zh: '其他', en: 'Other organisation' },
}

/** The group header over the five organisation columns. */
export const ORGANISATION_GROUP_LABEL = {
  zh: '法人或其他组织',
  en: 'Legal persons or other organisations',
} as const

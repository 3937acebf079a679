/** Why an expert, a rule or a product is shown (issue 19), in en and zh-CN; utils/i18n phrases them with the rest. */
export const FIELD_REASONS = {
  expert_competitor: { en: '{competitor} specialist', zh: '{competitor} 竞对专家' },
  expert_product: { en: '{product} expert', zh: '{product} 产品专家' },
  expert_industry: { en: 'covers {industry}', zh: '负责 {industry} 行业' },
  expert_region: { en: '{region} coverage', zh: '负责 {region} 区域' },
  expert_segment: { en: '{segment} deals', zh: '{segment} 客户' },
  expert_deal: { en: 'deals from {amount} {currency}', zh: '{amount} {currency} 以上的项目' },
  expert_language: { en: 'speaks {language}', zh: '可使用 {language}' },
  rule_industry: { en: 'applies to {industry}', zh: '适用于 {industry} 行业' },
  rule_region: { en: 'applies in {region}', zh: '适用于 {region}' },
  rule_segment: { en: 'applies to {segment} accounts', zh: '适用于 {segment} 客户' },
  fit_industry: { en: '{industry} scenario', zh: '{industry} 场景' },
  fit_segment: { en: 'fits {segment} accounts', zh: '适合 {segment} 客户' },
  fit_stack: { en: 'runs {tech}', zh: '客户使用 {tech}' },
  nofit_segment: { en: 'for {segments}, this account is {segment}', zh: '适用于 {segments}，此客户为 {segment}' },
  nofit_stack: { en: 'needs {stack} in the stack', zh: '需要客户技术栈中有 {stack}' },
} as const;

/** A locale as a person names it in the UI language ("zh-CN" → "Chinese (China)" / "中文（中国）"); the code itself when the runtime cannot say. */
export function languageName(code: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

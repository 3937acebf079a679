import { en, zhCN, type StringKey } from './strings';
import type { Reason } from '../match/types';
import { FIELD_REASONS, languageName } from './fieldReasons';

export { languageName };

export type Lang = 'en' | 'zh-CN';

/** Chinese browsers get the zh-CN UI; everything else English. */
export function pickLang(browserLang: string | undefined, override?: string | null): Lang {
  if (override === 'en' || override === 'zh-CN') return override;
  return browserLang?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Puts params into a message's {name} placeholders; an unknown name stays visible rather than vanishing. */
export function fill(s: string, params?: Record<string, string | number>): string {
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

export function tr(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  return fill(lang === 'zh-CN' ? zhCN[key] : en[key], params);
}

const REASONS: Record<Reason['code'], { en: string; zh: string }> = {
  crm_id: { en: '{site} record id {id} is {account}', zh: '{site} 记录编号 {id} 对应 {account}' },
  domain: { en: 'domain {domain} matched {account}', zh: '域名 {domain} 匹配 {account}' },
  name: { en: 'name “{name}” matched {account}', zh: '名称“{name}”匹配 {account}' },
  alias: { en: 'alias “{alias}” matched {account}', zh: '别名“{alias}”匹配 {account}' },
  fuzzy: { en: '“{name}” looks like {account}', zh: '“{name}”近似 {account}' },
  page_text: { en: 'read from page text: “{name}” in the {where}', zh: '从页面文字读取：{where}中的“{name}”' },
  shared_domain: { en: '{count} accounts share {domain}', zh: '{count} 个客户共用 {domain}' },
  several_companies: { en: 'people from {count} customer companies are in this thread', zh: '此邮件中有来自 {count} 家客户公司的人' },
  manual: { en: 'you picked {account} for this record', zh: '您为此记录选择了 {account}' },
  crm_field: { en: 'competitor field says “{value}”', zh: '竞争对手字段为“{value}”' },
  in_play: { en: '{competitor} is in play at {account}', zh: '{competitor} 参与 {account} 的竞争' },
  searched: { en: 'opened from search', zh: '从搜索打开' },
  mentions: { en: 'mentioned {count}× on this page', zh: '本页提及 {count} 次' },
  competitor_domain: { en: '{domain} is a domain of {competitor}', zh: '{domain} 是 {competitor} 的域名' },
  stage_crm: { en: 'CRM stage “{stage}”', zh: 'CRM 阶段“{stage}”' },
  stage_remembered: { en: 'stage “{stage}” last seen in the CRM on {date}', zh: '最近一次于 {date} 在 CRM 中看到阶段“{stage}”' },
  stage_pack: { en: 'stage “{stage}” from the knowledge pack', zh: '知识包中的阶段“{stage}”' },
  playbook_motion: { en: 'type “{type}” → {playbook}', zh: '类型“{type}” → {playbook}' },
  playbook_segment: { en: '{playbook} for the {segment} segment', zh: '{segment} 细分使用 {playbook}' },
  playbook_stage: { en: 'stage “{stage}” belongs to {playbook}', zh: '阶段“{stage}”属于 {playbook}' },
  playbook_default: { en: 'default playbook {playbook}', zh: '默认手册 {playbook}' },
  no_account: { en: 'no account for {looked}', zh: '没有与 {looked} 对应的客户' },
  own_domain_skipped: { en: '{domain} is our own domain, skipped', zh: '{domain} 是我方域名，已忽略' },
  free_mail_skipped: { en: '{domain} is a free-mail provider, skipped', zh: '{domain} 是免费邮箱，已忽略' },
  ...FIELD_REASONS,
};

const DOMAIN_SOURCE: Record<string, { en: string; zh: string }> = {
  website: { en: 'website {domain} matched {account}', zh: '网站 {domain} 匹配 {account}' },
  email: { en: 'email domain {domain} matched {account}', zh: '邮箱域名 {domain} 匹配 {account}' },
};

/** Where on the page a name was read (page_text reasons). */
const WHERE: Record<string, { en: string; zh: string }> = {
  heading: { en: 'header', zh: '标题' },
  text: { en: 'page', zh: '页面' },
};

const COMPETITOR_DOMAIN_SOURCE: Record<string, { en: string; zh: string }> = {
  participant: { en: 'a participant writes from {domain}', zh: '有参与者使用 {domain} 的邮箱' },
  link: { en: 'an address on this page is at {domain}', zh: '本页有 {domain} 的地址' },
};

export function formatReason(reason: Reason, lang: Lang): string {
  const bySource = reason.code === 'domain' ? DOMAIN_SOURCE : reason.code === 'competitor_domain' ? COMPETITOR_DOMAIN_SOURCE : null;
  const r = (bySource && bySource[String(reason.params.source)]) || REASONS[reason.code];
  if (!r) return reason.code;
  let params = reason.params;
  if (reason.code === 'page_text') {
    const w = WHERE[String(params.where)];
    if (w) params = { ...params, where: lang === 'zh-CN' ? w.zh : w.en };
  }
  if (reason.code === 'expert_language') params = { ...params, language: languageName(String(params.language), lang) };
  return fill(lang === 'zh-CN' ? r.zh : r.en, params);
}

export type { StringKey };

/** Reasons as distinct sentences, in order: two reasons can read the same. */
export function reasonTexts(reasons: readonly Reason[], lang: Lang): string[] {
  return [...new Set(reasons.map((r) => formatReason(r, lang)))];
}

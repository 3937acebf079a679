/**
 * The matcher's answer. Every choice carries reasons a person can read; reasons are
 * codes with parameters so the UI can phrase them in en or zh-CN.
 */
import type { HealthResult } from '../health/types';

export type ReasonCode =
  | 'crm_id' // params: site, id, account
  | 'domain' // params: domain, account, source ('website' | 'email')
  | 'name' // params: name, account
  | 'alias' // params: alias, account
  | 'fuzzy' // params: name, account, score (0–1)
  | 'page_text' // params: name (as the page writes it), account, where ('heading' | 'text'), count
  | 'shared_domain' // params: domain, count
  | 'several_companies' // params: count
  | 'manual' // params: account
  | 'crm_field' // params: competitor, value
  | 'in_play' // params: competitor, account
  | 'mentions' // params: competitor, count
  | 'competitor_domain' // params: competitor, domain, source ('participant' | 'link')
  | 'searched' // params: competitor — opened from the search palette, not found on the page
  | 'stage_crm' // params: stage (CRM name), playbook, site
  | 'stage_remembered' // params: stage, date (ISO)
  | 'stage_pack' // params: stage
  | 'playbook_motion' // params: playbook, motion, type
  | 'playbook_segment' // params: playbook, segment
  | 'playbook_default' // params: playbook
  | 'playbook_stage' // params: playbook, stage, source ('crm' | 'remembered' | 'pack'): the stage in view belongs to this playbook only
  | 'no_account' // params: looked (a summary of what was looked for)
  | 'own_domain_skipped' // params: domain
  | 'free_mail_skipped' // params: domain
  // Field ops (issue 19): why an expert, a rule or a product is shown for this record.
  | 'expert_competitor' // params: competitor
  | 'expert_product' // params: product
  | 'expert_industry' // params: industry
  | 'expert_region' // params: region
  | 'expert_segment' // params: segment
  | 'expert_deal' // params: amount, currency (the account's ARR is at least the expert's deal size)
  | 'expert_language' // params: language
  | 'rule_industry' // params: industry
  | 'rule_region' // params: region
  | 'rule_segment' // params: segment
  | 'fit_industry' // params: industry (the scenario's)
  | 'fit_segment' // params: segment
  | 'fit_stack' // params: tech (what the account runs)
  | 'nofit_segment' // params: segment (the account's), segments (the ones it fits)
  | 'nofit_stack'; // params: stack (what it needs)

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

export interface AccountCandidate {
  accountId: string;
  name: string;
  /** 0–1: how sure the matcher is. */
  confidence: number;
  reasons: Reason[];
}

export interface Mention {
  /** The alias as written in the page. */
  text: string;
  /** A short snippet around the mention. */
  snippet: string;
}

export interface CompetitorMatch {
  competitorId: string;
  name: string;
  /** Strongest source first. */
  sources: ('crm_field' | 'in_play' | 'domain' | 'mentions')[];
  mentionCount: number;
  mentions: Mention[];
  confidence: number;
  reasons: Reason[];
}

export interface StageMatch {
  playbookId: string;
  stageId: string;
  source: 'crm' | 'remembered' | 'pack';
  reasons: Reason[];
}

export interface MatchResult {
  /** The chosen account, or null when nothing (or nothing certain) matched. */
  accountId: string | null;
  accountReasons: Reason[];
  /** Other plausible accounts ("did you mean"), strongest first; shown when ambiguous. */
  candidates: AccountCandidate[];
  competitors: CompetitorMatch[];
  playbookId: string | null;
  playbookReasons: Reason[];
  stage: StageMatch | null;
  health: HealthResult | null;
  /** What was looked for, for the empty state ("no account for acme.com, 'Acme'"). */
  lookedFor: { ids: string[]; domains: string[]; names: string[]; emails: string[] };
}

/**
 * Team analytics events: the kinds the background may enqueue, what each carries, and
 * the one list of attributes that can leave the browser (the options page shows it,
 * docs/security.md lists it, a test keeps the two in step). Ids only: pack ids, item
 * ids, verdicts and counts — never page text, customer addresses or names.
 *
 * Another module adds an event with one call: `telemetry.enqueue({ kind: 'outcome',
 * outcome: 'won', competitorId: 'globex' })` (utils/telemetry/queue.ts); when no
 * endpoint is set the call does nothing.
 */
import type { FeedbackTarget, Verdict } from '../feedback/types';

export const USAGE_ACTIONS = ['card_view', 'section_view', 'copy', 'insert', 'tick', 'untick'] as const;
export type UsageAction = (typeof USAGE_ACTIONS)[number];

export type TelemetryEvent =
  /** The rep opened a card or section, copied or inserted a response, ticked a checklist item. */
  | { kind: 'usage'; action: UsageAction; competitorId?: string; section?: string; objectionId?: string; playbookId?: string; stageId?: string; itemId?: string }
  /** A flag on an item; the note only when ops turned "include notes" on. */
  | { kind: 'feedback'; target: FeedbackTarget; verdict: Verdict; note?: string | null }
  /** A deal's win/loss outcome (issue 16.5 enqueues it): ids of the pack's reasons, never free text. */
  | { kind: 'outcome'; outcome: string; competitorId?: string; reasonIds?: string[]; playbookId?: string; stageId?: string }
  /** A record view the site's own selectors could not read ("selector not found"). */
  | { kind: 'selector_miss'; site: string; layer: string; missing?: string | null }
  /** A palette search that found nothing: its length only (the words could be a customer's name). */
  | { kind: 'search_miss'; queryLength: number };

export type TelemetryKind = TelemetryEvent['kind'];

/** An event as queued: when, by which pseudonymous rep, under which pack. */
export interface QueuedEvent {
  seq?: number;
  at: string;
  repId: string;
  packId: string;
  packVersion: string;
  event: TelemetryEvent;
}

/**
 * Every attribute a log record can have, with what it holds. The encoder refuses any
 * other key (utils/telemetry/otlp.ts), so this list is what can be sent.
 */
export const SENT_ATTRIBUTES = {
  'frontline.event': { en: 'the event kind: usage, feedback, outcome, selector_miss, search_miss', zh: '事件类型：usage、feedback、outcome、selector_miss、search_miss' },
  'frontline.rep_id': { en: 'a random id made at install (rotatable on the options page), not tied to the rep’s name or account', zh: '安装时生成的随机编号（可在选项页更换），与销售的姓名或账号无关' },
  'frontline.pack.id': { en: 'the active pack’s meta.id', zh: '当前知识包的 meta.id' },
  'frontline.pack.version': { en: 'the active pack’s meta.version', zh: '当前知识包的 meta.version' },
  'frontline.action': { en: 'usage: card_view, section_view, copy, insert, tick, untick', zh: '使用情况：card_view、section_view、copy、insert、tick、untick' },
  'frontline.competitor_id': { en: 'a competitor id from the pack', zh: '知识包中的竞争对手编号' },
  'frontline.section': { en: 'a battlecard section name (whyWeWin, pricing…)', zh: '作战卡栏目名称（whyWeWin、pricing…）' },
  'frontline.objection_id': { en: 'an objection id from the pack', zh: '知识包中的异议编号' },
  'frontline.playbook_id': { en: 'a playbook id from the pack', zh: '知识包中的手册编号' },
  'frontline.stage_id': { en: 'a stage id from the pack', zh: '知识包中的阶段编号' },
  'frontline.item_id': { en: 'a checklist item id from the pack', zh: '知识包中的清单条目编号' },
  'frontline.band_id': { en: 'a health band id from the pack (a flagged play)', zh: '知识包中的健康度区间编号（被反馈的应对措施）' },
  'frontline.target': { en: 'what was flagged: section, objection, stage or play', zh: '反馈对象：section、objection、stage 或 play' },
  'frontline.verdict': { en: 'helpful, outdated, wrong or missing', zh: 'helpful、outdated、wrong 或 missing' },
  'frontline.note': { en: 'the rep’s note on a flag — only when “include notes” is on (off by default)', zh: '销售在反馈中写的备注——仅在开启“包含备注”时发送（默认关闭）' },
  'frontline.outcome': { en: 'the outcome id (won, lost…)', zh: '结果编号（won、lost…）' },
  'frontline.reason_ids': { en: 'outcome reason ids from the pack', zh: '知识包中的赢单/丢单原因编号' },
  'frontline.site': { en: 'the CRM or mail site id (salesforce, gmail…)', zh: 'CRM 或邮箱站点编号（salesforce、gmail…）' },
  'frontline.layer': { en: 'how the page was read instead: semantic or page-text', zh: '改用的读取方式：semantic 或 page-text' },
  'frontline.missing': { en: 'the adapter’s own name for the landmark it did not find', zh: '适配器对未找到的页面区域的内部名称' },
  'frontline.query_length': { en: 'the length of a search that found nothing (not its words)', zh: '无结果搜索的长度（不含其文字）' },
} as const;

export type SentAttribute = keyof typeof SENT_ATTRIBUTES;

/** Resource attributes of every batch (who sends, not who uses). */
export const RESOURCE_ATTRIBUTES = {
  'service.name': { en: 'always "frontline"', zh: '固定为 "frontline"' },
  'service.version': { en: 'the extension’s version', zh: '扩展的版本' },
} as const;

/**
 * The sidebar's ops-loop strings (feedback on items, claim sources), in English and
 * Simplified Chinese, kept in their own table beside strings.ts. `{name}` marks a parameter.
 */
import { fill, type Lang } from './index';

export const loopEn = {
  feedback: 'Feedback',
  feedbackOn: 'Feedback on {item}',
  verdictHelpful: 'Helpful',
  verdictOutdated: 'Outdated',
  verdictWrong: 'Wrong',
  verdictMissing: 'Missing something',
  feedbackNote: 'Note (optional)',
  feedbackSend: 'Send',
  feedbackCancel: 'Cancel',
  feedbackFailed: 'Not saved: this item is no longer in the pack.',
  flaggedAs: 'You flagged this: {verdict}',
  flaggedNote: '“{note}”',
  itemStage: 'this stage',
  itemPlay: 'this play',
  claimSource: 'Source: {source}',
  claimAsOf: 'as of {date}',
  claimOld: 'older than {days} days',
  claimOldTitle: 'This claim is dated {date}, more than {days} days ago: check it before you use it.',
} as const;

export type LoopKey = keyof typeof loopEn;

export const loopZh: Record<LoopKey, string> = {
  feedback: '反馈',
  feedbackOn: '对“{item}”的反馈',
  verdictHelpful: '有用',
  verdictOutdated: '已过时',
  verdictWrong: '有误',
  verdictMissing: '缺少内容',
  feedbackNote: '备注（可选）',
  feedbackSend: '提交',
  feedbackCancel: '取消',
  feedbackFailed: '未保存：知识包中已没有此条目。',
  flaggedAs: '您的反馈：{verdict}',
  flaggedNote: '“{note}”',
  itemStage: '此阶段',
  itemPlay: '此应对措施',
  claimSource: '来源：{source}',
  claimAsOf: '截至 {date}',
  claimOld: '已超过 {days} 天',
  claimOldTitle: '此说法的日期为 {date}，已超过 {days} 天：使用前请先核实。',
};

export function lt(lang: Lang, key: LoopKey, params?: Record<string, string | number>): string {
  return fill(lang === 'zh-CN' ? loopZh[key] : loopEn[key], params);
}

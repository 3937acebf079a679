/** The ops console's win/loss strings (issue 16.5), in both languages. */
import { fill, type Lang } from '@/utils/i18n';

const en = {
  outcomesTitle: 'Win / loss',
  outcomesHelp: 'The outcome reps recorded when a deal’s CRM stage closed it, in this browser. Nothing leaves the machine unless you export it.',
  outcomesNone: 'No outcome recorded yet.',
  colDate: 'Date',
  colAccount: 'Account',
  colRecord: 'Record',
  colResult: 'Result',
  colStage: 'CRM stage',
  colReason: 'Reason',
  colCompetitor: 'Main competitor',
  colNote: 'Note',
  colPack: 'Pack version',
  won: 'Won',
  lost: 'Lost',
  skipped: '(not recorded)',
  exportOutcomes: 'Export CSV',
} as const;

const zh: Record<keyof typeof en, string> = {
  outcomesTitle: '赢单 / 丢单',
  outcomesHelp: '商机的 CRM 阶段关闭时，销售在本浏览器中记录的结果。除非您导出，否则数据不会离开本机。',
  outcomesNone: '尚未记录任何结果。',
  colDate: '日期',
  colAccount: '客户',
  colRecord: '记录',
  colResult: '结果',
  colStage: 'CRM 阶段',
  colReason: '原因',
  colCompetitor: '主要竞品',
  colNote: '备注',
  colPack: '知识包版本',
  won: '赢单',
  lost: '丢单',
  skipped: '（未记录）',
  exportOutcomes: '导出 CSV',
};

export type OutcomesKey = keyof typeof en;

export function oo(lang: Lang, key: OutcomesKey, params?: Record<string, string | number>): string {
  return fill(lang === 'zh-CN' ? zh[key] : en[key], params);
}

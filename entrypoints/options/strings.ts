/** The options page's own strings (the sidebar's live in utils/i18n). */
import type { Lang } from '@/utils/i18n';

const en = {
  title: 'Frontline — knowledge pack',
  active: 'Active pack',
  name: 'Name',
  version: 'Version',
  published: 'Published',
  imported: 'Activated',
  source: 'Source',
  counts: 'Contents',
  countsValue: '{competitors} competitors · {playbooks} playbooks · {accounts} accounts · {scenarios} scenarios',
  embedded: 'built-in sample pack',
  importTitle: 'Import a pack',
  importHelp: 'Choose a pack.json file. It is checked first; a pack with errors is not activated and the active pack stays as it is.',
  chooseFile: 'Pack file',
  importing: 'Checking and activating…',
  imported_ok: 'Activated {name} v{version}.',
  rejected: 'Not imported: {count} problems. The active pack is unchanged.',
  warnings: 'Warnings',
  rollbackTitle: 'Roll back',
  rollbackHelp: 'Make the previous pack active again ({name} v{version}).',
  rollbackNone: 'There is no previous pack yet.',
  rollback: 'Roll back',
  rolledBack: 'Rolled back to {name} v{version}.',
  language: 'Language',
  langAuto: 'Browser language',
  settings: 'Settings',
} as const;

const zh: Record<keyof typeof en, string> = {
  title: 'Frontline — 知识包',
  active: '当前知识包',
  name: '名称',
  version: '版本',
  published: '发布日期',
  imported: '启用时间',
  source: '来源',
  counts: '内容',
  countsValue: '{competitors} 个竞争对手 · {playbooks} 个销售手册 · {accounts} 个客户 · {scenarios} 个场景',
  embedded: '内置示例知识包',
  importTitle: '导入知识包',
  importHelp: '选择一个 pack.json 文件。系统会先校验；有错误的知识包不会启用，当前知识包保持不变。',
  chooseFile: '知识包文件',
  importing: '正在校验并启用…',
  imported_ok: '已启用 {name} v{version}。',
  rejected: '未导入：发现 {count} 个问题。当前知识包未改变。',
  warnings: '警告',
  rollbackTitle: '回滚',
  rollbackHelp: '重新启用上一个知识包（{name} v{version}）。',
  rollbackNone: '还没有上一个知识包。',
  rollback: '回滚',
  rolledBack: '已回滚到 {name} v{version}。',
  language: '语言',
  langAuto: '跟随浏览器',
  settings: '设置',
};

export type OptionsKey = keyof typeof en;

export function ot(lang: Lang, key: OptionsKey, params?: Record<string, string | number>): string {
  const s = lang === 'zh-CN' ? zh[key] : en[key];
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

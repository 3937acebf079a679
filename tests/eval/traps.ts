/**
 * Traps for the mention scan, labelled like the main set (pack: ./pack.ts): Chinese
 * names that occur across the boundary of two everyday words, Traditional forms of
 * Simplified names (and the reverse), full-width forms, mixed-script names, names
 * inside e-mail addresses and URLs, competitors' own domains, exclusions — in zh-CN,
 * zh-TW and English. `npm run eval` scores them apart from the main set: a false card
 * here is the failure a rep notices first.
 */
import type { EvalCase } from './run';

const thread = { site: 'gmail', recordType: 'thread', recordId: 'thread-2', ownEmail: 'rep@ourco.com' } as const;
const none = { account: null, competitors: [] as string[] };
const only = (...competitors: string[]) => ({ account: null, competitors });

export const traps: EvalCase[] = [
  // ── zh-CN: a name glued across two other words is no mention ──────────────────
  { id: 'trap-zh-majority-strategy', note: '多数|策略 holds 数策 across the boundary', ctx: { text: '我们按多数策略推进' }, expect: none },
  { id: 'trap-zh-majority-planning', note: '多数|策划', ctx: { text: '这是多数策划的结果' }, expect: none },
  { id: 'trap-zh-curators', note: '大多数|策展人', ctx: { text: '大多数策展人都同意这个方案' }, expect: none },
  { id: 'trap-zh-few-strategies', note: '少数|策略', ctx: { text: '只有少数策略有效' }, expect: none },
  { id: 'trap-zh-explain-reason', note: '说明|道理 holds 明道', ctx: { text: '请说明道理再决定' }, expect: none },
  { id: 'trap-zh-invent-props', note: '发明|道具', ctx: { text: '他发明道具很有一套' }, expect: none },
  { id: 'trap-zh-concise-road', note: '简明|道路', ctx: { text: '这是一条简明道路' }, expect: none },
  { id: 'trap-zh-china-credit', note: '中华|信用 holds 华信', ctx: { text: '我们要发扬中华信用文化' }, expect: none },
  { id: 'trap-zh-china-info', note: '中华|信息化', ctx: { text: '推进中华信息化建设' }, expect: none },
  { id: 'trap-zh-xinhua-trust', note: '新华|信托', ctx: { text: '客户的资金在新华信托' }, expect: none },
  // …and the same names where a Chinese reader sees the company.
  { id: 'trap-zh-shuce-particle', note: '数策 before 的', ctx: { text: '数策的报价比我们低' }, expect: only('shuce') },
  { id: 'trap-zh-shuce-after-and', note: '和 before 数策', ctx: { text: '和数策的合同明年到期' }, expect: only('shuce') },
  { id: 'trap-zh-shuce-compare', note: '对比|数策: 比数 is rare, 对比 common', ctx: { text: '我们对比数策和格洛贝斯' }, expect: only('shuce', 'globex') },
  { id: 'trap-zh-shuce-suffix', note: '数策 before the company suffix 科技', ctx: { text: '客户也在评估数策科技' }, expect: only('shuce') },
  { id: 'trap-zh-mingdao-product', note: '明道云 as a product', ctx: { text: '客户在用明道云做审批' }, expect: only('mingdao') },
  { id: 'trap-zh-mingdao-question', note: '是明道云吗', ctx: { text: '他们用的是明道云吗？' }, expect: only('mingdao') },
  { id: 'trap-zh-huaxin-talked', note: '跟华信谈过', ctx: { text: '采购说已经跟华信谈过了' }, expect: only('huaxin') },
  { id: 'trap-zh-two-names', note: '华信和明道 both named', ctx: { text: '华信和明道都在报价' }, expect: only('huaxin', 'mingdao') },

  // ── zh-TW: Traditional pages, Simplified pack ─────────────────────────────────
  { id: 'trap-tw-globex', note: '格洛貝斯 is 格洛贝斯', ctx: { text: '客戶正在比較格洛貝斯和我們' }, expect: only('globex') },
  { id: 'trap-tw-shuce', note: '數策 is 数策', ctx: { text: '他們也在評估數策的方案' }, expect: only('shuce') },
  { id: 'trap-tw-majority-strategy', note: '多數|策略 in Traditional is still no mention', ctx: { text: '我們按多數策略推進' }, expect: none },
  { id: 'trap-tw-explain-reason', note: '說明|道理 in Traditional', ctx: { text: '請說明道理' }, expect: none },
  { id: 'trap-tw-initrode', note: '英銳 is 英锐', ctx: { text: '客戶說英銳的遷移很慢' }, expect: only('initrode') },
  { id: 'trap-tw-yunfan', note: '雲帆科技 is 云帆科技', ctx: { text: '雲帆科技昨天來拜訪' }, expect: only('yunfan') },
  { id: 'trap-tw-yunfan-idiom', note: 'the exclusion 直挂云帆 written 直掛雲帆', ctx: { text: '長風破浪會有時，直掛雲帆濟滄海。' }, expect: none },
  { id: 'trap-tw-keyword', note: 'Traditional alias beside a Traditional keyword', ctx: { text: '數策主打數據中台' }, expect: only('shuce') },
  { id: 'trap-tw-crm-field', note: 'CRM competitor field in Traditional with a legal suffix', ctx: { site: 'salesforce', recordType: 'opportunity', recordId: '006A00000099OppAAB', competitorsField: ['雲帆科技有限公司'] }, expect: only('yunfan') },
  { id: 'trap-tw-account-simplified-page', note: 'account written in Traditional, page in Simplified', ctx: { accountName: '天宇资讯' }, expect: { account: 'tianyu' } },
  { id: 'trap-tw-account-traditional-page', note: 'account written in Traditional, page the same with its legal form', ctx: { accountName: '天宇資訊股份有限公司' }, expect: { account: 'tianyu' } },
  { id: 'trap-tw-account-xingyun', note: 'Simplified account, Traditional page (星雲)', ctx: { accountName: '星雲科技有限公司' }, expect: { account: 'xingyun' } },
  { id: 'trap-tw-account-lanhai', note: 'Simplified account, Traditional page with city and legal form', ctx: { accountName: '上海藍海信息技術股份有限公司' }, expect: { account: 'lanhai' } },

  // ── Full-width and mixed script ───────────────────────────────────────────────
  { id: 'trap-fw-shuce', note: 'full-width ＳｈｕＣｅ', ctx: { text: '对手是ＳｈｕＣｅ' }, expect: only('shuce') },
  { id: 'trap-fw-email', note: 'a full-width e-mail address holding a name', ctx: { text: '请抄送 ｓａｌｅｓ＠ｇｌｏｂｅｘ－ｆａｎｓ．ｏｒｇ' }, expect: none },
  { id: 'trap-mixed-shuce', note: 'ShuCe数策科技, Latin glued to Chinese', ctx: { text: '竞品是ShuCe数策科技' }, expect: only('shuce') },
  { id: 'trap-mixed-globex', note: 'Globex格洛贝斯 side by side', ctx: { text: '报价来自Globex格洛贝斯' }, expect: only('globex') },
  { id: 'trap-mixed-glued-latin', note: 'a Latin alias glued inside a longer Latin word next to Chinese', ctx: { text: '我们的MyGlobex工具' }, expect: none },

  // ── Addresses and URLs ────────────────────────────────────────────────────────
  { id: 'trap-en-email-fan', note: 'a name inside somebody else\'s address', ctx: { text: 'Please copy jane@globex-fans.org on the reply' }, expect: none },
  { id: 'trap-en-email-local', note: 'a name in the local part of a free-mail address', ctx: { text: 'Forwarded from initrode.fans@gmail.com' }, expect: none },
  { id: 'trap-en-url-path', note: 'a name in a URL path', ctx: { text: 'See https://example.com/blog/leaving-oracle-cloud for details' }, expect: none },
  { id: 'trap-en-www', note: 'a name in a www. host', ctx: { text: 'Mirror at www.globex-mirror.net' }, expect: none },
  { id: 'trap-en-bare-host', note: 'a name in a bare host name', ctx: { text: 'Their status page status.initrode-watch.io is down' }, expect: none },
  { id: 'trap-zh-email-glued', note: 'an address glued to Chinese text', ctx: { text: '请联系sales@shuce-partner.com获取报价' }, expect: none },
  { id: 'trap-en-sentence-end', note: 'a name before a full stop is still a name', ctx: { text: 'We lost the last deal to Initrode.' }, expect: only('initrode') },
  { id: 'trap-en-handle', note: '@Globex as a handle is a mention', ctx: { text: 'cc @Globex on this thread' }, expect: only('globex') },

  // ── A competitor's own domain: evidence of its own kind ───────────────────────
  { id: 'trap-domain-participant', note: 'a participant writes from globex.cn', ctx: { ...thread, emails: ['li@globex.cn', 'cto@acme.com'] }, expect: { account: 'acme', competitors: ['globex'] } },
  { id: 'trap-domain-participant-sub', note: 'a participant from a subdomain of the website', ctx: { ...thread, emails: ['ann@mail.globex.com'] }, expect: only('globex') },
  { id: 'trap-domain-other-suffix', note: 'globex.com.au is somebody else', ctx: { ...thread, emails: ['bob@globex.com.au'] }, expect: none },
  { id: 'trap-domain-link', note: 'a link to the website', ctx: { text: 'Their pricing: https://globex.com/pricing' }, expect: only('globex') },
  { id: 'trap-domain-link-zh', note: 'a bare host of the website in Chinese text', ctx: { text: '下载地址是shuce.cn/docs，请查收' }, expect: only('shuce') },
  { id: 'trap-domain-lookalike', note: 'notglobex.com is not globex.com', ctx: { text: 'write to a@notglobex.com' }, expect: none },

  // ── English words and exclusions ──────────────────────────────────────────────
  { id: 'trap-en-longer-word', note: 'Globexian contains Globex', ctx: { text: 'The Globexian empire fell.' }, expect: none },
  { id: 'trap-en-exclusion', note: 'oracle bones', ctx: { text: 'Oracle bones from the Shang dynasty are on show.' }, expect: none },
];

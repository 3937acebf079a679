/**
 * Deterministic synthetic knowledge packs and page texts for `npm run bench`:
 * N accounts (a fifth with Chinese names), 500 competitors with 5,000 aliases of which
 * 1,000 Chinese, 3 playbooks, a health model; a 2 KB CRM page context and a 50 KB,
 * mostly English e-mail thread with some Chinese. Same seed, same pack.
 */
import type { PageContext } from '../../utils/sites/types';

/** mulberry32 */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'gr', 'kl', 'pl', 'st', 'tr', 'th', 'sh', 'qu', 'x'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'x', 'l', 'm', 'nt', 'st', 'ck'];
const LATIN_SUFFIXES = ['Inc.', 'LLC', 'Ltd.', 'GmbH', 'S.A.', 'AG', 'Corp.', 'PLC', 'Co., Ltd.', ''];
const NOUNS = ['Systems', 'Labs', 'Group', 'Holdings', 'Logistics', 'Foods', 'Energy', 'Health', 'Bank', 'Retail', 'Motors', 'Media', 'Software', 'Pharma', 'Capital'];
const HAN =
  '华为中兴腾讯阿里巴百度京东美团小米联想海尔格力万科平安招商银行建设工商农业交通民生光大浦发兴业国泰君安中信华泰广发申万宏源东方证券长江天风方正安信国金西南东吴财通浙商恒生汇丰渣打星展花旗摩根高盛瑞银德意志巴克莱法兴野村大和瑞穗三菱住友丰田本田日产马自达铃木雅马哈川崎索尼松下夏普东芝日立富士佳能尼康奥林巴斯理光爱普生兄弟京瓷村田电装普利司通资生堂花王优衣库无印良品';
const CN_TAILS = ['科技', '网络', '信息', '数据', '智能', '软件', '电子', '通信', '医疗', '物流'];
const CN_SUFFIXES = ['有限公司', '股份有限公司', '集团', '有限责任公司', ''];
const WORDS =
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no what up out said about into them can only other time new some could these two may first then do any like my now over such our man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long here get both between life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  );
const TRADE = ['Cloud', 'Suite', 'One', 'AI', 'Platform', 'CRM', 'Analytics', 'Hub', 'Edge', 'Pro'];
const SEGMENTS = ['Enterprise', 'Mid-Market', 'SMB'];
const INDUSTRIES = ['Retail', 'Banking', 'Manufacturing', 'Healthcare', 'Logistics', 'Media'];

export interface SynthOptions {
  accounts: number;
  competitors?: number;
  aliasesPerCompetitor?: number;
  chineseAliasShare?: number;
  seed?: number;
}

export interface Synth {
  pack: Record<string, unknown> & { accounts: SynthAccount[]; competitors: SynthCompetitor[] };
  /** A 2 KB CRM opportunity page context for an account in the pack. */
  crmPage: PageContext;
  /** A 50 KB mail thread context. */
  mailPage: PageContext;
  /** Account names to look up (exact and misspelt), for the name-lookup benchmarks. */
  queries: string[];
  /** Every alias text (for the naive matcher). */
  aliases: { text: string; competitor: number; caseSensitive: boolean }[];
}

interface SynthAccount {
  id: string;
  name: string;
  aliases: string[];
  domains: string[];
  crmIds: { salesforce: string[] };
  segment: string;
  industry: string;
  competitors: string[];
  renewalDate: string;
  health: { date: string; signals: Record<string, number> }[];
}
interface SynthCompetitor {
  id: string;
  name: string;
  aliases: (string | { text: string; caseSensitive?: boolean; needsContext?: boolean })[];
  keywords: string[];
  exclusions: string[];
}

// One function on purpose: every entity draws from one seeded random stream in this
// order, so the same seed gives the same pack in every run and every branch; split into
// steps, a change to one entity would reshuffle all the others and every baseline.
export function synthPack(opts: SynthOptions): Synth {
  const r = prng(opts.seed ?? 20260301);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const int = (n: number) => Math.floor(r() * n);
  const syllable = () => pick(ONSETS) + pick(VOWELS) + pick(CODAS);
  const word = (n = 2 + int(2)) => {
    let w = '';
    for (let i = 0; i < n; i++) w += syllable();
    return w[0].toUpperCase() + w.slice(1);
  };
  const han = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += HAN[int(HAN.length)];
    return s;
  };

  // Competitors: 500 × 10 aliases; every fifth alias Chinese.
  const nComp = opts.competitors ?? 500;
  const perComp = opts.aliasesPerCompetitor ?? 10;
  const zhShare = opts.chineseAliasShare ?? 0.2;
  const usedAlias = new Set<string>();
  const uniq = (make: () => string) => {
    for (;;) {
      const s = make();
      const k = s.toLowerCase();
      if (!usedAlias.has(k)) {
        usedAlias.add(k);
        return s;
      }
    }
  };
  const competitors: SynthCompetitor[] = [];
  const aliases: Synth['aliases'] = [];
  for (let c = 0; c < nComp; c++) {
    const base = uniq(() => word(3));
    const list: SynthCompetitor['aliases'] = [];
    const nZh = Math.round(perComp * zhShare);
    for (let k = 0; k < perComp; k++) {
      let a: SynthCompetitor['aliases'][number];
      if (k < nZh) a = uniq(() => han(2 + int(3)));
      else if (k === nZh) a = base;
      else if (k === nZh + 1 && c % 25 === 0) a = { text: uniq(() => word(2)), caseSensitive: true, needsContext: true };
      else a = uniq(() => `${base} ${pick(TRADE)}${r() < 0.3 ? ` ${int(20)}` : ''}`);
      list.push(a);
      const text = typeof a === 'string' ? a : a.text;
      aliases.push({ text, competitor: c, caseSensitive: typeof a !== 'string' && !!a.caseSensitive });
    }
    competitors.push({ id: `c${c}`, name: base, aliases: list, keywords: [`${base.toLowerCase()} pricing`, 'renewal quote'], exclusions: c % 50 === 0 ? [`the ${base.toLowerCase()} of`] : [] });
  }

  // Accounts.
  const usedName = new Set<string>();
  const accounts: SynthAccount[] = [];
  for (let i = 0; i < opts.accounts; i++) {
    const zh = i % 5 === 4;
    let name: string;
    do {
      name = zh ? `${han(2 + int(3))}${pick(CN_TAILS)}${pick(CN_SUFFIXES)}` : `${word()} ${r() < 0.5 ? `${pick(NOUNS)} ` : ''}${pick(LATIN_SUFFIXES)}`.trim();
    } while (usedName.has(name));
    usedName.add(name);
    const slug = zh ? `cn${i}` : name.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 20) + (i % 7);
    const tld = pick(['com', 'com', 'com', 'io', 'co.uk', 'de', 'com.cn', 'cn', 'fr', 'net']);
    accounts.push({
      id: `a${i}`,
      name,
      aliases: r() < 0.3 ? [zh ? `${han(2)}${pick(CN_TAILS)}` : `${word(2)} ${pick(NOUNS)}`] : [],
      domains: [`${slug}.${tld}`],
      crmIds: { salesforce: [`001${i.toString(36).padStart(12, '0')}AAA`] },
      segment: pick(SEGMENTS),
      industry: pick(INDUSTRIES),
      competitors: [`c${int(nComp)}`, `c${int(nComp)}`].filter((x, k, xs) => xs.indexOf(x) === k),
      renewalDate: `2026-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`,
      health: [1, 2, 3].map((m) => ({
        date: `2026-0${m}-01`,
        signals: { usage: int(100), tickets: int(12), ...(r() < 0.8 ? { nps: int(120) - 40 } : {}) },
      })),
    });
  }

  const stage = (id: string, name: string, sf: string[]) => ({
    id,
    name,
    crmStages: { salesforce: sf, hubspot: sf.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')) },
    goal: name,
    exitCriteria: ['done'],
    checklist: [{ id: `${id}-1`, text: 'Do it' }],
  });
  const pack = {
    meta: {
      formatVersion: 1,
      id: 'synthetic',
      name: `Synthetic ${opts.accounts}`,
      version: '1.0.0',
      publishedAt: '2026-03-01',
      defaultLocale: 'en',
      locales: ['en', 'zh-CN'],
      ownDomains: ['ourco.com'],
    },
    competitors: competitors.map((c) => ({
      ...c,
      battlecard: { summary: 'S', whyWeWin: ['W'], whyWeLose: ['L'], objections: [], landmines: [], proofPoints: [] },
      owner: 'pmm',
      reviewedAt: '2026-01-01',
      reviewEvery: 90,
    })),
    playbooks: [
      { id: 'nb', name: 'New business', motion: 'new_business', opportunityTypes: ['New Business'], stages: [stage('nb1', 'Discover', ['Qualification']), stage('nb2', 'Propose', ['Proposal/Price Quote'])] },
      { id: 'poc', name: 'POC', motion: 'poc', opportunityTypes: ['POC'], stages: [stage('poc1', 'Run', ['POC Running'])] },
      { id: 'rn', name: 'Renewal', motion: 'renewal_expansion', opportunityTypes: ['Renewal'], stages: [stage('rn1', 'Review', ['Renewal Review'])] },
    ],
    accounts,
    healthModel: {
      measures: [
        { id: 'usage', label: 'Usage', weight: 3, direction: 'higher_better', thresholds: { poor: 10, good: 80 } },
        { id: 'tickets', label: 'Tickets', weight: 1, direction: 'lower_better', thresholds: { poor: 10, good: 0 } },
        { id: 'nps', label: 'NPS', weight: 2, direction: 'higher_better', thresholds: { poor: -20, good: 60 } },
      ],
      bands: [
        { id: 'red', label: 'Red', min: 0, color: 'red' },
        { id: 'yellow', label: 'Yellow', min: 51, color: 'yellow' },
        { id: 'green', label: 'Green', min: 76, color: 'green' },
      ],
    },
  };

  // Texts.
  const sentence = (n = 8 + int(12)) => {
    const ws: string[] = [];
    for (let i = 0; i < n; i++) ws.push(pick(WORDS));
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return `${ws.join(' ')}.`;
  };
  const mention = () => {
    const a = pick(aliases);
    return a.text;
  };
  const paragraph = (len: number, mentions: number, zh = false) => {
    const parts: string[] = [];
    let size = 0;
    while (size < len) {
      let s = zh ? `${han(10 + int(20))}，${han(8 + int(12))}。` : sentence();
      if (mentions > 0 && r() < 0.15) {
        s = zh ? `客户提到了${mention()}的报价，${s}` : `${s.slice(0, -1)} compared with ${mention()} on pricing.`;
        mentions--;
      }
      parts.push(s);
      size += s.length + 1;
    }
    return parts.join(' ');
  };
  const target = accounts[Math.floor(opts.accounts / 2)];
  const crmText = paragraph(2000, 3);
  const mailParts: string[] = [];
  let mailSize = 0;
  for (let k = 0; mailSize < 50_000; k++) {
    const p = k % 6 === 5 ? paragraph(1200, 2, true) : paragraph(2500, 2);
    mailParts.push(`On Mon, 2 Mar 2026 at 10:0${k % 10}, someone wrote:\n> ${p}`);
    mailSize += p.length + 50;
  }
  const mailText = mailParts.join('\n\n').slice(0, 50_000);

  const crmPage: PageContext = {
    site: 'salesforce',
    recordType: 'opportunity',
    recordId: '006000000000001AAA',
    accountId: target.crmIds.salesforce[0],
    accountName: target.name,
    domains: [target.domains[0]],
    emails: [],
    stage: 'Proposal/Price Quote',
    opportunityType: 'New Business',
    competitorsField: [competitors[3].name],
    text: crmText,
  };
  const other = accounts[Math.floor(opts.accounts / 3)];
  const mailPage: PageContext = {
    site: 'gmail',
    recordType: 'thread',
    recordId: 'thread-1',
    accountName: null,
    domains: [],
    emails: ['rep@ourco.com', `cfo@${target.domains[0]}`, 'someone@gmail.com', `buyer@${target.domains[0]}`],
    stage: null,
    competitorsField: [],
    subject: `Re: ${other.name} renewal quote`,
    ownEmail: 'rep@ourco.com',
    text: mailText,
  };
  const queries: string[] = [];
  for (let i = 0; i < 200; i++) {
    const a = accounts[int(accounts.length)];
    queries.push(i % 2 === 0 ? a.name : a.name.slice(0, -1));
  }
  return { pack: pack as unknown as Synth['pack'], crmPage, mailPage, queries, aliases };
}

/**
 * Labelled evaluation cases for the matcher (pack: ./pack.ts). Each case is a page
 * context and what a careful person would conclude from it — including traps:
 * competitor names that are common words, shared domains, subsidiaries, Chinese names
 * with and without legal suffixes, free-mail senders, our own domain in the thread,
 * mixed-language bodies. Labels state the desired behaviour; the matcher follows them.
 */
import type { EvalCase } from './run';

const ACME_SF = '001A000001AcmeXAAQ';
const INITECH_SF = '001A000002InitXAAQ';
const LANHAI_SF = '001A000003LanhXAAQ';
const sfOpp = { site: 'salesforce', recordType: 'opportunity', recordId: '006A00000099OppAAA' } as const;
const thread = { site: 'gmail', recordType: 'thread', recordId: 'thread-1', ownEmail: 'rep@ourco.com' } as const;

export const cases: EvalCase[] = [
  // ── CRM record ids ────────────────────────────────────────────────────────────
  { id: 'crm-sf-account', note: 'Salesforce account page by 18-char id', ctx: { site: 'salesforce', recordType: 'account', recordId: ACME_SF }, expect: { account: 'acme', reasons: ['crm_id'] } },
  { id: 'crm-sf-15', note: '15-char Salesforce id matches the 18-char one in the pack', ctx: { site: 'salesforce', recordType: 'account', recordId: ACME_SF.slice(0, 15) }, expect: { account: 'acme' } },
  { id: 'crm-sf-opp', note: "opportunity: the related account's id", ctx: { ...sfOpp, accountId: INITECH_SF, accountName: 'Initech LLC' }, expect: { account: 'initech' } },
  { id: 'crm-hs-deal-id-collision', note: "a HubSpot deal whose own id equals a company id is not that company", ctx: { site: 'hubspot', recordType: 'deal', recordId: '5001' }, expect: { account: null, noCandidates: true } },
  { id: 'crm-hs-company', note: 'HubSpot company record', ctx: { site: 'hubspot', recordType: 'company', recordId: '5002' }, expect: { account: 'stark' } },
  { id: 'crm-hs-deal', note: 'HubSpot deal with associated company id', ctx: { site: 'hubspot', recordType: 'deal', recordId: '9001', accountId: '5002' }, expect: { account: 'stark' } },
  { id: 'crm-dynamics-guid', note: 'Dynamics GUID in another case and without braces', ctx: { site: 'dynamics', recordType: 'account', recordId: '6f9619ff-8b86-d011-b42d-00c04fc964ff' }, expect: { account: 'acme' } },
  { id: 'crm-pipedrive-org', note: 'Pipedrive organization', ctx: { site: 'pipedrive', recordType: 'organization', recordId: '77' }, expect: { account: 'gringotts' } },
  { id: 'crm-zoho', note: 'Zoho account', ctx: { site: 'zoho', recordType: 'account', recordId: 'zc-1001' }, expect: { account: 'gringotts' } },
  { id: 'crm-unknown-id-domain', note: 'unknown CRM id falls back to the website', ctx: { site: 'salesforce', recordType: 'account', recordId: '001A000009ZZZZZAAQ', domains: ['wayne.com'] }, expect: { account: 'wayne' } },
  { id: 'crm-beats-domain', note: 'CRM id wins over a conflicting website; the other is a candidate', ctx: { site: 'salesforce', recordType: 'account', recordId: LANHAI_SF, domains: ['acme.com'] }, expect: { account: 'lanhai', candidates: ['acme'] } },
  { id: 'crm-id-on-mail-ignored', note: 'a thread id is not a CRM id', ctx: { site: 'gmail', recordType: 'thread', recordId: '5002' }, expect: { account: null } },

  // ── Domains ──────────────────────────────────────────────────────────────────
  { id: 'web-www', note: 'www. prefix', ctx: { domains: ['www.initech.io'] }, expect: { account: 'initech', reasons: ['domain'] } },
  { id: 'web-deep-couk', note: 'eu.shop.acme.co.uk → acme.co.uk', ctx: { domains: ['eu.shop.acme.co.uk'] }, expect: { account: 'acme' } },
  { id: 'web-url', note: 'a full URL in the website field', ctx: { domains: ['https://bramble.co.uk/about-us'] }, expect: { account: 'bramble' } },
  { id: 'web-comau', note: 'com.au public suffix', ctx: { domains: ['shop.kangaroo.com.au'] }, expect: { account: 'kangaroo' } },
  { id: 'web-cojp', note: 'co.jp public suffix', ctx: { domains: ['www.sakura-motors.co.jp'] }, expect: { account: 'sakura' } },
  { id: 'web-private-suffix', note: 'a site on github.io', ctx: { domains: ['pixelstudio.github.io'] }, expect: { account: 'pixel' } },
  { id: 'web-private-suffix-other', note: 'another github.io site is not Pixel Studio', ctx: { domains: ['otherstudio.github.io'] }, expect: { account: null, noCandidates: true } },
  { id: 'mail-parent-of-listed-subdomain', note: 'the pack lists eu.vandelay.com, mail comes from vandelay.com', ctx: { ...thread, emails: ['kel@vandelay.com'] }, expect: { account: 'vandelay' } },
  { id: 'mail-participant', note: 'customer participant, our rep skipped', ctx: { ...thread, emails: ['rep@ourco.com', 'cfo@initech.io'] }, expect: { account: 'initech' } },
  { id: 'mail-own-only', note: 'internal thread: only our own domains', ctx: { ...thread, emails: ['rep@ourco.com', 'se@ourco.cn'] }, expect: { account: null, noCandidates: true, reasons: ['own_domain_skipped', 'no_account'] } },
  { id: 'mail-freemail-only', note: 'free-mail senders say nothing', ctx: { ...thread, emails: ['x@gmail.com', 'y@qq.com', 'z@163.com'] }, expect: { account: null, noCandidates: true, reasons: ['free_mail_skipped'] } },
  { id: 'mail-pack-freemail', note: "the pack's own free-mail list", ctx: { ...thread, emails: ['x@mailbox.example', 'cfo@hooli.xyz'] }, expect: { account: 'hooli', reasons: ['free_mail_skipped'] } },
  { id: 'mail-freemail-plus-customer', note: 'a qq.com boss and a customer address', ctx: { ...thread, emails: ['boss@qq.com', 'li@xingyun.com.cn'] }, expect: { account: 'xingyun' } },
  { id: 'mail-own-email-unlisted', note: "the signed-in user's domain is ours even when the pack does not list it", ctx: { ...thread, ownEmail: 'rep@ourco-sales.com', emails: ['rep@ourco-sales.com', 'pm@hooli.xyz'] }, expect: { account: 'hooli' } },
  { id: 'mail-uppercase', note: 'upper-case address', ctx: { ...thread, emails: ['CFO@ACME.COM'] }, expect: { account: 'acme' } },
  { id: 'mail-competitor-participant', note: "a competitor's rep in the thread is not a customer", ctx: { ...thread, emails: ['rep@globex.com', 'cto@acme.com'] }, expect: { account: 'acme', competitors: ['globex'] } },
  { id: 'mail-participants-field', note: 'participants instead of emails', ctx: { ...thread, participants: [{ name: 'Bruce', email: 'bruce@wayne.com', role: 'from' }, { name: 'Me', email: 'rep@ourco.com', role: 'to' }] }, expect: { account: 'wayne' } },

  // ── Ambiguity ────────────────────────────────────────────────────────────────
  { id: 'shared-domain-website', note: 'two accounts share umbrella.com', ctx: { domains: ['umbrella.com'] }, expect: { account: null, candidates: ['umbrella', 'umbrella-pharma'], reasons: ['shared_domain'] } },
  { id: 'shared-domain-email', note: 'shared domain from a participant', ctx: { ...thread, emails: ['a@umbrella.com'] }, expect: { account: null, candidates: ['umbrella', 'umbrella-pharma'], reasons: ['shared_domain'] } },
  { id: 'shared-domain-named', note: 'the name on the page settles a shared domain', ctx: { domains: ['umbrella.com'], accountName: 'Umbrella Pharma' }, expect: { account: 'umbrella-pharma', candidates: ['umbrella'] } },
  { id: 'shared-domain-covered', note: 'every domain in the thread points at one of them', ctx: { ...thread, emails: ['a@umbrella.com', 'b@umbrellapharma.com'] }, expect: { account: 'umbrella-pharma', candidates: ['umbrella'] } },
  { id: 'several-companies', note: 'two customers in one thread', ctx: { ...thread, emails: ['a@acme.com', 'b@initech.io', 'rep@ourco.com'] }, expect: { account: null, candidates: ['acme', 'initech'], reasons: ['several_companies'] } },
  { id: 'several-companies-website', note: 'the website field decides', ctx: { domains: ['initech.io'], emails: ['a@acme.com', 'b@initech.io'] }, expect: { account: 'initech', candidates: ['acme'] } },
  { id: 'several-companies-named', note: 'the name decides', ctx: { ...thread, emails: ['a@acme.com', 'b@initech.io'], accountName: 'Initech' }, expect: { account: 'initech', candidates: ['acme'] } },
  { id: 'several-companies-partner', note: 'a customer and a partner', ctx: { ...thread, emails: ['a@soylent.com', 'b@wayne.com'] }, expect: { account: null, candidates: ['soylent', 'wayne'] } },
  { id: 'similar-names-both-candidates', note: 'two regional accounts with near-identical names', ctx: { accountName: 'Apex Systems' }, expect: { account: null, candidates: ['apex-systems-us', 'apex-systems-eu'], competitors: [] } },

  // ── Names ────────────────────────────────────────────────────────────────────
  { id: 'name-exact', note: 'exact name', ctx: { accountName: 'Hooli Industries' }, expect: { account: 'hooli', reasons: ['name'] } },
  { id: 'name-llc-dots', note: 'L.L.C. with dots and a comma', ctx: { accountName: 'Initech, L.L.C.' }, expect: { account: 'initech' } },
  { id: 'name-inc-dropped', note: 'pack has ", Inc.", page has none', ctx: { accountName: 'Wayne Enterprises' }, expect: { account: 'wayne' } },
  { id: 'name-sa-caps', note: 'S.A. written SA in capitals', ctx: { accountName: 'GRINGOTTS BANK SA' }, expect: { account: 'gringotts' } },
  { id: 'name-kk', note: 'pack has K.K.', ctx: { accountName: 'Sakura Motors' }, expect: { account: 'sakura' } },
  { id: 'name-pty-ltd', note: 'Pty. Ltd.', ctx: { accountName: 'Kangaroo Logistics Pty. Ltd.' }, expect: { account: 'kangaroo' } },
  { id: 'name-alias', note: 'alias', ctx: { accountName: 'Stark Intl' }, expect: { account: 'stark', reasons: ['alias'] } },
  { id: 'name-alias-en-for-cn', note: 'English alias of a Chinese account with Co., Ltd.', ctx: { accountName: 'Nebula Technology Co., Ltd.' }, expect: { account: 'xingyun' } },
  { id: 'name-cn-full', note: '星云科技有限公司', ctx: { accountName: '星云科技有限公司' }, expect: { account: 'xingyun' } },
  { id: 'name-cn-short', note: '星云科技 without 有限公司', ctx: { accountName: '星云科技' }, expect: { account: 'xingyun' } },
  { id: 'name-cn-gufen', note: 'page 有限公司, pack 股份有限公司', ctx: { accountName: '上海蓝海信息技术有限公司' }, expect: { account: 'lanhai' } },
  { id: 'name-cn-no-suffix', note: 'no suffix at all', ctx: { accountName: '上海蓝海信息技术' }, expect: { account: 'lanhai' } },
  { id: 'name-cn-zhongguo-dropped', note: 'pack has （中国）, page not', ctx: { accountName: '金山智能有限公司' }, expect: { account: 'jinshan' } },
  { id: 'name-cn-zhongguo-halfwidth', note: 'half-width brackets', ctx: { accountName: '金山智能(中国)有限公司' }, expect: { account: 'jinshan' } },
  { id: 'name-cn-subsidiary', note: '星云数据 is the data subsidiary, not 星云科技', ctx: { accountName: '星云数据' }, expect: { account: 'xingyun-data' } },
  { id: 'name-cn-subsidiary-full', note: 'full subsidiary name', ctx: { accountName: '北京星云数据有限公司' }, expect: { account: 'xingyun-data' } },
  { id: 'name-fuzzy-typo', note: 'a typo is a "did you mean", never a pick', ctx: { accountName: 'Hooli Industires' }, expect: { account: null, candidates: ['hooli'] } },
  { id: 'name-fuzzy-cn', note: 'Chinese typo', ctx: { accountName: '星云科枝' }, expect: { account: null, candidates: ['xingyun'] } },
  { id: 'name-unknown', note: 'nobody we know', ctx: { accountName: 'Cyberdyne Systems' }, expect: { account: null, noCandidates: true, reasons: ['no_account'] } },
  { id: 'name-fullwidth', note: 'full-width Latin', ctx: { accountName: 'ＨＯＯＬＩ Industries' }, expect: { account: 'hooli' } },
  { id: 'name-customer-called-like-competitor', note: 'customer "Beacon Health" is not competitor Beacon', ctx: { accountName: 'Beacon Health', text: 'Beacon Health renewal planning for Q3. Beacon Health wants a discount.' }, expect: { account: 'beacon-health', competitors: [] } },

  // ── Manual picks ─────────────────────────────────────────────────────────────
  { id: 'manual-beats-crm', note: 'a manual pick wins', ctx: { site: 'salesforce', recordType: 'account', recordId: ACME_SF }, opts: { manualAccountId: 'wayne' }, expect: { account: 'wayne', candidates: ['acme'], reasons: ['manual'] } },
  { id: 'manual-invalid', note: 'a pick of a removed account is ignored', ctx: { domains: ['hooli.xyz'] }, opts: { manualAccountId: 'deleted-account' }, expect: { account: 'hooli' } },
  { id: 'manual-resolves-shared', note: 'a pick settles a shared domain', ctx: { domains: ['umbrella.com'] }, opts: { manualAccountId: 'umbrella' }, expect: { account: 'umbrella', candidates: ['umbrella-pharma'] } },

  // ── Competitors ──────────────────────────────────────────────────────────────
  { id: 'comp-boundary-no', note: 'Globexx and GlobexCRMs are other words', ctx: { text: 'We tried Globexx and GlobexCRMs last year.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-boundary-yes', note: 'punctuation is a boundary', ctx: { text: 'Evaluating Globex, Initrode and others.' }, expect: { account: null, competitors: ['globex', 'initrode'] } },
  { id: 'comp-cjk-sentence', note: 'CJK alias inside a sentence with no spaces', ctx: { text: '客户目前使用甲骨文数据库，考虑迁移。' }, expect: { account: null, competitors: ['oracle'] } },
  { id: 'comp-cjk-globex', note: 'Chinese alias', ctx: { text: '他们正在比较格洛贝斯和我们的报价' }, expect: { account: null, competitors: ['globex'] } },
  { id: 'comp-oracle-word', note: '"oracle" the word', ctx: { text: 'He is the oracle on all things billing.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-oracle-vendor', note: '"Oracle" and "ORACLE CLOUD"', ctx: { text: 'They run Oracle for finance and ORACLE CLOUD for HR.' }, expect: { account: null, competitors: ['oracle'], mentions: { oracle: 2 } } },
  { id: 'comp-exclusion', note: '"the Oracle of Omaha"', ctx: { text: 'Ask the Oracle of Omaha.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-exclusion-and-real', note: 'an excluded phrase and a real mention', ctx: { text: 'Like the oracle of Delphi, our CFO predicted Oracle would raise prices.' }, expect: { account: null, competitors: ['oracle'], mentions: { oracle: 1 } } },
  { id: 'comp-exclusion-bones', note: '"Oracle bones"', ctx: { text: 'Oracle bones are the oldest Chinese writing.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-beacon-hope', note: 'beacon of hope', ctx: { text: 'This partnership is a beacon of hope for the region.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-beacon-no-context', note: '"Beacon" without a context word', ctx: { text: 'Beacon called again about the offsite.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-beacon-context', note: '"Beacon" with CDP', ctx: { text: 'They also shortlisted Beacon for the CDP project.' }, expect: { account: null, competitors: ['beacon'] } },
  { id: 'comp-beacon-lower', note: 'lower-case beacon even with context', ctx: { text: 'they shortlisted beacon for the cdp project' }, expect: { account: null, competitors: [] } },
  { id: 'comp-beacon-fullname', note: 'the full name needs no context', ctx: { text: 'Beacon CDP sent a proposal.' }, expect: { account: null, competitors: ['beacon'] } },
  { id: 'comp-beacon-zh-context', note: 'Chinese context word', ctx: { text: '他们也在评估Beacon的客户数据平台' }, expect: { account: null, competitors: ['beacon'] } },
  { id: 'comp-monday-weekday', note: 'Monday the weekday', ctx: { text: 'Let us meet on Monday to review the contract.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-monday-context', note: 'Monday with "boards"', ctx: { text: 'The team moved their boards from Monday last year.' }, expect: { account: null, competitors: ['monday'] } },
  { id: 'comp-monday-domain', note: 'monday.com', ctx: { text: 'They pay for 40 monday.com seats.' }, expect: { account: null, competitors: ['monday'] } },
  { id: 'comp-apex-code', note: 'Salesforce Apex code on an opportunity, even next to a context word', ctx: { ...sfOpp, text: 'The Apex trigger that updates dashboards failed; see Apex class OppHandler.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-apex-vendor', note: 'Apex the BI vendor', ctx: { text: 'Stark is comparing our dashboards with Apex.' }, expect: { account: null, competitors: ['apex'] } },
  { id: 'comp-yunfan-idiom', note: '云帆 in a poem line', ctx: { text: '长风破浪会有时，直挂云帆济沧海。' }, expect: { account: null, competitors: [] } },
  { id: 'comp-yunfan-no-context', note: '云帆 alone', ctx: { text: '今天的云帆很好看' }, expect: { account: null, competitors: [] } },
  { id: 'comp-yunfan-context', note: '云帆 with 销售云', ctx: { text: '客户说云帆的销售云报价更低' }, expect: { account: null, competitors: ['yunfan'] } },
  { id: 'comp-yunfan-full', note: '云帆科技 needs no context', ctx: { text: '云帆科技昨天来拜访了' }, expect: { account: null, competitors: ['yunfan'] } },
  { id: 'comp-mixed-language', note: 'mixed English/Chinese body', ctx: { text: 'Hi team, 客户提到Globex的报价比我们低20%，另外他们在用甲骨文的ERP。Initrode was mentioned too.' }, expect: { account: null, competitors: ['globex', 'oracle', 'initrode'] } },
  { id: 'comp-fullwidth', note: 'full-width Latin in Chinese text', ctx: { text: '对手是ＧＬＯＢＥＸ' }, expect: { account: null, competitors: ['globex'] } },
  { id: 'comp-slate-idiom', note: 'clean slate', ctx: { text: 'Start with a clean slate. Slate is a good word.' }, expect: { account: null, competitors: [] } },
  { id: 'comp-slate-context', note: 'Slate with pipeline', ctx: { text: 'They currently manage pipeline in Slate.' }, expect: { account: null, competitors: ['slate'] } },
  { id: 'comp-crm-field', note: 'CRM field with a legal suffix', ctx: { ...sfOpp, competitorsField: ['Oracle Corporation'] }, expect: { account: null, competitors: ['oracle'] } },
  { id: 'comp-crm-field-multi', note: 'multi-value CRM field', ctx: { ...sfOpp, competitorsField: ['Globex; Initrode Systems'] }, expect: { account: null, competitors: ['globex', 'initrode'] } },
  { id: 'comp-crm-field-cn', note: 'Chinese CRM field with 有限公司', ctx: { ...sfOpp, competitorsField: ['云帆科技有限公司'] }, expect: { account: null, competitors: ['yunfan'] } },
  {
    id: 'comp-ranking',
    note: 'CRM field > in play (then by mentions) > mentions by count',
    ctx: { ...sfOpp, domains: ['starkindustries.com'], competitorsField: ['Slate CRM'], text: 'Globex Globex Globex and Initrode. Our dashboards beat Apex.' },
    expect: { account: 'stark', competitors: ['slate', 'apex', 'oracle', 'globex', 'initrode'], ordered: true },
  },
  { id: 'comp-in-play', note: "the account's competitors in play", ctx: { domains: ['acme.com'] }, expect: { account: 'acme', competitors: ['globex'] } },
  { id: 'comp-subject', note: 'mention in the subject', ctx: { ...thread, subject: 'Beacon CDP pricing', text: 'see below' }, expect: { account: null, competitors: ['beacon'] } },
  { id: 'comp-count', note: 'each mention counted', ctx: { text: 'Initrode here. Initrode there. 英锐 everywhere. Initrode Systems too.' }, expect: { account: null, competitors: ['initrode'], mentions: { initrode: 4 } } },
  { id: 'comp-email-address', note: "a competitor's address in the body", ctx: { text: 'From: sales@globex.com\nSubject: offer' }, expect: { account: null, competitors: ['globex'] } },
  { id: 'comp-longest', note: 'Oracle NetSuite is one mention', ctx: { text: 'We migrated off Oracle NetSuite.' }, expect: { account: null, competitors: ['oracle'], mentions: { oracle: 1 } } },
  { id: 'comp-cn-account-in-play-and-idiom', note: "in play at 星云 but the idiom is still not a mention", ctx: { accountName: '星云科技', text: '直挂云帆济沧海' }, expect: { account: 'xingyun', competitors: ['yunfan'], mentions: { yunfan: 0 } } },

  // ── Playbook and stage ───────────────────────────────────────────────────────
  { id: 'stage-sf', note: 'Salesforce stage through the mapping', ctx: { ...sfOpp, accountId: INITECH_SF, opportunityType: 'New Business', stage: 'Proposal/Price Quote' }, expect: { account: 'initech', playbook: 'nb', stage: { stageId: 'propose', source: 'crm' } } },
  { id: 'stage-hs-label', note: 'HubSpot shows the label of an internal stage value', ctx: { site: 'hubspot', recordType: 'deal', accountId: '5002', opportunityType: 'newbusiness', stage: 'Decision maker bought-in' }, expect: { account: 'stark', playbook: 'nb', stage: { stageId: 'propose', source: 'crm' } } },
  { id: 'stage-renewal-type', note: 'opportunity type Renewal picks the renewal playbook', ctx: { ...sfOpp, accountId: INITECH_SF, opportunityType: 'Renewal', stage: 'Negotiation/Review' }, expect: { account: 'initech', playbook: 'renew', stage: { stageId: 'renew-sign', source: 'crm' } } },
  { id: 'stage-unique-name', note: 'a stage name only the POC playbook has', ctx: { ...sfOpp, accountId: INITECH_SF, stage: 'POC Running' }, expect: { account: 'initech', playbook: 'poc', stage: { stageId: 'poc-run', source: 'crm' } } },
  { id: 'stage-shared-name-pack-playbook', note: "a stage name in several playbooks: the account's known playbook", ctx: { ...sfOpp, domains: ['wayne.com'], stage: 'Negotiation/Review' }, expect: { account: 'wayne', playbook: 'renew', stage: { stageId: 'renew-sign', source: 'crm' } } },
  { id: 'stage-shared-name-enterprise', note: 'same, enterprise playbook', ctx: { ...sfOpp, accountId: ACME_SF, stage: 'Negotiation/Review' }, expect: { account: 'acme', playbook: 'nb-ent', stage: { stageId: 'ent-close', source: 'crm' } } },
  { id: 'stage-remembered', note: 'email: the stage last seen in the CRM', ctx: { ...thread, emails: ['cfo@initech.io'] }, opts: { rememberedStage: { playbookId: 'nb', stageId: 'close', seenAt: '2026-03-02T10:00:00Z' } }, expect: { account: 'initech', playbook: 'nb', stage: { stageId: 'close', source: 'remembered' } } },
  { id: 'stage-remembered-stale', note: 'a remembered stage that left the pack', ctx: { ...thread, emails: ['bruce@wayne.com'] }, opts: { rememberedStage: { playbookId: 'nb', stageId: 'gone', seenAt: '2026-03-02' } }, expect: { account: 'wayne', playbook: 'renew', stage: { stageId: 'renew-review', source: 'pack' } } },
  { id: 'stage-pack', note: "email: the account's stage in the pack", ctx: { ...thread, emails: ['bruce@wayne.com'] }, expect: { account: 'wayne', playbook: 'renew', stage: { stageId: 'renew-review', source: 'pack' } } },
  { id: 'stage-none', note: 'nothing says a stage', ctx: { domains: ['hooli.xyz'] }, expect: { account: 'hooli', playbook: 'nb', stage: null } },
  { id: 'stage-enterprise-segment', note: 'enterprise account without a stage: the enterprise playbook', ctx: { accountName: 'Umbrella Corporation' }, expect: { account: 'umbrella', playbook: 'nb-ent', stage: null } },
  { id: 'stage-generic-site', note: 'a non-CRM page uses any CRM name', ctx: { opportunityType: 'POC', stage: 'pocscoping' }, expect: { account: null, playbook: 'poc', stage: { stageId: 'poc-scope', source: 'crm' } } },
  { id: 'stage-unmapped', note: 'Closed Lost is not a playbook stage', ctx: { ...sfOpp, accountId: INITECH_SF, opportunityType: 'New Business', stage: 'Closed Lost' }, expect: { account: 'initech', playbook: 'nb', stage: null } },
  { id: 'stage-cn-type', note: 'Chinese opportunity type', ctx: { ...sfOpp, accountId: INITECH_SF, opportunityType: '新客户', stage: 'Needs Analysis' }, expect: { account: 'initech', playbook: 'nb', stage: { stageId: 'propose', source: 'crm' } } },
  { id: 'stage-type-inferred', note: 'an unlisted type naming a renewal', ctx: { ...sfOpp, accountId: INITECH_SF, opportunityType: 'Renewal FY27' }, expect: { account: 'initech', playbook: 'renew', stage: null } },
  { id: 'stage-existing-business', note: "HubSpot's existingbusiness deal type", ctx: { site: 'hubspot', recordType: 'deal', accountId: '5002', opportunityType: 'existingbusiness', stage: 'contractsent' }, expect: { account: 'stark', playbook: 'renew', stage: { stageId: 'renew-sign', source: 'crm' } } },
];

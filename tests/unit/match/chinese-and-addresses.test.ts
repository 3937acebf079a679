/**
 * Competitor mentions the way a Chinese-speaking rep reads them, on the sample pack the
 * extension ships: no card from half of two other words, Traditional and Simplified
 * as one script, no card from an e-mail address or URL — and a competitor's own domain
 * as evidence of its own kind.
 */
import { describe, expect, it } from 'vitest';
import samplePack from '../../../assets/sample-pack.json';
import { buildIndex } from '../../../utils/match/index';
import { matchPage } from '../../../utils/match/match';
import { normalizeName } from '../../../utils/match/normalize';
import { formatReason } from '../../../utils/i18n';
import type { KnowledgePack } from '../../../utils/pack/schema';
import { validatePack } from '../../../utils/pack/validate';
import { competitor, makePack, page } from './packs';

const valid = validatePack(samplePack);
if (!valid.ok) throw new Error('sample pack is invalid');
const sample = buildIndex(valid.pack as KnowledgePack);
const found = (text: string, extra: Parameters<typeof page>[0] = {}) => matchPage(sample, page({ text, ...extra })).competitors;
const ids = (text: string, extra: Parameters<typeof page>[0] = {}) => found(text, extra).map((c) => c.competitorId);

describe('the three cases a Chinese-speaking rep reported (sample pack)', () => {
  it('does not show ShuCe (数策) for 多数策略, "the majority strategy"', () => {
    expect(ids('我们按多数策略推进')).toEqual([]);
    // …and still shows it where the company is named.
    expect(ids('客户也在评估数策科技的方案')).toEqual(['shuce']);
    expect(ids('我们对比数策和格罗贝斯')).toEqual(expect.arrayContaining(['shuce', 'globex']));
  });

  it('finds Globex (alias 格罗贝斯) written in Traditional', () => {
    expect(ids('他們也在評估格羅貝斯的方案')).toEqual(['globex']);
  });

  it('shows no Hooli card for an e-mail address that merely contains the name', () => {
    expect(ids('Please copy jane@hooli-fans.org')).toEqual([]);
    expect(ids('Please copy Jane from Hooli on this')).toEqual(['hooli']);
  });
});

describe('Chinese word boundaries', () => {
  it('drops a hit glued into a longer word on either side, keeps one beside particles, suffixes and punctuation', () => {
    expect(ids('这是多数策划的结果')).toEqual([]);
    expect(ids('数策的报价更低')).toEqual(['shuce']);
    expect(ids('和数策合作过')).toEqual(['shuce']);
    expect(ids('（数策）报价')).toEqual(['shuce']);
    expect(ids('用ShuCe还是数策科技？')).toEqual(['shuce']);
  });

  it('lets a pack mark an alias that really is written inside compounds as loose', () => {
    const pack = makePack({
      competitors: [
        competitor('strict', 'Strict', { aliases: ['数策'] }),
        competitor('loose', 'Loose', { aliases: [{ text: '数策', cjkBoundary: 'loose' }] }),
      ],
    });
    const idx = buildIndex(pack);
    expect(matchPage(idx, page({ text: '我们按多数策略推进' })).competitors.map((c) => c.competitorId)).toEqual(['loose']);
  });
});

describe('Traditional and Simplified are one script', () => {
  it('folds account names, so one spelling in the pack matches both', () => {
    expect(normalizeName('天宇資訊股份有限公司')).toBe(normalizeName('天宇资讯'));
    expect(normalizeName('阿里巴巴（中國）網絡技術有限公司')).toBe('阿里巴巴网络技术');
    const pack = makePack({ accounts: [{ id: 'tw', name: '格罗贝斯科技有限公司' }] });
    expect(matchPage(buildIndex(pack), page({ accountName: '格羅貝斯科技股份有限公司' })).accountId).toBe('tw');
  });

  it('folds keywords and exclusions too', () => {
    const pack = makePack({
      competitors: [competitor('sc', 'ShuCe', { aliases: [{ text: 'ShuCe', needsContext: true }, '数策'], keywords: ['数据中台'], exclusions: ['数策网'] })],
    });
    const idx = buildIndex(pack);
    const got = (text: string) => matchPage(idx, page({ text })).competitors.map((c) => c.competitorId);
    expect(got('ShuCe 主打數據中台')).toEqual(['sc']);
    expect(got('ShuCe only')).toEqual([]);
    expect(got('消息來自數策網')).toEqual([]);
    expect(got('消息來自數策')).toEqual(['sc']);
  });
});

describe('addresses and URLs are not mentions', () => {
  it('skips names inside e-mail addresses, URLs and host names, in every width', () => {
    expect(ids('Details at https://blog.example.com/why-we-left-hooli today')).toEqual([]);
    expect(ids('See www.globex-fans.net for the forum')).toEqual([]);
    expect(ids('mirror on hooli-fans.org')).toEqual([]);
    expect(ids('请抄送 ｊａｎｅ＠ｈｏｏｌｉ－ｆａｎｓ．ｏｒｇ')).toEqual([]);
    expect(ids('请联系jane@hooli-fans.org')).toEqual([]);
  });

  it('still counts a name at the end of a sentence or before a file extension', () => {
    expect(ids('We compared with HooliDB.')).toEqual(['hooli']);
    expect(ids('cc @Hooli team')).toEqual(['hooli']);
  });

  it("reports a competitor's own domain in a participant or an address as its own evidence", () => {
    const pack = makePack({ competitors: [competitor('globex', 'Globex', { website: 'globex.com', domains: ['globex.cn'] })] });
    const idx = buildIndex(pack);
    const fromParticipant = matchPage(idx, page({ site: 'gmail', recordType: 'thread', emails: ['li@sales.globex.cn', 'cto@acme.com'] })).competitors;
    expect(fromParticipant.map((c) => c.competitorId)).toEqual(['globex']);
    expect(fromParticipant[0].sources).toEqual(['domain']);
    expect(fromParticipant[0].mentionCount).toBe(0);
    const reason = fromParticipant[0].reasons[0];
    expect(reason).toMatchObject({ code: 'competitor_domain', params: { domain: 'globex.cn', source: 'participant' } });
    expect(formatReason(reason, 'en')).toBe('a participant writes from globex.cn');
    expect(formatReason(reason, 'zh-CN')).toBe('有参与者使用 globex.cn 的邮箱');

    const inText = matchPage(idx, page({ text: 'Pricing is on https://www.globex.com/pricing' })).competitors;
    expect(inText.map((c) => c.reasons[0].params.source)).toEqual(['link']);
    expect(formatReason(inText[0].reasons[0], 'en')).toBe('an address on this page is at globex.com');
    // A longer host that merely starts with the domain is someone else's.
    expect(matchPage(idx, page({ text: 'see https://globex.com.au/' })).competitors).toEqual([]);
    expect(matchPage(idx, page({ text: 'write to a@notglobex.com' })).competitors).toEqual([]);
  });
});

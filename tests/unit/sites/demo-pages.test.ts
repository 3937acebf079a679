/**
 * The demo pages are what `npm run demo` and the e2e tests load: run each through the
 * registry at its real URL and check what the sidebar will be given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../../../scripts/demo/routes';
import { extractPage } from '../../../utils/sites/registry';
import { DEMO_PAGES_DIR, load } from './helpers';

const demo = (id: string) => {
  const d = DEMO_PAGES.find((p) => p.id === id);
  if (!d) throw new Error(id);
  return { ...d, ctx: extractPage(load(join(DEMO_PAGES_DIR, d.file)), new URL(d.url)) };
};
const count = (text: string, word: string) => text.split(word).length - 1;

describe('demo pages', () => {
  it('every route has its page, with no external resources and room for the sidebar', () => {
    expect(DEMO_PAGES.map((p) => p.id)).toEqual(['salesforce-opportunity', 'hubspot-company', 'gmail-thread', 'salesforce-pipeline']);
    for (const p of DEMO_PAGES) {
      const file = join(DEMO_PAGES_DIR, p.file);
      expect(existsSync(file), p.file).toBe(true);
      const html = readFileSync(file, 'utf8');
      expect(html, p.file).not.toMatch(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']https?:/i);
      expect(html, p.file).not.toMatch(/url\(\s*['"]?https?:/i);
      expect(html, p.file).toMatch(/margin-right:\s*360px/);
    }
  });

  it('Salesforce opportunity', () => {
    const { ctx } = demo('salesforce-opportunity');
    expect(ctx).toMatchObject({
      site: 'salesforce',
      recordType: 'opportunity',
      recordId: '0065g00000NwOpp1AAB',
      accountName: 'Northwind Traders',
      accountId: '0015g00000NwTrdAAB',
      domains: ['northwindtraders.com'],
      emails: ['nancy.davolio@northwindtraders.com'],
      stage: 'Proposal/Price Quote',
      opportunityType: 'New Business',
      amount: '$480,000.00',
      closeDate: '6/30/2026',
      competitorsField: ['Globex Analytics'],
    });
    expect(count(ctx!.text, 'Globex')).toBe(2);
    expect(count(ctx!.text, 'Beacon CDP')).toBe(1);
    // the cached, hidden page host of an earlier record is not read
    expect(ctx!.text).not.toContain('Contoso');
    expect(ctx!.text).not.toContain('Mark Stage as Complete');
  });

  it('HubSpot company', () => {
    const { ctx } = demo('hubspot-company');
    expect(ctx).toMatchObject({
      site: 'hubspot',
      recordType: 'company',
      recordId: '9876543210',
      accountName: '上海云杉科技有限公司',
      accountId: '9876543210',
      domains: ['yunshan-tech.cn'],
      emails: ['wang.lei@yunshan-tech.cn', 'chen.jing@yunshan-tech.cn'],
      stage: null,
      competitorsField: [],
    });
    expect(count(ctx!.text, '数策')).toBe(2);
    expect(count(ctx!.text, 'Hooli')).toBe(1);
    expect(ctx!.text).not.toContain('Filter activity');
  });

  it('Gmail thread', () => {
    const { ctx } = demo('gmail-thread');
    expect(ctx).toMatchObject({
      site: 'gmail',
      recordType: 'thread',
      recordId: 'FMfcgzQbdXyzThreadAcme01',
      subject: 'Re: Acme rollout — pricing vs Globex',
      ownEmail: 'alex.morgan@lumora.io',
      emails: ['j.smith@acme.com', 'procurement@acme.co.uk', 'priya.shah@lumora.io'],
      domains: [],
      accountName: null,
      stage: null,
    });
    expect(ctx!.participants).toEqual(
      expect.arrayContaining([
        { name: 'John Smith', email: 'j.smith@acme.com', role: 'from' },
        { name: 'Alex Morgan', email: 'alex.morgan@lumora.io', role: 'to' },
        { name: 'Acme Procurement', email: 'procurement@acme.co.uk', role: 'cc' },
        { name: 'Priya Shah', email: 'priya.shah@lumora.io', role: 'cc' },
      ]),
    );
    // bodies only: three mentions (the subject and the trimmed quote are not counted), one of them
    // next to the "oracle" trap, and a little Chinese
    expect(count(ctx!.text, 'Globex')).toBe(3);
    expect(ctx!.text).toContain('the oracle of all dashboards');
    expect(ctx!.text).toContain('采购部');
  });

  it('the pipeline SPA is served as its app shell: no record until its script has fetched one', () => {
    const d = DEMO_PAGES.find((p) => p.id === 'salesforce-pipeline')!;
    expect(d.scripted).toBe(true);
    const doc = load(join(DEMO_PAGES_DIR, d.file));
    expect(doc.querySelector('records-highlights2')).toBeNull();
    expect(extractPage(doc, new URL(d.url))?.accountName ?? null).toBeNull();
    // the other pages are static: their record is in the HTML as served
    expect(DEMO_PAGES.filter((p) => p.scripted).map((p) => p.id)).toEqual(['salesforce-pipeline']);
  });

  it('the Gmail demo has a reply box inside the real compose structure', () => {
    const doc = load(join(DEMO_PAGES_DIR, 'gmail-thread.html'));
    const box = doc.querySelector('div[contenteditable="true"][role="textbox"][aria-label="Message Body"]');
    expect(box).not.toBeNull();
    expect(box!.closest('.M9')?.closest('.ip')).not.toBeNull();
  });
});

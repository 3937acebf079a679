/**
 * Every committed page fixture, run through the registry exactly as the content script
 * does, must give its expected context (deep equal, text included), and the text must
 * contain / leave out the key phrases listed beside it.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/sites/registry';
import { fixtures, load } from './helpers';

const all = fixtures();

describe('page fixtures', () => {
  it('there is at least one fixture per site and record type, plus null cases', () => {
    const kinds = new Set(all.map((f) => `${f.site}:${f.context?.recordType ?? 'null'}`));
    for (const k of [
      'salesforce:opportunity', 'salesforce:account', 'salesforce:contact', 'salesforce:lead', 'salesforce:case', 'salesforce:null',
      'hubspot:company', 'hubspot:deal', 'hubspot:contact', 'hubspot:ticket', 'hubspot:null',
      'gmail:thread', 'gmail:null',
      'dynamics:opportunity', 'dynamics:account', 'dynamics:contact', 'dynamics:null',
      'pipedrive:deal', 'pipedrive:organization', 'pipedrive:null',
      'zoho:deal', 'zoho:account', 'zoho:null',
      'outlook:thread', 'outlook:null',
      'generic:opportunity', 'generic:null',
    ]) expect(kinds, k).toContain(k);
  });

  for (const f of all) {
    describe(`${f.site}/${f.name}`, () => {
      it('has its HTML beside it', () => expect(existsSync(f.html)).toBe(true));

      it(f.context ? `reads a ${f.context.recordType}` : 'is not a record page: null', () => {
        const ctx = extractPage(load(f.html), new URL(f.url), f.rules);
        expect(ctx).toEqual(f.context);
      });

      if (f.context) {
        const ctx = () => extractPage(load(f.html), new URL(f.url), f.rules)!;
        for (const phrase of f.textContains ?? []) it(`text contains "${phrase}"`, () => expect(ctx().text).toContain(phrase));
        for (const phrase of f.textExcludes ?? []) it(`text leaves out "${phrase}"`, () => expect(ctx().text).not.toContain(phrase));
        it('site matches the folder', () => expect(ctx().site).toBe(f.site));
      }
    });
  }
});

/** Why the adapter read nothing on a page: which site the URL is, and whether the URL or the page is the problem. */
import type { SiteRule } from '../../utils/pack/schema';
import { infoOf, SITE_CATALOG, type BuiltInSiteId } from '../../utils/sites/catalog';
import { all } from '../../utils/sites/dom';
import { readField, routeFor } from '../../utils/sites/generic/fields';
import { hostMatches, ruleFor } from '../../utils/sites/generic/rules';
import { siteFor } from '../../utils/sites/registry';
import { focusedHost } from '../../utils/sites/salesforce/extract';
import { parseRecordUrl as salesforceRecord } from '../../utils/sites/salesforce/urls';

/** Why the adapter gave null for this page: which site the URL is, and whether the URL or the page is the problem. */
export function whyNoContext(doc: Document, url: URL, rules: readonly SiteRule[]): string {
  const host = url.hostname;
  const site = siteFor(url);
  if (!site) {
    const rule = ruleFor(url, rules);
    if (rule) return whyGenericNull(doc, url, rule);
    const sameHost = rules.filter((r) => hostMatches(r.host, host));
    if (sameHost.length && (url.protocol === 'https:' || url.protocol === 'http:')) {
      const prefixes = sameHost.map((r) => `"${r.id}" needs a path starting with ${r.pathPrefix}`).join('; ');
      return `${host} has pack rules, but none covers the path ${url.pathname}: ${prefixes}`;
    }
    const hint = rules.length ? `the pack's sites rules cover ${rules.map((r) => r.host).join(', ')}` : 'the pack has no sites rules';
    return `${host} is not a site Frontline reads: no built-in adapter (${SITE_CATALOG.map((s) => s.label).join(', ')}) matches this URL and ${hint}`;
  }
  const id = site.id as BuiltInSiteId;
  const { label, notARecord, notRendered } = infoOf(id);
  const sfRef = id === 'salesforce' ? salesforceRecord(url) : null;
  if (sfRef && !sfRef.recordType) return `${host} is Salesforce and the URL is a ${sfRef.object} record, which Frontline does not read (it reads Account, Opportunity, Contact, Lead and Case)`;
  if (!site.isRecord(url)) return `${host} is ${label}, but ${notARecord(url)}`;

  if (id === 'salesforce') {
    const ref = sfRef;
    if (ref?.ui === 'lightning' && !focusedHost(doc)) {
      const hosts = all(doc, '.windowViewMode-normal, .windowViewMode-maximized').length;
      return hosts
        ? `${host} is Salesforce and the URL is a record, but no single page host is on screen (${hosts} in the page, none or several active, e.g. console tabs): it reads none rather than guess`
        : `${host} is Salesforce and the URL is a record, but the page holds no Lightning page host (.windowViewMode-normal): saved before the record rendered, or not the page of this URL`;
    }
  }
  return `${host} is ${label} and the URL is a record, but the page shows none: ${notRendered}. Save the page again once the record is on screen (the rendered DOM, not the server's HTML); if it was, the site's markup may have changed (utils/sites/${id}/selectors.ts)`;
}

function whyGenericNull(doc: Document, url: URL, rule: SiteRule): string {
  const host = url.hostname;
  const at = routeFor(rule, url);
  if (!at) {
    const routes = (rule.routes ?? []).map((r) => `"${r.match}"`).join(', ');
    return `${host} is read by the pack rule "${rule.id}", but no route of it matches ${url.pathname}${url.hash} (routes: ${routes}): a list or another screen, not a record`;
  }
  const specs = { ...(rule.selectors ?? {}), ...(at.route?.selectors ?? {}) };
  const parts: string[] = [];
  for (const key of ['accountName', 'accountId', 'website', 'emails'] as const) {
    const spec = specs[key];
    if (!spec) {
      parts.push(`${key}: no reader`);
      continue;
    }
    const { values, matched } = readField(doc, url, spec);
    const what = typeof spec === 'string' ? `"${spec}"` : JSON.stringify(spec);
    if (values.length) parts.push(`${key} ${what}: read "${values[0]}"`);
    else if (typeof spec !== 'string' && spec.from === 'url') parts.push(`${key} ${what}: the URL does not match the pattern`);
    else parts.push(`${key} ${what}: ${matched === 0 ? 'matched nothing' : `matched ${matched} element${matched === 1 ? '' : 's'}, none with a value${typeof spec !== 'string' && spec.pattern ? ' the pattern takes' : ''}`}`);
  }
  return `${host} is read by the pack rule "${rule.id}", but it found no account name, account id, website or e-mail on this page (${parts.join('; ')})`;
}


/**
 * What the rest of the extension knows about a built-in site without its adapter: the
 * id, what kind of site it is, the hosts it runs on and how people name it. Pure
 * data, so the background's schemas and the explain script can list every site while
 * each content script bundles only its own site's adapter.
 */
export type SiteKind = 'crm' | 'mail';

export interface SiteInfo<Id extends string = string, K extends SiteKind = SiteKind> {
  id: Id;
  /**
   * A CRM's record ids and stage names are mappable in packs (`CRM_SITES`, pack
   * `crmIds`); a webmail is where the rep replies, so its content script
   * (entrypoints/<site>.content) offers "insert in reply".
   */
  kind: K;
  /** As people name it (explain, the ops console). */
  label: string;
  /**
   * The match patterns of the site's own content script (entrypoints/<site>.content).
   * In MV3 they are also its host permissions: adding one is a permission change users
   * see on update. Hosts in them that the site's `matches` refuses (a marketing page)
   * get no work at all.
   */
  hosts: readonly string[];
  /** For explain, when the URL is the site's but not a record page: what it is, and the shapes the adapter does read. */
  notARecord: (url: URL) => string;
  /** For explain, when the URL is a record but the saved page shows none: what is missing. */
  notRendered: string;
  /**
   * Where the open panel goes by default: `beside` the page (it reflows into the width
   * left, utils/content/dockPage.ts) unless that is known or feared to break the site's
   * layout, then `over` it. The rep can switch per site; docs/sites.md says why per site.
   */
  panel?: PanelPlacement;
}

export type PanelPlacement = 'beside' | 'over';

/** A site's info, its id and kind kept as literals so site ids can be derived from the catalog. */
export const defineInfo = <const Id extends string, const K extends SiteKind>(info: SiteInfo<Id, K>): SiteInfo<Id, K> => info;

/** Webmail is where the rep writes back: its content script offers "insert in reply". */
export const takesReplies = (info: Pick<SiteInfo, 'kind'>): boolean => info.kind === 'mail';

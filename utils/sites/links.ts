/**
 * The id of the record a link points at, read with the site's own URL parser: how every
 * adapter finds the account behind a lookup link (Salesforce's account field, HubSpot's
 * company chicklet, a Dynamics lookup…). Null for a link that is not such a record or no URL.
 */
export function idFromHref<R extends { id: string }>(href: string | null | undefined, base: URL, parse: (url: URL) => R | null, wanted: (ref: R) => boolean): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const ref = parse(url);
  return ref && wanted(ref) ? ref.id : null;
}

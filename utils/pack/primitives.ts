/** Checks every part of the pack format shares (utils/pack/schema.ts, siteRules.ts). */
import * as v from 'valibot';

export const nonEmpty = (what: string) => v.pipe(v.string(`expected ${what}`), v.trim(), v.nonEmpty(`expected ${what}, got an empty string`));

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/**
 * `ID_PATTERN.test(s)` by hand, for the fast path over large account lists: a
 * 50,000-account pack has over half a million ids (account, competitor and signal
 * ids), and a loop over a few character codes costs a fraction of a regex call.
 */
export function isId(s: unknown): s is string {
  if (typeof s !== 'string' || s.length === 0 || s.length > 80) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum && (i === 0 || (c !== 46 && c !== 95 && c !== 45))) return false;
  }
  return true;
}

export const Id = v.pipe(
  v.string('expected an id (text)'),
  v.regex(ID_PATTERN, 'expected an id: letters, digits, ".", "_" or "-", at most 80 characters'),
);


export const Locale = v.pipe(v.string('expected a locale'), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a locale such as "en" or "zh-CN"'));

/**
 * Pack text: a plain string, or one string per locale. Plain strings are taken to be
 * in the pack's default locale.
 */
export const Text = v.union(
  [
    nonEmpty('text'),
    v.pipe(
      v.record(Locale, nonEmpty('text')),
      v.check((r) => Object.keys(r).length > 0, 'expected at least one locale'),
    ),
  ],
  'expected text',
);
export type Text = v.InferOutput<typeof Text>;

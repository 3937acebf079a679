/** Checks every part of the pack format shares (utils/pack/schema.ts, siteRules.ts). */
import * as v from 'valibot';

export const nonEmpty = (what: string) => v.pipe(v.string(`expected ${what}`), v.trim(), v.nonEmpty(`expected ${what}, got an empty string`));

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

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

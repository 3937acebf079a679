/** Checks every part of the pack format shares (utils/pack/schema.ts, siteRules.ts). */
import * as v from 'valibot';

export const nonEmpty = (what: string) => v.pipe(v.string(`expected ${what}`), v.trim(), v.nonEmpty(`expected ${what}, got an empty string`));

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export const Id = v.pipe(
  v.string('expected an id (text)'),
  v.regex(ID_PATTERN, 'expected an id: letters, digits, ".", "_" or "-", at most 80 characters'),
);


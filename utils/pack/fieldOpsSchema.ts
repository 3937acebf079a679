/**
 * The field ops model (issue 19) in the pack format: experts who help on big deals, the
 * rules (regulation) that apply to an account, the products a scenario fits, and the
 * regional variants of card sections and talk tracks. A factory over schema.ts's own
 * building blocks (Text, dates, ranges) so the format keeps one definition of each and
 * schema.ts and this file do not import each other at load time.
 */
import * as v from 'valibot';
import { Id, nonEmpty } from './primitives';
import { CONTACT_HREF_HELP, contactKind } from './contactHref';
import { safeHref } from './href';

interface Parts {
  Text: v.GenericSchema<string | Record<string, string>>;
  IsoDate: v.GenericSchema<string>;
  Locale: v.GenericSchema<string>;
  between: (what: string, min: number, max: number, range?: string) => v.GenericSchema<number>;
  maxArr: number;
}

/** A region as accounts name it ("APAC", "Greater China"); compared case-insensitively. */
const Region = nonEmpty('a region');
const StringList = v.array(nonEmpty('text'), 'expected a list of strings');
const optList = v.optional(StringList, []);

/** Far past any real pack; they bound what one record view costs (every expert ranked, every rule checked). */
const MAX = { experts: 2000, rules: 2000, products: 200, fits: 50, regions: 100 } as const;

export function fieldOpsSchemas({ Text, IsoDate, Locale, between, maxArr }: Parts) {
  const TextList = v.array(Text, 'expected a list of texts');

  /** A battlecard's sections as one region tells them; each set one replaces the global one there. Objections are not regional (their ids are what reps' links and the palette point at). */
  const BattlecardVariant = v.strictObject({
    summary: v.optional(Text),
    whyWeWin: v.optional(TextList),
    whyWeLose: v.optional(TextList),
    landmines: v.optional(TextList),
    pricing: v.optional(Text),
    proofPoints: v.optional(TextList),
  });
  const regionalOf = <T extends v.GenericSchema>(variant: T) =>
    v.optional(
      v.pipe(
        v.record(Region, variant, 'expected an object keyed by region ("APAC", "Greater China", …)'),
        v.check((r) => Object.keys(r).length <= MAX.regions, `at most ${MAX.regions} regions`),
      ),
    );

  const ScenarioVariant = v.strictObject({
    useCase: v.optional(Text),
    scenario: v.optional(Text),
    advantage: v.optional(Text),
    value: v.optional(Text),
  });

  /** One product's place in a scenario: its advantage and value there, who proves it, and when it fits. */
  const ProductFit = v.strictObject({
    product: Id,
    advantage: Text,
    value: Text,
    /** Reference customers (names) that prove it. */
    references: v.optional(TextList, []),
    /** Fits only accounts of these segments; empty: every segment. */
    segments: optList,
    /** Fits only accounts whose known stack has one of these; empty: any stack. */
    stack: optList,
    /** Shown as "not a fit" when the segment or stack condition fails; without it such a product is simply left out. */
    notFit: v.optional(Text),
  });

  const ContactHref = v.pipe(v.string(CONTACT_HREF_HELP), v.check((s) => contactKind(s) !== null, CONTACT_HREF_HELP));

  const Expert = v.strictObject({
    id: Id,
    name: nonEmpty('a name'),
    role: Text,
    /** Languages they work in (locales): the rep's language ranks them higher. */
    languages: v.optional(v.array(Locale, 'expected a list of locales'), []),
    covers: v.strictObject({
      competitors: v.optional(v.array(Id, 'expected a list of competitor ids'), []),
      industries: optList,
      regions: optList,
      segments: optList,
      products: v.optional(v.array(Id, 'expected a list of product ids'), []),
      /** Deals (account ARR) from this size, in this currency. */
      dealSize: v.optional(v.strictObject({ min: between('an amount', 0, maxArr, '0 to 1e13'), currency: v.pipe(v.string('expected a currency code'), v.regex(/^[A-Z]{3}$/, 'expected a currency code such as "USD"')) })),
    }),
    /** How to reach them, first preferred. */
    contact: v.pipe(v.array(ContactHref, 'expected a list of contact links'), v.minLength(1, 'expected at least one contact link'), v.maxLength(5, 'at most 5 contact links')),
  });

  const SourceUrl = v.pipe(v.string('expected a link'), v.check((s) => safeHref(s) !== null && /^https?:/i.test(s), 'expected an http or https link'));

  /** Regulation that applies to matching accounts: every dimension it names must match. */
  const Rule = v.pipe(
    v.strictObject({
      id: Id,
      title: Text,
      body: Text,
      industries: optList,
      regions: optList,
      segments: optList,
      effective: IsoDate,
      source: Text,
      sourceUrl: v.optional(SourceUrl),
      /** The date ops must check it again: past it, the sidebar marks it and the stale report lists it. */
      reviewBy: IsoDate,
      owner: v.optional(nonEmpty('an owner')),
    }),
    v.check((r) => r.industries.length + r.regions.length + r.segments.length > 0, 'expected at least one of industries, regions or segments (a rule for every account is not a rule of a place)'),
  );

  const Product = v.strictObject({
    id: Id,
    name: Text,
    summary: v.optional(Text),
  });

  return { BattlecardVariant, ScenarioVariant, ProductFit, Expert, Rule, Product, regionalOf, MAX };
}

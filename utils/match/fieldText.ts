/** How field ops data compares the words accounts use (industry, region, segment, stack): trimmed, case-insensitive. */
export const fold = (s: string) => s.trim().toLowerCase();

export const same = (a: string | null | undefined, b: string | null | undefined): boolean => a != null && b != null && fold(a) === fold(b);

/** The entry of `list` equal to `value`, as the list writes it; undefined when none is. */
export const findIn = (list: readonly string[], value: string | null | undefined): string | undefined => (value == null ? undefined : list.find((x) => same(x, value)));

/** The variant for `region` from a per-region map, with the key as the pack writes it; null: the global text applies. */
export function pickRegional<T>(regional: Readonly<Record<string, T>> | undefined, region: string | null | undefined): { region: string; variant: T } | null {
  if (!regional || region == null) return null;
  const key = Object.keys(regional).find((k) => same(k, region));
  return key === undefined ? null : { region: key, variant: regional[key] };
}

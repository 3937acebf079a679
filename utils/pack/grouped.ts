/**
 * A whole number with its thousands grouped, as `n.toLocaleString('en')` writes it
 * ("50,000", "-1,000,000,000,000"), without Intl: the first `toLocaleString` in a
 * JavaScript context loads ICU's number formatting, 13 ms in Node here, and the pack
 * schema formats its ranges when its module loads — in the service worker, on every wake.
 * Anything but a safe integer goes to `toLocaleString` itself (only error messages ask).
 */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = `${digits.slice(Math.max(0, end - 3), end)}${out ? `,${out}` : ''}`;
  return n < 0 ? `-${out}` : out;
}

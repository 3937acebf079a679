/** Budgets and the small arithmetic every figure of `npm run bench:page` goes through. */

/** Issue 14's goals: record rendered → sidebar content warm / worker stopped; first view after a wake at 10k and 50k accounts; the worker's heap for a 50k pack; activating it. */
export const BUDGET = {
  contentScriptBytes: 60 * 1024,
  sidebarWarmP50Ms: 50,
  sidebarColdP50Ms: 100,
  extensionLongTasks: 0,
  coldMatchMs: 150,
  workerPackHeapBytes: 15 * 1024 * 1024,
  activatePackMs: 2_000,
};

export const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
export const kb = (n: number) => `${round(n / 1024, 1)} KB`;
export const mb = (n: number) => `${round(n / 1024 / 1024, 2)} MB`;
export const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');

/** Progress goes to stderr, so `--json` output stays one object on stdout. */
export const progress = (s: string) => process.stderr.write(`${s}\n`);

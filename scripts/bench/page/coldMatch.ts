/**
 * A 10,000-account synthetic pack imported through the background; the `view:get`
 * round trip from an extension page right after the worker was stopped (wake, open
 * IndexedDB, load, index, match, view).
 */
import { synthPack } from '../synth';
import type { Control } from './browser';
import { BUDGET, mb, progress, quantile, round } from './figures';

export async function coldMatch(control: Control, coldRuns: number) {
  const synth = synthPack({ accounts: 10_000 });
  const text = JSON.stringify(synth.pack);
  progress(`cold first match: importing a 10,000-account pack (${mb(text.length)})`);
  const imported = await control.send('pack:import', { text, source: 'bench:synthetic-10k' });
  if (!imported.reply.ok) throw new Error(`the synthetic pack was not imported: ${imported.reply.error}`);
  const payload = { ctx: synth.crmPage, lang: 'en' };
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    await control.stopWorker();
    const r = await control.send('view:get', payload);
    if (!r.reply.ok) throw new Error(`view:get failed: ${r.reply.error}`);
    cold.push(r.ms);
  }
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push((await control.send('view:get', payload)).ms);
  const p50 = quantile(cold, 0.5);
  return {
    accounts: 10_000,
    packBytes: text.length,
    importMs: round(imported.ms),
    runs: cold.length,
    coldP50Ms: round(p50),
    coldP95Ms: round(quantile(cold, 0.95)),
    coldMaxMs: round(Math.max(...cold)),
    warmP50Ms: round(quantile(warm, 0.5), 2),
    budgetMs: BUDGET.coldMatchMs,
    ok: p50 <= BUDGET.coldMatchMs,
  };
}

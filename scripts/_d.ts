import { readFileSync } from 'node:fs';
import { buildCorpus, read } from './eval-pages/corpus';
import { MUTATIONS } from './eval-pages/mutations';
import { matchPage } from '../utils/match/match';
import { buildIndex } from '../utils/match/index';
const sample = JSON.parse(readFileSync('assets/sample-pack.json','utf8'));
const c = buildCorpus(sample, new Date());
for (const id of process.argv.slice(2)) {
  const p = c.pages.find(x=>x.page.id===id)!;
  const acc = c.pack.accounts.find(a=>a.id===p.accountId)!;
  const pack = { ...c.pack, accounts: c.pack.accounts.filter(a=>a.id!==p.accountId) };
  const ctx = read(p.page, d=>MUTATIONS.find(m=>m.id==='release')!.apply(d))!;
  const r = matchPage(buildIndex(pack), ctx, {});
  console.log(id, 'own:', acc.id, acc.name, '| heading:', ctx.read?.heading, '| layer', ctx.read?.layer, '| got', r.accountId, JSON.stringify(r.accountReasons));
}

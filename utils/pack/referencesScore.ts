/**
 * Reference checks for the scorecard, win/loss and health-profile parts of a pack
 * (utils/pack/schemaScore.ts): every id they name exists, and a stage's closing labels
 * are labels that stage maps, so a pack that passes intake never leaves the sidebar a
 * dangling id.
 */
import type { KnowledgePack } from './schema';
import type { PackError } from './validate';
import { normalizeLoose } from '../match/normalize';

function unique(ids: readonly string[], at: (i: number) => string, what: string, errors: PackError[]): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) errors.push({ path: at(i), message: `duplicate ${what} "${id}" (first used at ${at(first)})` });
    else seen.set(id, i);
  });
}

function checkStages(pack: KnowledgePack, errors: PackError[]): void {
  const elements = new Set(pack.qualification?.elements.map((e) => e.id) ?? []);
  pack.playbooks.forEach((p, pi) =>
    p.stages.forEach((s, si) => {
      const at = `playbooks[${pi}].stages[${si}]`;
      s.requiresValidated.forEach((id, i) => {
        if (!elements.has(id)) errors.push({ path: `${at}.requiresValidated[${i}]`, message: pack.qualification ? `unknown scorecard element "${id}"` : `"${id}" needs a pack qualification (scorecard) that has it` });
      });
      if (!s.outcome) return;
      const mapped = new Set(Object.values(s.crmStages ?? {}).flatMap((names) => (names ?? []).map(normalizeLoose)));
      for (const kind of ['won', 'lost'] as const) {
        s.outcome[kind].forEach((label, i) => {
          if (!mapped.has(normalizeLoose(label))) errors.push({ path: `${at}.outcome.${kind}[${i}]`, message: `"${label}" is not one of this stage's crmStages` });
        });
      }
    }),
  );
}

function checkHealth(pack: KnowledgePack, errors: PackError[]): void {
  const measures = new Set(pack.healthModel.measures.map((m) => m.id));
  const profiles = pack.healthModel.profiles;
  unique(profiles.map((p) => p.id), (i) => `healthModel.profiles[${i}].id`, 'profile id', errors);
  profiles.forEach((p, pi) => {
    for (const id of Object.keys(p.weights)) {
      if (!measures.has(id)) errors.push({ path: `healthModel.profiles[${pi}].weights.${id}`, message: `unknown measure id "${id}"` });
    }
    if (!Object.values(p.weights).some((w) => w > 0)) errors.push({ path: `healthModel.profiles[${pi}].weights`, message: 'expected at least one measure with a weight above 0' });
  });
  const ids = new Set(profiles.map((p) => p.id));
  pack.accounts.forEach((a, ai) => {
    if (a.lifecycle && !ids.has(a.lifecycle)) errors.push({ path: `accounts[${ai}].lifecycle`, message: `unknown health profile "${a.lifecycle}"` });
  });
}

export function checkScoreReferences(pack: KnowledgePack, errors: PackError[]): void {
  if (pack.qualification) unique(pack.qualification.elements.map((e) => e.id), (i) => `qualification.elements[${i}].id`, 'element id', errors);
  if (pack.winLoss) unique(pack.winLoss.reasons.map((r) => r.id), (i) => `winLoss.reasons[${i}].id`, 'reason id', errors);
  checkStages(pack, errors);
  checkHealth(pack, errors);
}

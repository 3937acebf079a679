/**
 * The workbench's common edits, each mapped to the one file the authoring folder keeps
 * it in (the layout of build.ts): a battlecard section or objection → the competitor's
 * `<id>.<locale>.md`; a checklist item → `playbooks/<id>.yaml`; an account's competitors
 * → its row in the CSV export pack.yaml maps (or `accounts.yaml`). Pure: reads through
 * PackFiles, returns the file's new text for the caller to write.
 */
import { parse } from 'yaml';
import type { PackFiles } from '../files';
import { FILES, mdName } from '../layout';
import { DEFAULT_LIST_SEPARATOR } from '../config';
import { setObjection, setSection, type ObjectionParts } from './markdown';
import { setChecklistItem, setYamlAccountCompetitors } from './yaml';
import { setCsvCell } from './csv';

export type Edit =
  | { kind: 'section'; competitorId: string; locale: string; field: string; value: string | string[] }
  | { kind: 'objection'; competitorId: string; locale: string; objectionId: string; parts: ObjectionParts }
  | { kind: 'checklist'; playbookId: string; stageId: string; itemId: string; locale: string; text: string }
  | { kind: 'competitors'; accountId: string; competitors: string[] };

export interface EditResult {
  file: string;
  text: string;
}

export async function applyEdit(files: PackFiles, edit: Edit, defaultLocale: string): Promise<EditResult> {
  const all = new Set(await files.list());
  switch (edit.kind) {
    case 'section':
    case 'objection': {
      const file = battlecardFile(all, edit.competitorId, edit.locale, defaultLocale);
      const old = all.has(file) ? await files.readText(file) : `# ${edit.competitorId}\n`;
      const text = edit.kind === 'section' ? setSection(old, edit.field, edit.value) : setObjection(old, edit.objectionId, edit.parts);
      return { file, text };
    }
    case 'checklist': {
      const file = `playbooks/${edit.playbookId}.yaml`;
      if (!all.has(file)) throw new Error(`${file}: no such file`);
      const text = setChecklistItem(await files.readText(file), { stageId: edit.stageId, itemId: edit.itemId, locale: edit.locale, defaultLocale }, edit.text);
      return { file, text };
    }
    case 'competitors':
      return accountCompetitors(files, all, edit.accountId, edit.competitors);
  }
}

/** `competitors/globex.zh-CN.md`; the plain `globex.md` when that is how the folder writes the default locale. */
export function battlecardFile(all: Set<string>, competitorId: string, locale: string, defaultLocale: string): string {
  const plain = `competitors/${mdName(competitorId, null)}`;
  if (locale === defaultLocale && all.has(plain)) return plain;
  return `competitors/${mdName(competitorId, locale)}`;
}

async function accountCompetitors(files: PackFiles, all: Set<string>, accountId: string, competitors: string[]): Promise<EditResult> {
  if (all.has(FILES.accounts)) {
    const text = await files.readText(FILES.accounts);
    // Hand-written accounts first; an account not in that file comes from the CSV.
    const edited = setYamlAccountCompetitors(text, accountId, competitors);
    if (edited !== null) return { file: FILES.accounts, text: edited };
  }
  const config = (parse(await files.readText(FILES.pack)) ?? {}) as { accounts?: { file?: string; delimiter?: string; listSeparator?: string; columns?: Record<string, string> } };
  const src = config.accounts;
  const column = src?.columns?.competitors;
  if (!src?.file || !src.columns?.id || !column) throw new Error(`${FILES.pack} maps no "competitors" column for the accounts CSV`);
  const sep = src.listSeparator ?? DEFAULT_LIST_SEPARATOR;
  const text = setCsvCell(await files.readText(src.file), { keyColumn: src.columns.id, key: accountId, column, delimiter: src.delimiter }, competitors.join(sep));
  return { file: src.file, text };
}

/**
 * Write-back into YAML with the `yaml` package (the library the build parses with).
 * Changing a text that is already there edits that one scalar in the concrete syntax
 * tree, so every other byte of the file — comments, key order, quoting, how long lines
 * were folded — is kept. Adding something (a new item, a new locale) goes through the
 * Document API, which also keeps comments and order but re-prints the file.
 */
import { CST, Composer, Parser, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';

type Path = (string | number)[];

const PRINT = { lineWidth: 80, flowCollectionPadding: false } as const;

export function editYaml(text: string, edit: (doc: Document) => void): string {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(doc.errors[0].message);
  edit(doc);
  return doc.toString(PRINT);
}

/** Sets the existing scalar at `path` in place; null when there is no scalar there. */
export function setScalarInPlace(text: string, path: Path, value: string): string | null {
  const tokens = [...new Parser().parse(text)];
  const [doc] = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  if (!doc || doc.errors.length) return null;
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.srcToken) return null;
  CST.setScalarValue(node.srcToken, value, { afterKey: typeof path[path.length - 1] === 'string' });
  const out = tokens.map((t) => CST.stringify(t)).join('');
  // Only trust it if the file still reads back with the new value there.
  return parseDocument(out).getIn(path) === value ? out : null;
}

/** Index of the item with `id` in the list at `path`, or -1. */
export function indexById(doc: Document, path: Path, id: string): number {
  const seq = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isSeq(seq)) return -1;
  return seq.items.findIndex((item) => isMap(item) && item.get('id') === id);
}

/** Sets the text of a checklist item in a playbook file, in one locale; adds the item at the end of the stage's checklist when it is new. */
export function setChecklistItem(text: string, at: { stageId: string; itemId: string; locale: string; defaultLocale: string }, value: string): string {
  const { stageId, itemId, locale, defaultLocale } = at;
  const doc = parseDocument(text);
  const stage = indexById(doc, ['stages'], stageId);
  if (stage < 0) throw new Error(`no stage "${stageId}" in this playbook`);
  const list = ['stages', stage, 'checklist'];
  const item = indexById(doc, list, itemId);
  if (item >= 0) {
    const textPath = [...list, item, 'text'];
    // A plain string is the default locale's text.
    const plain = typeof doc.getIn(textPath) === 'string';
    const inPlace = plain ? (locale === defaultLocale ? setScalarInPlace(text, textPath, value) : null) : setScalarInPlace(text, [...textPath, locale], value);
    if (inPlace !== null) return inPlace;
  }
  return editYaml(text, (d) => {
    if (item < 0) {
      const node = d.createNode({ id: itemId, text: locale === defaultLocale ? value : { [locale]: value } });
      const seq = d.getIn(list, true);
      if (isSeq(seq)) seq.items.push(node);
      else d.setIn(list, d.createNode([node]));
      return;
    }
    const textPath = [...list, item, 'text'];
    const old = d.getIn(textPath);
    if (typeof old === 'string') d.setIn(textPath, d.createNode({ [defaultLocale]: old, [locale]: value }));
    else d.setIn([...textPath, locale], value);
  });
}

/** Sets an account's competitors in accounts.yaml (hand-written accounts); null when the file does not have that account. */
export function setYamlAccountCompetitors(text: string, accountId: string, competitors: string[]): string | null {
  let found = true;
  const out = editYaml(text, (doc) => {
    const path: Path = isSeq(doc.contents) ? [] : ['accounts'];
    const i = indexById(doc, path, accountId);
    if (i < 0) return void (found = false);
    const node = doc.createNode(competitors);
    node.flow = true;
    doc.setIn([...path, i, 'competitors'], node);
  });
  return found ? out : null;
}

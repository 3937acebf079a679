/** JSON paths as ops read them in messages: `competitors[3].battlecard.objections[0].response`. */
export type PathItem = { key: unknown };

export function formatPath(items: readonly PathItem[] | readonly (string | number)[] | undefined): string {
  let out = '';
  for (const item of items ?? []) {
    const key = typeof item === 'object' && item !== null ? (item as PathItem).key : item;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

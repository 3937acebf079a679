/**
 * The authoring folder the workbench works on, whatever it came from, as the build's
 * PackFiles plus a way to write a file back:
 * - a folder picked with the File System Access API (Chromium; also the Origin Private
 *   File System the e2e tests fill): read and written in place, watched for changes;
 * - a folder picked with `<input webkitdirectory>` (Firefox) or a zip: a copy in the
 *   page's memory — edits change the copy, "Download folder (.zip)" saves it, the
 *   files on disk are never written.
 */
import type { PackFiles } from '@/utils/pack/authoring/files';
import { readZip, stripTopFolder } from '@/utils/pack/zip';

export type FolderKind = 'disk' | 'copy';

export interface WorkFolder {
  name: string;
  kind: FolderKind;
  files: PackFiles;
  write(path: string, text: string): Promise<void>;
  /** Changes whenever a file is added, removed or saved (disk folders only; a copy changes only through write). */
  stamp(): Promise<string>;
  /** Every file's text, for the zip download. */
  snapshot(): Promise<Record<string, string>>;
}

/** Dot-files and OS litter are not part of a folder (the CLI's nodeFiles skips the same). */
const skipped = (name: string) => name.startsWith('.') || name === 'node_modules' || name === '__MACOSX';

async function walk(dir: FileSystemDirectoryHandle, prefix = '', out = new Map<string, FileSystemFileHandle>()) {
  for await (const [name, h] of dir.entries()) {
    if (skipped(name)) continue;
    if (h.kind === 'directory') await walk(h as FileSystemDirectoryHandle, `${prefix}${name}/`, out);
    else out.set(`${prefix}${name}`, h as FileSystemFileHandle);
  }
  return out;
}

async function fileHandle(root: FileSystemDirectoryHandle, path: string, create: boolean): Promise<FileSystemFileHandle> {
  const parts = path.split('/');
  let dir = root;
  for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create });
  return dir.getFileHandle(parts[parts.length - 1], { create });
}

export function diskFolder(root: FileSystemDirectoryHandle): WorkFolder {
  const read = async (path: string) => (await (await fileHandle(root, path, false)).getFile()).text();
  const files: PackFiles = {
    list: async () => [...(await walk(root)).keys()].sort(),
    readText: read,
    size: async (path) => (await (await fileHandle(root, path, false)).getFile()).size,
  };
  return {
    name: root.name,
    kind: 'disk',
    files,
    async write(path, text) {
      const w = await (await fileHandle(root, path, true)).createWritable();
      await w.write(text);
      await w.close();
    },
    async stamp() {
      const parts: string[] = [];
      for (const [path, h] of await walk(root)) {
        const f = await h.getFile();
        parts.push(`${path}:${f.size}:${f.lastModified}`);
      }
      return parts.sort().join('|');
    },
    snapshot: async () => Object.fromEntries(await Promise.all((await files.list()).map(async (p) => [p, await read(p)] as const))),
  };
}

/** A copy held in memory: path → text. */
export function copyFolder(name: string, texts: Record<string, string>): WorkFolder {
  const map = new Map(Object.entries(texts));
  let version = 0;
  return {
    name,
    kind: 'copy',
    files: {
      list: async () => [...map.keys()].sort(),
      readText: async (path) => {
        const t = map.get(path);
        if (t === undefined) throw new Error(`${path}: no such file`);
        return t;
      },
      size: async (path) => new TextEncoder().encode(map.get(path) ?? '').length,
    },
    async write(path, text) {
      map.set(path, text);
      version++;
    },
    stamp: async () => String(version),
    snapshot: async () => Object.fromEntries(map),
  };
}

/** Files from `<input webkitdirectory>`: their paths start with the picked folder's name. */
export async function pickedFilesFolder(list: FileList | File[]): Promise<WorkFolder> {
  const all = [...list];
  const texts: Record<string, string> = {};
  for (const f of all) {
    const path = (f.webkitRelativePath || f.name).split('/');
    if (path.some(skipped)) continue;
    texts[path.join('/')] = await f.text();
  }
  const top = all[0]?.webkitRelativePath.split('/')[0] ?? 'folder';
  return copyFolder(top, stripTopFolder(texts));
}

export async function zipFolder(name: string, bytes: Uint8Array): Promise<WorkFolder> {
  const dec = new TextDecoder('utf-8', { fatal: false });
  const entries = stripTopFolder(await readZip(bytes));
  const texts: Record<string, string> = {};
  for (const [path, data] of Object.entries(entries)) if (!path.split('/').some(skipped)) texts[path] = dec.decode(data);
  return copyFolder(name.replace(/\.zip$/i, ''), texts);
}

/** Writes every file of `from` into `root` (unzipping a copy into a folder the person picked). */
export async function saveInto(root: FileSystemDirectoryHandle, from: WorkFolder): Promise<WorkFolder> {
  const disk = diskFolder(root);
  for (const [path, text] of Object.entries(await from.snapshot())) await disk.write(path, text);
  return disk;
}

declare global {
  interface Window {
    /** Chromium only (File System Access API). */
    showDirectoryPicker?: (opts?: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle>;
  }
}

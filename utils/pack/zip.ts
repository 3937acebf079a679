/**
 * Just enough ZIP for a pack folder: the extension build writes the sample folder as a
 * store-only zip (no compression: a few dozen small text files), and the options page's
 * workbench opens a zip a person was sent. Reading takes stored and deflated entries
 * (what `zip`, Finder and Windows write); deflate goes through the platform's
 * DecompressionStream, so no inflater ships. No zip64, no encryption: a pack folder
 * never needs them, and such a file is refused with a message.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00: a fixed date keeps the zip byte-identical between builds. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: names are UTF-8. */
const UTF8 = 0x0800;

/** A store-only zip of `files` (path → bytes or text), in the order given. */
export function writeZip(files: Record<string, Uint8Array | string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [path, content] of Object.entries(files)) {
    const name = enc.encode(path);
    const data = typeof content === 'string' ? enc.encode(content) : content;
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    header(l, 4, crc, data.length, name.length);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true); // made by: version 2.0
    header(c, 6, crc, data.length, name.length);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const dirSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, centrals.length, true);
  e.setUint16(10, centrals.length, true);
  e.setUint32(12, dirSize, true);
  e.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/** The fields local and central headers share, from "version needed" to the name's length. */
function header(v: DataView, at: number, crc: number, size: number, nameLength: number): void {
  v.setUint16(at, 20, true);
  v.setUint16(at + 2, UTF8, true);
  v.setUint16(at + 4, 0, true); // stored
  v.setUint16(at + 6, DOS_TIME, true);
  v.setUint16(at + 8, DOS_DATE, true);
  v.setUint32(at + 10, crc, true);
  v.setUint32(at + 14, size, true);
  v.setUint32(at + 18, size, true);
  v.setUint16(at + 22, nameLength, true);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class ZipError extends Error {}

/** Every file in a zip (folders left out), path → bytes; each entry's CRC is checked. */
export async function readZip(zip: Uint8Array): Promise<Record<string, Uint8Array>> {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEnd(v);
  const count = v.getUint16(eocd + 10, true);
  let at = v.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  const out: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || v.getUint32(at, true) !== 0x02014b50) throw new ZipError('the zip’s directory is damaged');
    const flags = v.getUint16(at + 8, true);
    const method = v.getUint16(at + 10, true);
    const crc = v.getUint32(at + 16, true);
    const size = v.getUint32(at + 20, true);
    const nameLen = v.getUint16(at + 28, true);
    const skip = nameLen + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
    const local = v.getUint32(at + 42, true);
    const name = dec.decode(zip.subarray(at + 46, at + 46 + nameLen));
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new ZipError(`${name}: encrypted entries are not supported`);
    const dataAt = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const data = await inflate(zip.subarray(dataAt, dataAt + size), method, name);
    if (crc32(data) !== crc) throw new ZipError(`${name}: damaged (checksum mismatch)`);
    out[name] = data;
  }
  return out;
}

function findEnd(v: DataView): number {
  // The end record is the last 22 bytes plus a comment of at most 64 KB.
  for (let i = v.byteLength - 22; i >= Math.max(0, v.byteLength - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === 0x06054b50) return i;
  }
  throw new ZipError('not a zip file');
}

async function inflate(data: Uint8Array, method: number, name: string): Promise<Uint8Array> {
  if (method === 0) return data.slice();
  if (method !== 8) throw new ZipError(`${name}: compression method ${method} is not supported (use a plain zip)`);
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The paths with their one shared top folder removed ("lumora-sample/pack.yaml" → "pack.yaml"), so a zipped folder opens as that folder. */
export function stripTopFolder<T>(files: Record<string, T>): Record<string, T> {
  const paths = Object.keys(files);
  const top = paths[0]?.split('/')[0];
  if (!top || !paths.every((p) => p.startsWith(`${top}/`))) return files;
  return Object.fromEntries(paths.map((p) => [p.slice(top.length + 1), files[p]]));
}

/**
 * Reading a pack over HTTP, shared by the scheduled sync and the options page's URL
 * import: the https rule holds for where a redirect ends, and no more than the size
 * cap is ever read — a server that sends 700 MB costs 40 MB of reading and nothing
 * more, instead of the whole body buffered before anyone looks at its size.
 */
import { MAX_PACK_BYTES } from '../pack/validate';
import { checkPackUrl } from './settings';

export type PackReadProblem = 'too-large' | 'not-utf8' | 'redirect';

export class PackReadError extends Error {
  constructor(
    message: string,
    readonly problem: PackReadProblem,
  ) {
    super(message);
  }
}

export type Progress = (loaded: number, total: number | null) => void;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Why the place a fetch ended up at is refused, or null. Browsers follow redirects
 * without showing the hops (`redirect: 'manual'` only yields an opaque response), so
 * the check is on the final URL, before a byte of the body is read: it must pass the
 * same rule as a configured pack URL, and an https request must not end on http.
 */
export function refusedRedirect(requested: string, res: Response): string | null {
  const final = res.url;
  if (!final || final === requested) return null;
  const rule = checkPackUrl(final);
  const downgraded = new URL(requested).protocol === 'https:' && new URL(final).protocol !== 'https:';
  if (!rule && !downgraded) return null;
  return `the server redirected to ${final}, which is refused: ${rule ?? 'an https pack URL must not lead to plain http'}`;
}

/** The body's declared size, when the server sent one. */
export function declaredLength(res: Response): number | null {
  const n = Number(res.headers.get('Content-Length') ?? NaN);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Reads a body as UTF-8 text, at most `max` bytes: a declared size over the cap is
 * refused before reading, and the stream is cancelled as soon as the count passes it
 * (a missing or lying Content-Length, or a compressed body that grows). Not UTF-8 is
 * refused with the byte it went wrong at.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, opts: { declared?: number | null; max?: number; onProgress?: Progress } = {}): Promise<string> {
  const max = opts.max ?? MAX_PACK_BYTES;
  const declared = opts.declared ?? null;
  const tooLarge = (what: string) => new PackReadError(`${what}; the largest pack accepted is ${mb(max)}`, 'too-large');
  if (declared !== null && declared > max) {
    await body?.cancel().catch(() => undefined);
    throw tooLarge(`the file is ${mb(declared)}`);
  }
  if (!body) return '';
  const reader = body.getReader();
  // fatal: a pack that is not UTF-8 is refused with a reason, not silently mangled.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let loaded = 0;
  opts.onProgress?.(0, declared);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (loaded > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`the file is larger than ${mb(max)} (reading stopped there)`);
    }
    try {
      parts.push(decoder.decode(value, { stream: true }));
    } catch {
      await reader.cancel().catch(() => undefined);
      throw new PackReadError(`not UTF-8 (around byte ${loaded}): save the pack as UTF-8`, 'not-utf8');
    }
    opts.onProgress?.(loaded, declared);
  }
  try {
    parts.push(decoder.decode());
  } catch {
    throw new PackReadError('not UTF-8: the file ends inside a character; save the pack as UTF-8', 'not-utf8');
  }
  return parts.join('');
}

/** A fetched response's body, after the redirect rule: what sync and URL import read. */
export async function readPackResponse(requested: string, res: Response, onProgress?: Progress): Promise<string> {
  const redirect = refusedRedirect(requested, res);
  if (redirect) {
    await res.body?.cancel().catch(() => undefined);
    throw new PackReadError(redirect, 'redirect');
  }
  return readCapped(res.body, { declared: declaredLength(res), onProgress });
}

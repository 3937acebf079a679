/** Reads a picked file or a URL as text, reporting bytes as they arrive (for the progress bar). */
export type Progress = (loaded: number, total: number | null) => void;

async function readBody(body: ReadableStream<Uint8Array>, total: number | null, onProgress: Progress): Promise<string> {
  const reader = body.getReader();
  // fatal: a pack that is not UTF-8 is refused with a reason, not silently mangled.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    try {
      parts.push(decoder.decode(value, { stream: true }));
    } catch {
      await reader.cancel();
      throw new Error(`not UTF-8 (around byte ${loaded}): save the pack as UTF-8`);
    }
    onProgress(loaded, total);
  }
  try {
    parts.push(decoder.decode());
  } catch {
    throw new Error('not UTF-8: the file ends inside a character; save the pack as UTF-8');
  }
  return parts.join('');
}

export function readFile(file: File, onProgress: Progress): Promise<string> {
  onProgress(0, file.size);
  return readBody(file.stream(), file.size, onProgress);
}

export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export async function readUrl(url: string, onProgress: Progress): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow' });
  } catch (e) {
    throw new FetchError((e as Error).message || 'network error', null);
  }
  if (!res.ok || !res.body) throw new FetchError(`HTTP ${res.status}`, res.status);
  const length = Number(res.headers.get('Content-Length'));
  return readBody(res.body, Number.isFinite(length) && length > 0 ? length : null, onProgress);
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * Reads a picked file or a URL as text, reporting bytes as they arrive (for the
 * progress bar). Both go through the same capped, UTF-8-checking reader as sync, so
 * a 700 MB file or response is refused after 40 MB instead of being read whole.
 */
import { PackReadError, readCapped, readPackResponse, refusedRedirect, type Progress } from '@/utils/sync/fetchPack';

export { PackReadError, type Progress };

export function readFile(file: File, onProgress: Progress): Promise<string> {
  onProgress(0, file.size);
  return readCapped(file.stream(), { declared: file.size, onProgress });
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
  if (!res.ok || !res.body) {
    const redirect = refusedRedirect(url, res);
    throw redirect ? new PackReadError(redirect, 'redirect') : new FetchError(`HTTP ${res.status}`, res.status);
  }
  return readPackResponse(url, res, onProgress);
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * A copy of the built extension that starts with host permissions granted. The
 * browser's permission prompt cannot be driven from a test (it is browser UI, not page
 * content); what the prompt grants is a host permission for the origin, and an unpacked
 * copy whose manifest lists that origin starts with exactly that grant, so the rest runs
 * as it does after a person clicks *Allow*.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../../scripts/demo/launch';

export function grantedCopy(origins: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

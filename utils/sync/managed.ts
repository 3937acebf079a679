/**
 * The one place the background reads the enterprise policy (managed storage:
 * Chrome's managed_schema / GPO / plist, Firefox's policies.json "3rdparty").
 *
 * Browsers do not let an extension or a test write managed storage. So the e2e
 * build — and only that build (`wxt build --mode e2e`, which sets
 * import.meta.env.MODE) — reads the policy from a `local:` storage item that the
 * test seeds through the service worker, exactly as the browser would hand it over.
 * In every other build the branch is removed at compile time (tests/e2e/ops.spec.ts
 * checks the production bundle does not contain the item's key).
 */
import { browser } from 'wxt/browser';

const E2E_POLICY_KEY = 'e2e.managedPolicy';
const e2e = import.meta.env.MODE === 'e2e';

export async function readManaged(): Promise<unknown> {
  if (e2e) return (await browser.storage.local.get(E2E_POLICY_KEY))[E2E_POLICY_KEY] ?? {};
  try {
    // Firefox rejects when no policy exists for the extension; Chrome answers {}.
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

/** Calls `onChange` when the policy changes (IT pushed a new one). */
export function watchManaged(onChange: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (e2e ? area === 'local' && E2E_POLICY_KEY in changes : area === 'managed') onChange();
  });
}

/** The policy's `defaultRole` (issue 16.1), or null when it sets none or something else. */
export function policyRole(raw: unknown): 'sales' | 'cs' | null {
  const r = typeof raw === 'object' && raw !== null ? (raw as { defaultRole?: unknown }).defaultRole : undefined;
  return r === 'sales' || r === 'cs' ? r : null;
}

/**
 * The workbench's state and actions: the folder in work, its last build (the same
 * buildPackFolder the CLI runs, on the folder's files), when it was checked, the
 * preview's pick, edits written back, signing. Re-checks when a folder on disk changes
 * (a cheap stamp of sizes and dates, compared every few seconds while the page is open).
 * Pure apart from the folder and the timer it is handed, so unit tests can drive it.
 */
import { batch, computed, signal } from '@preact/signals';
import { buildPackFolder, type BuildResult } from '@/utils/pack/authoring/build';
import { formatPackJson } from '@/utils/pack/authoring/format';
import { applyEdit, type Edit } from '@/utils/pack/authoring/edit/edits';
import { signPack } from '@/utils/pack/sign';
import type { PreviewPick } from '@/utils/view/preview';
import type { PageContext } from '@/utils/sites/types';
import type { WorkFolder } from './folder';

export interface WorkbenchDeps {
  /** Calls `fn` every `ms`; returns a stop. */
  every(ms: number, fn: () => Promise<void>): () => void;
  now(): Date;
}

export const WATCH_MS = 2_000;

export type WorkbenchModel = ReturnType<typeof createWorkbenchModel>;

export function createWorkbenchModel(deps: WorkbenchDeps) {
  const folder = signal<WorkFolder | null>(null);
  const result = signal<BuildResult | null>(null);
  const checkedAt = signal<Date | null>(null);
  const checking = signal(false);
  const error = signal<string | null>(null);
  const pick = signal<PreviewPick>({ accountId: null, stage: null });
  /** A saved page the preview reads instead of the picked account (like npm run explain). */
  const page = signal<{ name: string; ctx: PageContext | null } | null>(null);
  const signed = signal<{ text: string; keyId: string } | null>(null);
  const lastEdit = signal<string | null>(null);

  const pack = computed(() => (result.value?.ok ? result.value.validated : null));
  const packText = computed(() => (result.value?.ok ? formatPackJson(result.value.pack) : null));
  let stamp = '';
  let stopWatch = () => {};

  async function check() {
    const f = folder.peek();
    if (!f) return;
    checking.value = true;
    try {
      const r = await buildPackFolder(f.files);
      const at = deps.now();
      batch(() => {
        result.value = r;
        checkedAt.value = at;
        error.value = null;
        // A signature belongs to the pack it signed.
        signed.value = null;
        keepPick(r);
      });
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      checking.value = false;
    }
  }

  /** The picked account or stage may be gone from the new build: then the first account, its stage. */
  function keepPick(r: BuildResult) {
    if (!r.ok) return;
    const p = pick.peek();
    const accounts = r.validated.accounts;
    const account = accounts.find((a) => a.id === p.accountId) ?? accounts[0] ?? null;
    const stageOk = p.stage && r.validated.playbooks.some((pb) => pb.id === p.stage!.playbookId && pb.stages.some((s) => s.id === p.stage!.stageId));
    pick.value = { accountId: account?.id ?? null, stage: stageOk ? p.stage : null };
  }

  async function open(next: WorkFolder) {
    stopWatch();
    batch(() => {
      folder.value = next;
      result.value = null;
      page.value = null;
      lastEdit.value = null;
    });
    stamp = await next.stamp().catch(() => '');
    await check();
    if (next.kind === 'disk') stopWatch = deps.every(WATCH_MS, recheckIfChanged);
  }

  async function recheckIfChanged() {
    const f = folder.peek();
    if (!f || checking.peek()) return;
    const now = await f.stamp().catch(() => stamp);
    if (now === stamp) return;
    stamp = now;
    await check();
  }

  /** Writes one edit into the folder's own file, then re-checks. */
  async function edit(e: Edit) {
    const f = folder.peek();
    if (!f) return;
    try {
      const locale = pack.peek()?.meta.defaultLocale ?? 'en';
      const { file, text } = await applyEdit(f.files, e, locale);
      await f.write(file, text);
      lastEdit.value = file;
      stamp = await f.stamp().catch(() => stamp);
      await check();
    } catch (err) {
      error.value = (err as Error).message;
    }
  }

  async function sign(privateKeyPem: string) {
    const r = result.peek();
    if (!r?.ok) return;
    try {
      const doc = await signPack(r.pack, privateKeyPem);
      signed.value = { text: formatPackJson(doc), keyId: doc.signature.keyId };
      error.value = null;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  return { folder, result, checkedAt, checking, error, pick, page, signed, lastEdit, pack, packText, open, check, edit, sign, close: () => stopWatch() };
}

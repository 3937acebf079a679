/**
 * A value read from extension storage, kept in the worker's memory until storage says it
 * changed. Memory is only a cache here: a woken worker reads afresh, and nothing waits on
 * the value surviving. The role and language settings and the policy are read on every
 * view, where a storage read took up to ~11 ms under an in-app switch's load.
 */
export function keptUntilChanged<T>(read: () => Promise<T>, watch: (changed: () => void) => void): (() => Promise<T>) & { drop(): void } {
  let kept: Promise<T> | null = null;
  const drop = () => {
    kept = null;
  };
  // A change while a read is on its way drops it too: the next caller reads again.
  watch(drop);
  const get = () => {
    if (kept) return kept;
    const reading = read();
    kept = reading;
    // A failed read is not kept.
    reading.catch(() => {
      if (kept === reading) kept = null;
    });
    return reading;
  };
  // `drop`: for a writer that must not wait for storage's change event (the worker's own write).
  return Object.assign(get, { drop });
}

/**
 * Search-as-you-type answers can come back out of order (a short query matches more
 * and takes longer): only the newest call's answer is taken. A call that was overtaken
 * resolves to `superseded` instead of its answer.
 */
export const superseded = Symbol('superseded');

export function newestOnly<A, R>(fn: (arg: A) => Promise<R>): (arg: A) => Promise<R | typeof superseded> {
  let seq = 0;
  return async (arg) => {
    const mine = ++seq;
    const got = await fn(arg);
    return mine === seq ? got : superseded;
  };
}

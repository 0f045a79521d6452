/**
 * Turns a self-contained function into an expression to evaluate in a page or worker.
 *
 * Why not pass the function itself: tsx (esbuild with keepNames) rewrites inner named
 * functions as `__name(fn, "fn")`, a helper that exists in Node but not in the page, so a
 * probe that works under vitest would throw under `npm run sweep`. The expression defines a
 * do-nothing `__name` in its own scope, never on the page's global.
 */
export function pageExpression<A, R>(fn: (arg: A) => R, arg?: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
}

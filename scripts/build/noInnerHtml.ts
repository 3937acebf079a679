/**
 * Vite plugin: Preact's renderer keeps one `el.innerHTML = props.dangerouslySetInnerHTML.__html`
 * for a prop we never use. It is the only dynamic `innerHTML` in the bundles, and Mozilla's
 * addons-linter warns on it (UNSAFE_VAR_ASSIGNMENT). We replace it with a throw, so the
 * warning goes and a future `dangerouslySetInnerHTML` fails loudly instead of injecting
 * HTML (docs/security.md: pack content is data, never markup).
 */
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact(\.min)?(\.module)?\.m?js$/;
const ASSIGN = /(\b[\w$]+)\.innerHTML\s*=\s*([\w$]+)\.__html/g;

export function noInnerHtml(): Plugin {
  return {
    name: 'frontline:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT.test(id.split('?')[0])) return null;
      const out = code.replace(ASSIGN, '$1.textContent=(()=>{throw new Error("Frontline: dangerouslySetInnerHTML is disabled")})()');
      if (out === code) this.error(`${id}: Preact no longer assigns innerHTML the way scripts/build/noInnerHtml.ts expects; update the pattern`);
      return { code: out, map: null };
    },
  };
}

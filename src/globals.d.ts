/** Content hash of the bundled topic pack, injected by build.mjs (esbuild define). */
declare const __PACK_HASH__: string | undefined;

/** Stylesheets imported as text (esbuild loader "text") for shadow roots. */
declare module '*.css' {
  const css: string;
  export default css;
}

/** The browser a bundle is built for, injected by build.mjs; undefined when run from source. */
declare const __BROWSER__: 'chrome' | 'firefox' | undefined;

/** The matcher's per-node prefilter sources, computed from the pack by build.mjs; undefined from source. */
declare const __PREFILTER__: { core: string; all: string } | undefined;

/** The page gate's literals packed for content.js (core/gate.ts, packGate), computed from the pack by build.mjs. */
declare const __GATE__: import('./core/gate').PackedGate;

/** The matcher's termTable(names), computed by build.mjs; undefined from source. */
declare const __TERM_TABLE__: [boolean, string[] | null][] | undefined;

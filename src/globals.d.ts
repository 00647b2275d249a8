/** Content hash of the bundled topic pack, injected by build.mjs (esbuild define). */
declare const __PACK_HASH__: string | undefined;

/** What build.mjs needs from the core to check the pack, bundled for Node by the build itself. */
export { validatePack, formatPackErrors } from '../core/pack-validate';
export { packContentHash } from '../core/pack-hash';
export { prefilterSources, gateLiterals, termTable } from '../core/matcher';
export { expandNames } from '../core/lexicon';
export { packGate } from '../core/gate';

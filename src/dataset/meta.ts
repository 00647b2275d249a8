/**
 * Version, date and content hash of the bundled pack, for the popup, options and card footer.
 * Named imports from JSON let esbuild leave the rest of the pack out of bundles that only need these.
 */
import { id, updated, version } from './treaty-2024.json';

export const packMeta = {
  id,
  version,
  updated,
  /** Set by build.mjs from the validated pack; "dev" when run from source (tests, CLI). */
  hash: typeof __PACK_HASH__ === 'string' ? __PACK_HASH__ : 'dev',
} as const;

/** What build.mjs needs from the core to check the pack, bundled for Node by the build itself. */
import { expandNames } from '../core/lexicon';
import type { MatchNames, PackNames } from '../core/pack-schema';

export { validatePack, formatPackErrors } from '../core/pack-validate';
export { packContentHash } from '../core/pack-hash';
export { prefilterSources, gateLiterals, termTable } from '../core/matcher';
export { packGate } from '../core/gate';
export { expandNames };

/**
 * The names the page bundles carry: the lexicon compiled here, and each look-alike without its label and reason,
 * which are for people reading the pack. Everything else stays, so a field the matcher reads cannot be lost.
 */
export function pageNames(names: PackNames): MatchNames {
  const expanded = expandNames(names);
  return { ...expanded, exclusions: expanded.exclusions.map(({ label: _label, reason: _reason, ...forMatcher }) => forMatcher) };
}

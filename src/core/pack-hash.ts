/**
 * A stable short content hash of a topic pack, for the card and popup ("pack 1.0.0 · 3f9a…").
 * Node only (node:crypto): used by build.mjs (which injects the result as __PACK_HASH__) and the CLI,
 * never bundled into the extension.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so key order in the file never changes the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** First 12 hex characters of SHA-256 over the canonical JSON. */
export function packContentHash(pack: unknown): string {
  return createHash('sha256').update(canonicalJson(pack), 'utf8').digest('hex').slice(0, 12);
}

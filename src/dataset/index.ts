/**
 * The bundled topic pack, as the extension reads it.
 *
 * No zod at runtime: build.mjs runs validatePack() on treaty-2024.json before every build and stops on
 * any error, and the validator also requires every field that has a schema default to be written out,
 * so the raw JSON already has the exact TopicPack shape. That keeps the schema out of the content script.
 * The content hash is computed at build time and injected as __PACK_HASH__ (see build.mjs).
 */
import type { TopicPack } from '../core/pack-schema';
import raw from './treaty-2024.json';

export const pack = raw as unknown as TopicPack;

/** Shown in every card and in the popup, so a reader knows which data they are looking at. */
export const packMeta: { readonly id: string; readonly version: string; readonly updated: string } = {
  id: pack.id,
  version: pack.version,
  updated: pack.updated,
};

export default pack;

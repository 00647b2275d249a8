/**
 * The bundled topic pack, as the extension reads it.
 *
 * No zod at runtime: build.mjs runs validatePack() on treaty-2024.json before every build and stops on
 * any error, and the validator also requires every field that has a schema default to be written out,
 * so the raw JSON already has the exact TopicPack shape. That keeps the schema out of the content script.
 * Version, date and content hash for the UI are in meta.ts (the hash is injected by build.mjs).
 */
import type { TopicPack } from '../core/pack-schema';
import raw from './treaty-2024.json';

export const pack = raw as unknown as TopicPack;

export default pack;

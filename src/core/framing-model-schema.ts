/**
 * zod schemas for the framing data files: the stance/hedge markers and the rules' lexicon (written by hand) and the
 * weights (written by `npm run train:framing`). Used by the training script and the tests, not at run time:
 * card.js reads the JSON as typed, so zod stays out of the page bundles (as with the pack, see dataset/index.ts).
 */
import { z } from 'zod';
import { LEXICON_CLASSES } from './framing-lexicon';
import { MARKER_CLASSES, MODEL_LANGUAGES } from './framing-model';

const entry = z
  .string()
  .min(1)
  .refine((s) => s === s.toLowerCase() && s.trim() === s, 'markers are lower-case and trimmed')
  .refine((s) => !/[\\()[\]{}|?+^$]/.test(s), 'markers are plain words; only a final * (stem) is special')
  .refine((s) => !s.slice(0, -1).includes('*'), 'only a final * is allowed');

const languageMarkers = z.object(Object.fromEntries(MARKER_CLASSES.map((c) => [c, z.array(entry).min(1)])) as Record<(typeof MARKER_CLASSES)[number], z.ZodArray<typeof entry>>).strict();

export const markersSchema = z
  .object({
    version: z.number().int().positive(),
    about: z.string(),
    /** Words never named on the card as "weighed most" (function words): they weigh, but say nothing to a reader. */
    notShown: z.object(Object.fromEntries(MODEL_LANGUAGES.map((l) => [l, z.array(entry)])) as Record<(typeof MODEL_LANGUAGES)[number], z.ZodArray<typeof entry>>).strict(),
    languages: z.object(Object.fromEntries(MODEL_LANGUAGES.map((l) => [l, languageMarkers])) as Record<(typeof MODEL_LANGUAGES)[number], typeof languageMarkers>).strict(),
    /** What marks reported speech for the rules (framing.ts), per language: the same plain-word entries. */
    attribution: z
      .object({
        en: z.object({ according: z.array(entry).min(1), verbs: z.array(entry).min(1) }).strict(),
        ru: z.object({ according: z.array(entry).min(1), verbs: z.array(entry).min(1) }).strict(),
        ko: z.object({ according: z.array(entry).min(1), verbs: z.array(entry).min(1), endings: z.array(entry).min(1), nouns: z.array(entry).min(1) }).strict(),
      })
      .strict(),
  })
  .strict();

const lexiconLanguage = z.object(Object.fromEntries(LEXICON_CLASSES.map((c) => [c, z.array(entry).min(1)])) as Record<(typeof LEXICON_CLASSES)[number], z.ZodArray<typeof entry>>).strict();

/** The rules' lexicon (framing-lexicon.json, read by framing-lexicon.ts): plain words and phrases, as the markers. */
export const lexiconSchema = z
  .object({
    version: z.number().int().positive(),
    about: z.string(),
    languages: z.object(Object.fromEntries(MODEL_LANGUAGES.map((l) => [l, lexiconLanguage])) as Record<(typeof MODEL_LANGUAGES)[number], typeof lexiconLanguage>).strict(),
  })
  .strict();

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

export const weightsSchema = z
  .object({
    version: z.literal(1),
    about: z.string(),
    /** log2 of the number of hash buckets. */
    bits: z.number().int().min(10).max(24),
    /** Names of the dense (hand) features, in order; must equal denseFeatureNames() of the code that reads them. */
    dense: z.array(z.string()),
    denseWeights: z.array(z.number().finite()),
    bias: z.number().finite(),
    /** Sparse weights: sorted bucket indices as base64 unsigned LEB128 deltas, weights as base64 int8 × scale. */
    index: base64,
    weights: base64,
    scale: z.number().positive(),
    /** Probability at or above which a sentence counts as opinion. */
    threshold: z.number().gt(0).lt(1),
    /** The same for a sentence that also carries someone else's words (quotation or reported speech). */
    speakerThreshold: z.number().gt(0).lt(1),
    /** Group weights of the hashed features (tuned hyper-parameters the features are built with). */
    groups: z.object({ words: z.number().nonnegative(), chars: z.number().nonnegative() }).strict(),
    markersVersion: z.number().int().positive(),
    /** Out-of-fold figures of train + dev, folds by site. */
    trained: z.object({ sentences: z.number().int(), cv: z.record(z.string(), z.number()) }).passthrough(),
  })
  .strict()
  .refine((w) => w.dense.length === w.denseWeights.length, 'dense and denseWeights differ in length');

export type WeightsFile = z.infer<typeof weightsSchema>;

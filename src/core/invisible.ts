/**
 * Characters the normaliser drops (soft hyphen, zero-width characters, BOM…). They can hide a name from a
 * literal search ("Ko\u00ADrea"), so text holding one is always looked at. A module of its own so that
 * content.js can use it without the rest of the normaliser.
 */
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\u180e\u007f]/;

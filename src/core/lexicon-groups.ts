/*
 * Apart from lexicon.ts: the page bundles replace lexicon.ts (build.mjs, compiled-lexicon) but the matcher
 * needs the group names to lay out its compiled terms.
 */

/**
 * The groups of names a lexicon entry adds words to (exclusions apart: they go by look-alike id); a new group is
 * one more name here (the schema's entry fields, the matcher's MatchNames and its compiled terms follow; the matcher
 * still has to use the new group's hits):
 * - `treaty`: names that on their own denote this treaty;
 * - `russia`, `dprk`: names of each side (country, capital, leader, government);
 * - `agreement`: words for an agreement (treaty, pact, deal, alliance…);
 * - `references`: short references later in a document that already has a confident mention ("the treaty",
 *   "Article 4");
 * - `cues`: words that tie a page to this treaty rather than to the two countries in general ("mutual
 *   assistance", "Article 4"): with both parties on the page, the document-level pass counts references before
 *   any full mention;
 * - `generic`: words for an agreement in general ("agreement", "соглашение", "협정"): this treaty only beside the
 *   DPRK side or on a page about it, never by sharing a sentence with both sides;
 * - `fresh`: "new" before a treaty word ("the new pact"): not a reference back;
 * - `replaces`: verbs of replacing (a sentence saying the treaty replaces the 1961 or 2000 one is about it);
 * - `signing`: verbs of signing or concluding ("the one Moscow signed with Pyongyang" is this treaty when the
 *   page names Russia), tied to the DPRK side by `withParty` ("with", "между", "과", "と", "与");
 * - `pointing`: words that point back, before the noun ("this", "этот", "이"): right after a passing mention on a
 *   page about a look-alike, "this treaty" is the one just named; `pointingAfter`: the same after the noun
 *   (Vietnamese "hiệp ước này");
 * - `general`: words that make a treaty word beside them any agreement, not this treaty: written just before it
 *   ("any treaty", "keine Verträge", "各种条约") or holding it ("법률문서", a legal document);
 * - `about`: words right after a general agreement word that give it a subject of its own ("соглашение о
 *   строительстве моста", "соглашение между правительствами"): another agreement (the treaty's own subjects are
 *   longer `agreement` terms, which take the words first);
 * - `third`: third countries: a treaty word within two words of them ("treaties with third states") is an
 *   agreement with someone else;
 * - `summit`, `bond`, `when`, `venue`: the signing told as an event without a treaty word (matcher.ts, events):
 *   the meeting ("summit", "саммит", "정상회담"), what was sealed there ("partnership", "alliance", "동맹"), "at
 *   which" / "when" tying the meeting to the signing, and the time and place beyond the DPRK side's names ("that
 *   summer", "Kumsusan").
 * - `both`: "the two countries" ("los dos países", "oboma krajami", "البلدين"): a treaty word beside them stands
 *   for the sides named elsewhere on a page that names both and no other partner of Russia's.
 */
export const LEXICON_GROUPS = ['treaty', 'russia', 'dprk', 'agreement', 'references', 'cues', 'generic', 'fresh', 'replaces', 'signing', 'withParty', 'pointing', 'pointingAfter', 'general', 'about', 'third', 'summit', 'bond', 'when', 'venue', 'both'] as const;
export type LexiconGroup = (typeof LEXICON_GROUPS)[number];

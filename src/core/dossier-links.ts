/**
 * Deep links into the dossier page (dossier.html): one anchor per dataset item, so a card, the popup or a
 * bookmark can point at the item itself. No DOM, no browser API: the card, the background and the page share it.
 */
export const DOSSIER_PAGE = 'dossier.html';

export type AnchorKind = 'fact' | 'event' | 'quote' | 'claim' | 'source';

/** The element id of one item on the dossier page ("fact-signing", "source-S5"). */
export const anchorId = (kind: AnchorKind, id: string): string => `${kind}-${id}`;

/** A target the background accepts: empty (the top of the page) or one item's anchor. Pack ids are [A-Za-z0-9_.-]. */
export const DOSSIER_TARGET_PATTERN = /^(?:(?:fact|event|quote|claim|source)-[A-Za-z0-9][A-Za-z0-9_.-]{0,120})?$/;

export interface StoryModel {
  claims: readonly { id: string }[];
  facts: readonly { id: string }[];
  quote?: { id: string } | undefined;
}

/**
 * Where a card's "The whole story" leads: the claim the passage makes when it makes one (the most specific
 * thing the card says), else the fact the card put first (the one that fits the passage best), else its quote.
 */
export function storyTarget(model: StoryModel): string {
  const claim = model.claims[0];
  if (claim) return anchorId('claim', claim.id);
  const fact = model.facts[0];
  if (fact) return anchorId('fact', fact.id);
  return model.quote ? anchorId('quote', model.quote.id) : '';
}

/** The page's path with the target as its fragment. */
export function dossierPath(target: string): string {
  return target ? `${DOSSIER_PAGE}#${target}` : DOSSIER_PAGE;
}

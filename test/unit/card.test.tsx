// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Card, type CardModel } from '../../src/ui/Card';

// A card model in the project's own words; the strings are the keys, so the test reads structure, not copy.
const model: CardModel = {
  locale: 'en',
  title: 'A treaty',
  summary: 'Two states signed a treaty.',
  kind: 'name',
  framing: null,
  claims: [],
  facts: ['first', 'second', 'third'].map((id) => ({ id, text: `The ${id} fact.`, disputed: false, sources: [] })),
  quote: undefined,
  sources: new Map(),
  dataset: { version: '1', updated: '2026-01-01' },
};
const t = (key: string) => key;
const noop = () => undefined;

function draw(factsAtRest?: number): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<Card model={model} t={t} onClose={noop} onTurnOffSite={noop} onReport={noop} reportStatus="idle" factsAtRest={factsAtRest} />, root);
  return root;
}
const texts = (root: HTMLElement, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim());

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the card’s facts at rest', () => {
  it('shows every fact at rest by default, none under "More"', () => {
    const root = draw();
    expect(texts(root, '.facts:not(.later-facts) > li')).toEqual(['The first fact.', 'The second fact.', 'The third fact.']);
    expect(root.querySelector('.later-facts')).toBeNull();
  });

  it('with less room, the last facts move under "More" in order; none is lost', () => {
    const root = draw(1);
    expect(texts(root, '.facts:not(.later-facts) > li')).toEqual(['The first fact.']);
    expect(root.querySelector('details.more .later-facts')).not.toBeNull();
    expect(texts(root, 'details.more .later-facts > li')).toEqual(['The second fact.', 'The third fact.']);
  });

  it('never fewer than one at rest', () => {
    expect(texts(draw(0), '.facts:not(.later-facts) > li')).toEqual(['The first fact.']);
  });
});

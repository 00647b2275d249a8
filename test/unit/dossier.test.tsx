// @vitest-environment happy-dom
/**
 * The dossier page against the bundled pack (not against fixed counts): every fact, timeline event, quote, claim
 * and source has its anchor, in the right section; the filter narrows every section; deep links reach items.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorId, DOSSIER_TARGET_PATTERN, dossierPath, storyTarget } from '../../src/core/dossier-links';
import { contentToBackground } from '../../src/core/messages';
import { sourceKinds, type TopicPack } from '../../src/core/pack-schema';
import { pack } from '../../src/dataset/index';
import { Dossier } from '../../src/ui/dossier/Dossier';
import { articleOf, BRIEF_MIN_WEIGHT, buildDossier, foldForSearch, queryWords, sourceKindOrder } from '../../src/ui/dossier/model';
import { sideOf } from '../../src/ui/dossier/sides';

const t = (key: string, subs?: string[]) => (subs?.length ? `${key}(${subs.join(',')})` : key);
const TODAY = '2026-12-04';

async function mount(options: { today?: string; hash?: string; data?: TopicPack } = {}) {
  history.replaceState(null, '', options.hash ? `#${options.hash}` : location.pathname);
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<Dossier pack={options.data ?? pack} t={t} today={options.today ?? TODAY} locale="en-US" hash="abc123" />, root);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return root;
}

async function type(root: HTMLElement, text: string) {
  const input = root.querySelector<HTMLInputElement>('#dossier-filter')!;
  await act(async () => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const ids = (root: HTMLElement, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.id);
const inSection = (root: HTMLElement, section: string, kind: string) => ids(root, `#${section} [id^="${kind}-"]`);

afterEach(() => {
  render(null, document.body.querySelector('div') ?? document.body);
  document.body.innerHTML = '';
});

describe('the dossier model', () => {
  const model = buildDossier(pack, TODAY);

  it('places every fact once with an anchor: in brief (weighted), under its article, or among more facts', () => {
    const placed = [...model.brief, ...model.articles.flatMap((a) => a.facts.filter((f) => f.weight < BRIEF_MIN_WEIGHT)), ...model.otherFacts];
    expect(placed.map((f) => f.id).sort()).toEqual(pack.facts.map((f) => f.id).sort());
    for (const fact of model.brief) expect(fact.weight).toBeGreaterThanOrEqual(BRIEF_MIN_WEIGHT);
    // The articles are in number order and each fact in them names its article first.
    const numbers = model.articles.map((a) => a.article);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const group of model.articles) for (const fact of group.facts) expect(fact.text.startsWith(`Article ${group.article}`)).toBe(true);
    expect(articleOf({ ...pack.facts[0]!, text: 'Article 4 obliges…' })).toBe(4);
    expect(articleOf({ ...pack.facts[0]!, text: 'Under Article 4…' })).toBeUndefined();
  });

  it('the timeline holds every event, oldest first, with today where it falls and years in order', () => {
    const entries = model.timeline.flatMap((year) => year.entries);
    const events = entries.flatMap((e) => (e.kind === 'event' ? [e.event] : []));
    expect(events.map((e) => e.id).sort()).toEqual(pack.timeline.map((e) => e.id).sort());
    const dates = entries.map((e) => (e.kind === 'event' ? e.event.date : e.date));
    expect(dates).toEqual([...dates].sort());
    expect(entries.filter((e) => e.kind === 'today')).toHaveLength(1);
    for (const year of model.timeline) for (const e of year.entries) expect((e.kind === 'event' ? e.event.date : e.date).startsWith(year.year)).toBe(true);
    // A "today" before some events sits between them; one after all of them comes last, in its own year.
    const middle = buildDossier(pack, '2024-07-01').timeline.flatMap((y) => y.entries);
    const at = middle.findIndex((e) => e.kind === 'today');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(middle.length - 1);
    const later = buildDossier(pack, '2099-01-01').timeline;
    expect(later.at(-1)).toEqual({ year: '2099', entries: [{ kind: 'today', date: '2099-01-01' }] });
  });

  it('every quote of the pack is grouped under a named side, never "other"', () => {
    for (const quote of pack.quotes) expect(sideOf(quote.role), `${quote.id}: ${quote.role}`).not.toBe('other');
    expect(model.sides.flatMap((s) => s.quotes).map((q) => q.id).sort()).toEqual(pack.quotes.map((q) => q.id).sort());
    expect(model.sides[0]?.side).toBe('russia');
    // The side a role names first is the speaker's: Russia's envoy at the UN speaks for Russia.
    expect(sideOf('Deputy Permanent Representative of Russia to the UN')).toBe('russia');
    expect(sideOf('UN Secretary-General')).toBe('un');
    expect(sideOf('Leader of North Korea')).toBe('dprk');
    expect(sideOf('National security adviser to the South Korean president')).toBe('rok');
    expect(sideOf('Head of a think tank')).toBe('other');
  });

  it('sources are grouped by every kind the schema knows, strongest first', () => {
    expect([...sourceKindOrder].sort()).toEqual([...sourceKinds].sort());
    expect(model.sources.flatMap((g) => g.sources).map((s) => s.id).sort()).toEqual(pack.sources.map((s) => s.id).sort());
  });

  it('folds case and accents in any script, the same on both sides', () => {
    expect(foldForSearch('PYONGYANG Koréa')).toBe('pyongyang korea');
    expect(foldForSearch('조약').includes(foldForSearch('조약'))).toBe(true);
    expect(foldForSearch('Империалистической')).toContain(foldForSearch('империалист'));
    expect(queryWords('  Article   4 ')).toEqual(['article', '4']);
  });
});

describe('deep-link targets', () => {
  it('a card points at its claim, else its first fact, else its quote', () => {
    const fact = { id: 'signing' };
    expect(storyTarget({ claims: [{ id: 'c1' }], facts: [fact], quote: { id: 'q' } })).toBe('claim-c1');
    expect(storyTarget({ claims: [], facts: [fact], quote: { id: 'q' } })).toBe('fact-signing');
    expect(storyTarget({ claims: [], facts: [], quote: { id: 'q' } })).toBe('quote-q');
    expect(storyTarget({ claims: [], facts: [] })).toBe('');
    expect(dossierPath('fact-signing')).toBe('dossier.html#fact-signing');
    expect(dossierPath('')).toBe('dossier.html');
  });

  it('the background accepts only the dossier’s own anchors', () => {
    const ok = (target: unknown) => contentToBackground.safeParse({ type: 'cs:open-dossier', target }).success;
    for (const item of pack.facts) expect(ok(anchorId('fact', item.id))).toBe(true);
    for (const item of pack.quotes) expect(ok(anchorId('quote', item.id))).toBe(true);
    expect(ok('')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'fact-a"b', '../options.html', 'fact-', 'https://example.com', 'x'.repeat(300), 42, null]) expect(ok(bad), String(bad)).toBe(false);
    expect(DOSSIER_TARGET_PATTERN.test('source-S1')).toBe(true);
  });
});

// Rendering the whole pack (some 250 items) in happy-dom takes a second or more on a busy machine.
describe('the dossier page', { timeout: 30_000 }, () => {
  it('renders every fact, timeline event, quote, claim and source of the pack, each in its section, each focusable', async () => {
    const root = await mount();
    expect(inSection(root, 'timeline', 'event').sort()).toEqual(pack.timeline.map((e) => anchorId('event', e.id)).sort());
    expect(inSection(root, 'quotes', 'quote').sort()).toEqual(pack.quotes.map((q) => anchorId('quote', q.id)).sort());
    expect(inSection(root, 'claims', 'claim').sort()).toEqual(pack.claims.map((c) => anchorId('claim', c.id)).sort());
    expect(inSection(root, 'sources', 'source').sort()).toEqual(pack.sources.map((s) => anchorId('source', s.id)).sort());
    expect([...inSection(root, 'brief', 'fact'), ...inSection(root, 'treaty', 'fact')].sort()).toEqual(pack.facts.map((f) => anchorId('fact', f.id)).sort());
    // Ids are unique, and every item is a focusable target.
    const all = ids(root, '.item[id]');
    expect(new Set(all).size).toBe(all.length);
    for (const el of root.querySelectorAll('.item[id]:not(#today):not([hidden])')) expect(el.getAttribute('tabindex')).toBe('-1');
    // Each item's text and each quote's speaker are there, and every cited source is a link to its page.
    for (const claim of pack.claims) {
      const el = root.querySelector(`#${CSS.escape(anchorId('claim', claim.id))}`)!;
      expect(el.textContent).toContain(claim.claimReviewed);
      expect(el.textContent).toContain(claim.verdictLabel);
      expect(el.textContent).toContain(claim.explanation);
      const hrefs = [...el.querySelectorAll('.item-sources a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toEqual(claim.sources.map((id) => pack.sources.find((s) => s.id === id)!.url));
    }
    for (const quote of pack.quotes) {
      const el = root.querySelector(`#${CSS.escape(anchorId('quote', quote.id))}`)!;
      expect(el.textContent).toContain(quote.text);
      expect(el.textContent).toContain(quote.speaker);
      expect(el.textContent).toContain(quote.role);
      if (quote.original) expect(el.querySelector(`blockquote.original[lang="${quote.language}"]`)?.textContent).toContain(quote.original);
    }
    for (const event of pack.timeline) expect(root.querySelector(`#${CSS.escape(anchorId('event', event.id))}`)!.textContent).toContain(event.event);
  });

  it('has one h1, the sections in order with their headings, landmarks and a labelled filter', async () => {
    const root = await mount();
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect([...root.querySelectorAll('main > section')].map((s) => s.id)).toEqual(['brief', 'timeline', 'treaty', 'quotes', 'claims', 'sources', 'about']);
    for (const section of root.querySelectorAll('main > section')) {
      expect(section.querySelector('h2')?.id).toBe(section.getAttribute('aria-labelledby'));
    }
    expect(root.querySelector('header')).not.toBeNull();
    expect(root.querySelector('nav[aria-label]')).not.toBeNull();
    expect(root.querySelector('footer')).not.toBeNull();
    expect(root.querySelector('[role="search"] label[for="dossier-filter"]')).not.toBeNull();
    // Years as headings in the timeline, the "today" marker once.
    const years = [...root.querySelectorAll('#timeline h3')].map((h) => h.textContent);
    expect(years).toEqual([...new Set(pack.timeline.map((e) => e.date.slice(0, 4)))].sort());
    expect(root.querySelectorAll('[data-testid="today"]')).toHaveLength(1);
    expect(root.querySelector('[data-testid="dataset"]')?.textContent).toBe(`dossierDataset(${pack.version},Mar 17, 2026)`);
    // Verdicts say themselves in words, not only in colour.
    for (const v of root.querySelectorAll('.verdict')) expect(v.textContent!.replace('dossierVerdict: ', '').trim().length).toBeGreaterThan(0);
  });

  it('the filter narrows every section to items holding all the typed words, and clearing it restores them', async () => {
    const root = await mount();
    const total = root.querySelectorAll('.item[id]:not(#today):not([hidden])').length;
    // A publisher's name finds the items citing it, in every section that has one.
    await type(root, 'kcna');
    const kcna = ids(root, '.item[id]:not([hidden])');
    expect(kcna.length).toBeGreaterThan(0);
    expect(kcna.length).toBeLessThan(total);
    const cites = (sources: string[]) => sources.some((id) => /kcna/i.test(pack.sources.find((s) => s.id === id)!.publisher));
    for (const fact of pack.facts.filter((f) => cites(f.sources))) expect(kcna).toContain(anchorId('fact', fact.id));
    for (const event of pack.timeline.filter((e) => cites(e.sources))) expect(kcna).toContain(anchorId('event', event.id));
    expect(root.querySelector('[data-testid="today"]:not([hidden])')).toBeNull();
    expect(root.querySelector('[data-testid="filter-status"]')?.textContent).toBe(`dossierFilterCount(${kcna.length},${total})`);

    // Words in another script: a quote's original and a source's title.
    await type(root, 'империалист');
    const ru = ids(root, '.item[id]:not([hidden])');
    expect(ru).toContain(anchorId('quote', pack.quotes.find((q) => q.original?.includes('империалист'))!.id));
    for (const source of pack.sources.filter((s) => foldForSearch(s.title).includes('империалист'))) expect(ru).toContain(anchorId('source', source.id));
    expect(ru.length).toBeLessThan(total / 4);

    // All the words must match; nothing matching says so in each section.
    await type(root, 'article 4');
    const both = ids(root, '.item[id]:not([hidden])');
    expect(both).toContain('fact-article-4');
    await type(root, 'zzzz-nothing-has-this');
    expect(root.querySelectorAll('.item[id]:not([hidden])')).toHaveLength(0);
    expect(root.querySelectorAll('.nothing')).toHaveLength(6);

    await type(root, '');
    expect(root.querySelectorAll('.item[id]:not(#today):not([hidden])')).toHaveLength(total);
  });

  it('a deep link focuses and marks its item, and clears a filter that hides it', async () => {
    const claim = pack.claims[1]!;
    const root = await mount({ hash: anchorId('claim', claim.id) });
    const target = root.querySelector(`#${CSS.escape(anchorId('claim', claim.id))}`)!;
    expect(document.activeElement).toBe(target);
    expect(target.classList.contains('marked')).toBe(true);
    // It stays until the reader acts: the first pointer press or key ends it.
    await act(async () => {
      window.dispatchEvent(new PointerEvent('pointerdown'));
    });
    expect(target.classList.contains('marked')).toBe(false);

    await type(root, 'zzzz-nothing-has-this');
    const event = pack.timeline[0]!;
    await act(async () => {
      location.hash = anchorId('event', event.id);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.querySelector<HTMLInputElement>('#dossier-filter')!.value).toBe('');
    expect(document.activeElement?.id).toBe(anchorId('event', event.id));
  });
});

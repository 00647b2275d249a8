import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicPackSchema, type Fact, type Quote, type TopicPack } from './pack-schema';
import { mentionsTopic, selectNotes, topicRe } from './select-notes';

const fact = (id: string, topics: string[], weight = 1): Fact => ({ id, text: id, topics, weight, disputed: false, sources: ['s1'], i18n: { ru: { text: id }, ko: { text: id } } });
const quote = (id: string, speaker: string, topics: string[]): Quote => ({
  id,
  text: id,
  speaker,
  role: 'role',
  date: '2024-06-19',
  language: 'en',
  topics,
  sources: ['s1'],
  i18n: { ru: { text: id, speaker, role: 'role' }, ko: { text: id, speaker, role: 'role' } },
});
const pack = {
  facts: [
    fact('signed', ['signed', 'Pyongyang'], 9),
    fact('article-4', ['Article 4', 'mutual assistance'], 8),
    fact('ratified', ['ratified', 'ratification', 'Duma'], 5),
    fact('in-force', ['entered into force', 'December 4'], 4),
    fact('troops', ['troops', 'Kursk', 'soldiers'], 3),
    fact('1961', ['1961'], 2),
    fact('sanctions', ['sanctions', 'Article 16'], 1),
  ],
  quotes: [
    quote('putin-breakthrough', 'Vladimir Putin', ['breakthrough']),
    quote('kim-alliance', 'Kim Jong Un', ['alliance']),
    quote('kirby', 'John Kirby', ['munitions', 'concerned']),
  ],
  timeline: [
    { id: 't1', date: '2024-06-19', event: 'Treaty signed in Pyongyang', sources: ['s1'] },
    { id: 't2', date: '2024-11-09', event: 'Putin signs the ratification law', sources: ['s1'] },
    { id: 't3', date: '2024-12-04', event: 'Instruments exchanged in Moscow; treaty in force', sources: ['s1'] },
  ],
} as unknown as TopicPack;

describe('selectNotes', () => {
  it('puts facts the passage points at most first, then by weight', () => {
    const { facts } = selectNotes(pack, 'North Korean troops were sent to Kursk under Article 4 of the treaty.');
    expect(facts.map((f) => f.id)).toEqual(['troops', 'article-4', 'signed']);
  });

  it('shows 3 to 5 facts, the heaviest when nothing matches', () => {
    expect(selectNotes(pack, 'An unrelated passage.').facts.map((f) => f.id)).toEqual(['signed', 'article-4', 'ratified']);
    const many = selectNotes(pack, 'Signed in Pyongyang, ratified by the Duma, entered into force December 4; Article 4; Kursk troops; 1961; sanctions.');
    expect(many.facts).toHaveLength(5);
  });

  it('is deterministic', () => {
    const p = 'The Duma ratified the treaty; troops went to Kursk.';
    expect(selectNotes(pack, p)).toEqual(selectNotes(pack, p));
  });

  it('picks a quote by topic or by a speaker named in the passage, else the first', () => {
    expect(selectNotes(pack, 'Kim called it an alliance.').quote?.id).toBe('kim-alliance');
    expect(selectNotes(pack, 'Kirby spoke to reporters about the treaty.').quote?.id).toBe('kirby');
    expect(selectNotes(pack, 'An unrelated passage.').quote?.id).toBe('putin-breakthrough');
  });

  it('adds timeline events only when asked, in date order', () => {
    expect(selectNotes(pack, 'x').timeline).toBeUndefined();
    const t = selectNotes(pack, 'The ratification law took effect and instruments were exchanged in Moscow.', { timeline: 2 }).timeline;
    expect(t?.map((e) => e.id)).toEqual(['t2', 't3']);
  });
});

const packFile = new URL('../dataset/treaty-2024.json', import.meta.url);
describe.skipIf(!existsSync(packFile))('with the bundled pack', () => {
  const real = topicPackSchema.parse(JSON.parse(readFileSync(packFile, 'utf8')));

  it('gives 3 to 5 facts and a quote for any passage, deterministically', () => {
    for (const p of [
      'North Korean troops were sent to Kursk under Article 4 of the treaty.',
      'The State Duma ratified the treaty with North Korea.',
      'Something with no topic words at all.',
    ]) {
      const a = selectNotes(real, p);
      expect(a.facts.length, p).toBeGreaterThanOrEqual(3);
      expect(a.facts.length, p).toBeLessThanOrEqual(5);
      expect(a.quote, p).toBeDefined();
      expect(selectNotes(real, p)).toEqual(a);
    }
  });

  it('follows the passage', () => {
    const notes = selectNotes(real, 'The State Duma voted to ratify the treaty; lawmakers backed it unanimously.');
    expect(notes.facts.some((f) => /duma/i.test(f.topics.join(' ')))).toBe(true);
    expect(selectNotes(real, 'Kim said the two countries were now allies in an alliance.').quote?.speaker).toBe('Kim Jong Un');
  });
});

describe('mentionsTopic (a substring test before the topic pattern)', () => {
  // Case variants, separators the pattern accepts between words, endings, and letters that end a word.
  const pieces = ['mutual', 'Mutual', 'MUTUAL', 'defence', 'Defence', 'pact', 'Pacts', "pact's", 'Kim', 'kims', 'Пхеньян', 'пхеньяне', '조약', '조약은',
    ' ', '  ', '-', '\u2013', '/', '\u00a0', '\u00ad', '\n', 'x', '9', '.', ','];
  const topics = ['mutual defence', 'pact', 'kim', 'Пхеньян', '조약', 'defence pact', 'mutual'];

  it('answers exactly as the pattern alone, on random passages', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), fc.constantFrom(...topics), (parts, topic) => {
        const passage = parts.join('');
        expect(mentionsTopic(topic, passage)).toBe(topicRe(topic).test(passage));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a topic across separators and case, and not inside a longer word', () => {
    expect(mentionsTopic('mutual defence', 'a MUTUAL\u2013defence pact')).toBe(true);
    expect(mentionsTopic('pact', "the pact's terms")).toBe(true);
    expect(mentionsTopic('pact', 'impact')).toBe(false);
  });
});

/**
 * Quality bar for the framing analyzer (issue 6): sentence-level precision ≥ 0.85 and recall ≥ 0.80 for
 * "opinion" (level some|strong), judged by the author's voice, on sentences written in the project's own words.
 * Run with the bundled pack's lexicon when it is present, and with a small inline lexicon always.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFraming } from '../../src/core/framing';
import { evaluateFraming, type FramingItem } from '../../src/core/framing-eval';
import type { FramingTerm } from '../../src/core/pack-schema';
import { topicPackSchema } from '../../src/core/pack-schema';

const root = new URL('../../', import.meta.url);
const items = JSON.parse(readFileSync(new URL('test/fixtures/framing/framing.json', root), 'utf8')) as FramingItem[];
const packFile = new URL('src/dataset/treaty-2024.json', root);

const term = (id: string, patterns: string[], neutral: string): FramingTerm => ({
  id,
  patterns,
  label: id,
  usedBy: 'test',
  neutral,
  why: 'loaded',
  sources: ['s1'],
});
const inline: FramingTerm[] = [
  term('hermit', ['hermit (?:kingdom|state|nation)'], 'North Korea'),
  term('regime', ['(?<!(?:sanctions?|visa|control|inspection) )regime(?! change)', 'режим', '정권'], 'government'),
  term('puppet', ['puppets?', 'марионет', '괴뢰'], 'South Korean government'),
  term('satellites', ['satellites', 'satrap(?:y|ies)', 'vassals?', 'сателлит'], 'US allies'),
  term('imperialist', ['imperialis(?:t|ts|m)', 'hegemon(?:ic|istic|y)', 'империалист', '미제', '제국주의'], 'US policy'),
  term('collective-west', ['collective West', 'коллективн\\p{L}* Запад'], 'Western governments'),
  term('neo-nazi', ['neo-?Nazis?', 'неонацист'], 'Ukrainian forces'),
  term('smo', ['special military operation'], 'the war in Ukraine'),
  term('axis', ['axis of (?:upheaval|evil|autocracies|impunity)'], 'cooperation among Russia, China, Iran and North Korea'),
  term('rogue', ['rogue (?:state|nation|regime)'], 'state under UN sanctions'),
  term('pariah', ['pariahs?'], 'internationally isolated'),
  term('dictator', ['dictators?', 'диктатор', '독재자'], 'North Korean leader'),
  term('cannon-fodder', ['cannon fodder'], 'deployed troops'),
];

function check(lexicon: FramingTerm[]) {
  const r = evaluateFraming(items, compileFraming(lexicon));
  const detail = [
    `precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn})`,
    ...r.falseAlarms.map((m) => `false alarm: ${m.sentence} ← ${m.cues.map((c) => `${c.kind}:${c.text}`).join(', ')}`),
    ...r.misses.map((m) => `miss: ${m.sentence}`),
  ].join('\n');
  expect(r.precision, detail).toBeGreaterThanOrEqual(0.85);
  expect(r.recall, detail).toBeGreaterThanOrEqual(0.8);
}

describe('framing corpus', () => {
  it('is big and balanced enough to mean something', () => {
    expect(items.length).toBeGreaterThanOrEqual(120);
    const opinion = items.filter((i) => i.label === 'opinion').length;
    expect(opinion / items.length).toBeGreaterThan(0.35);
    expect(opinion / items.length).toBeLessThan(0.65);
    expect(new Set(items.map((i) => i.source)).size).toBeGreaterThanOrEqual(6);
  });

  it('meets the quality bar with a small inline lexicon', () => check(inline));

  it.skipIf(!existsSync(packFile))('meets the quality bar with the bundled pack’s lexicon', () => {
    const pack = topicPackSchema.parse(JSON.parse(readFileSync(packFile, 'utf8')));
    check(pack.framing);
  });
});

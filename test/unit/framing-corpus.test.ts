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
const items = JSON.parse(readFileSync(new URL('test/fixtures/corpus/framing.json', root), 'utf8')) as FramingItem[];
const packFile = new URL('src/dataset/treaty-2024.json', root);

const term = (id: string, patterns: string[], neutral: string): FramingTerm => ({
  id,
  patterns,
  label: id,
  usedBy: 'test',
  neutral,
  why: 'loaded',
  sources: ['s1'],
  i18n: { ru: { label: id, usedBy: 'ru', neutral, why: 'ru' }, ko: { label: id, usedBy: 'ko', neutral, why: 'ko' } },
});
const inline: FramingTerm[] = [
  term('hermit', ['\\bhermit (?:kingdom|state|nation)\\b'], 'North Korea'),
  term('regime', ['\\b(?<!(?:sanctions?|visa|control|inspection) )regimes?(?! change)\\b', 'режим', '정권'], 'government'),
  term('puppet', ['\\bpuppets?\\b', 'марионет', '괴뢰'], 'South Korean government'),
  term('satellites', ['\\bsatellites\\b', '\\bsatrap(?:y|ies)\\b', '\\bvassals?\\b', 'сателлит'], 'US allies'),
  term('imperialist', ['\\bimperialis(?:t|ts|m)\\b', '\\bhegemon(?:ic|istic|y)\\b', 'империалист', '미제', '제국주의'], 'US policy'),
  term('collective-west', ['\\bcollective West\\b', 'коллективн\\p{L}* Запад'], 'Western governments'),
  term('neo-nazi', ['\\bneo-?Nazis?\\b', 'неонацист'], 'Ukrainian forces'),
  term('smo', ['\\bspecial military operation\\b'], 'the war in Ukraine'),
  term('axis', ['\\baxis of (?:upheaval|evil|autocracies|impunity)\\b'], 'cooperation among Russia, China, Iran and North Korea'),
  term('rogue', ['\\brogue (?:state|nation|regime)s?\\b'], 'state under UN sanctions'),
  term('pariah', ['\\bpariahs?\\b'], 'internationally isolated'),
  term('dictator', ['\\bdictators?\\b', 'диктатор', '독재자'], 'North Korean leader'),
  term('cannon-fodder', ['\\bcannon fodder\\b'], 'deployed troops'),
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

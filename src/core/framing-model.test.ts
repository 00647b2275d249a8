/**
 * The learned framing model (issue 16), on sentences written for these tests (never corpus text).
 * What it adds over the rules: sentences no rule explains, flagged as the author's judgement with the words that
 * weighed most. What it must keep: quoted and reported words are the speaker's, never the author's.
 *
 * Our own examples caught neither by the model nor by the rules' lexicon today (kept here so that the gap stays
 * visible): "Plainly, Moscow wanted shells more than friendship." and "Who in Seoul still believes in quiet
 * diplomacy?" (no English function word the model or the lexicon knows the language by), "Arguably, the summit
 * changed less than its hosts claimed." (read as the hosts' claim), "Seemingly, the defence ministry in Seoul said
 * the pact changes nothing." It wrongly flags the conditional "Should war break out, Moscow would help." (see
 * framing.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main as trainMain, siteOf, train } from '../cli/train-framing';
import { compileFraming, shippedFramingModel, type FramingCue } from './framing';
import { evaluateFraming } from './framing-eval';
import {
  attributionFrameOnly,
  compileMarkers,
  tooLittleToJudge,
  decodeIndex,
  denseFeatureNames,
  encodeIndex,
  extractFeatures,
  loadFramingModel,
  modelLanguage,
  type MarkersFile,
  type WeightsData,
} from './framing-model';
import { markersSchema, weightsSchema } from './framing-model-schema';
import markersJson from './framing-markers.json';
import weightsJson from './framing-weights.json';

// No lexicon: whatever is flagged here is the rules' patterns or the model, not the pack's loaded terms.
const analyzer = compileFraming([]);
const rulesOnly = compileFraming([], { model: null });

function judge(sentence: string) {
  const parts = analyzer.assessSentences(sentence);
  expect(parts, sentence).toHaveLength(1);
  return parts[0]!;
}
const own = (cues: FramingCue[]) => cues.filter((c) => !c.quoted);

describe('weights and markers files', () => {
  it('validate against their schemas and match the code that reads them', () => {
    const weights = weightsSchema.parse(weightsJson);
    const markers = markersSchema.parse(markersJson);
    expect(weights.dense).toEqual(denseFeatureNames());
    expect(weights.markersVersion).toBe(markers.version);
    expect(() => loadFramingModel(weightsJson as WeightsData, markersJson as MarkersFile)).not.toThrow();
  });

  it('stay small: under 32 KB of weights, int8', () => {
    const bytes = readFileSync(new URL('./framing-weights.json', import.meta.url)).length;
    expect(bytes).toBeLessThan(32 * 1024);
    const weights = weightsSchema.parse(weightsJson);
    expect(decodeIndex(Uint8Array.from(atob(weights.index), (c) => c.charCodeAt(0))).length).toBe(atob(weights.weights).length);
  });

  it('the schema refuses a marker that is a pattern, and weights trained with other features', () => {
    const bad = structuredClone(markersJson) as MarkersFile;
    bad.languages.en.hedge.push('perhaps|maybe');
    expect(markersSchema.safeParse(bad).success).toBe(false);
    const other = { ...(weightsJson as WeightsData), dense: ['rule:any'], denseWeights: [1] };
    expect(() => loadFramingModel(other, markersJson as MarkersFile)).toThrow(/train:framing/);
  });

  it('the schema refuses an attribution entry that is a pattern, and a missing language', () => {
    const bad = structuredClone(markersJson) as MarkersFile;
    bad.attribution.ru.verbs.push('заяв(ил|ила)');
    expect(markersSchema.safeParse(bad).success).toBe(false);
    const none = structuredClone(markersJson) as Partial<MarkersFile>;
    delete none.attribution;
    expect(markersSchema.safeParse(none).success).toBe(false);
  });

  it('index encoding round-trips', () => {
    const sorted = [0, 1, 127, 128, 16_383, 16_384, 262_143];
    expect(decodeIndex(encodeIndex(sorted))).toEqual(sorted);
  });
});

describe('model-only flags, per class (the rules are silent on each)', () => {
  it.each([
    // judgement and verdict (the lexicon's verdicts are rules now: framing.test.ts)
    ['en', 'Washington’s reply to the pact has been clumsy and slow.'],
    ['en', 'The arms embargo has become a dead letter.'],
    ['en', 'The critics of the deal have a point.'],
    ['en', 'Moscow’s courtship of Pyongyang is a sign of weakness, not strength.'],
    ['en', 'Seoul was caught napping by the pact.'],
    // stance and certainty markers the lexicon does not hold
    ['ru', 'По сути, это сделка, а не дружба.'],
    ['ru', 'Сеул, конечно, обеспокоен новым союзом.'],
    ['ko', '사실상 러시아가 북한의 뒷배가 된 셈이다.'],
    ['en', 'It is hard to overstate how much the pact matters.'],
    // prediction in the author's voice
    ['en', 'Seoul will regret its silence.'],
    // irony and mockery
    ['ru', 'Кремль, похоже, хвастается новым союзником.'],
    // rhetorical questions and exclamations beyond the rules' patterns
    ['ko', '과연 이 조약이 북한에 무슨 이익이 되겠는가.'],
    ['en', 'And this is what they call a defensive pact!'],
  ])('%s: %s', (_lang, sentence) => {
    expect(rulesOnly.assessSentences(sentence)[0]!.level, 'no rule explains it').toBe('none');
    const s = judge(sentence);
    expect(s.level).toBe('some');
    const cues = own(s.cues);
    expect(cues.map((c) => c.kind)).toEqual(['author-judgement']);
    const cue = cues[0]!;
    expect(cue.text).toBe(sentence);
    expect(cue.explanation).toMatch(/author’s judgement/);
    // The words named are the author's own words of this sentence.
    for (const word of cue.words ?? []) expect(sentence).toContain(word);
  });

  it('names the words that weighed most, not function words', () => {
    const cue = own(judge('Washington’s reply to the pact has been clumsy and slow.').cues)[0]!;
    expect(cue.words).toContain('clumsy');
    expect(cue.words).not.toContain('the');
    const ko = own(judge('사실상 러시아가 북한의 뒷배가 된 셈이다.').cues)[0]!;
    expect(ko.words).toContain('셈이다');
  });

  it('stays out where a rule already gives the reason', () => {
    for (const sentence of ['This agreement will reshape the balance of power in the region.', 'Очевидно, что Москва нуждается в снарядах больше, чем в дружбе.', '정부는 이제라도 대책을 마련해야 한다.']) {
      const kinds = own(judge(sentence).cues).map((c) => c.kind);
      expect(kinds.length, sentence).toBeGreaterThan(0);
      expect(kinds, sentence).not.toContain('author-judgement');
    }
  });
});

describe('the quoted-speech rule holds for the model', () => {
  it.each([
    'Kim called the Western response "hysterical" and "shameless" in a speech on Friday.',
    'Lavrov said the West must stop its "reckless provocations".',
    'The agency described the visit as "a triumph of friendship", according to the statement.',
    '"This is a disgrace," the senator said of the arms deliveries.',
    'Лавров заявил, что Запад ведёт «безрассудную» политику.',
    '북한 외무성은 미국을 "전쟁 미치광이"라고 비난했다.',
    // Attribution forms read from the data (estimates, suggest, по оценкам, утверждает, 규정했다, "…"며).
    'Kyiv estimates that the brigade was "all but wiped out" near the river.',
    'Early reports suggest the shelling was "merciless" and "utterly senseless."',
    'While the timetable is still unknown, the envoy said the partnership was "a disgrace to the West" and would last.',
    'По оценкам Киева, потери бригады были «чудовищными».',
    'Представитель МИД утверждает, что санкции «позорно провалились».',
    '국방부는 이번 군사협력을 "무모한 도박"으로 규정했다.',
    '조선중앙통신은 "미제의 추악한 망동"이라며 강하게 반발했다.',
  ])('neutral, quoting loaded words: %s', (sentence) => {
    const s = judge(sentence);
    expect(s.level).toBe('none');
    expect(own(s.cues)).toEqual([]);
  });

  it.each([
    'The treaty was signed in Pyongyang on 19 June 2024.',
    'The ministry said talks would continue next week.',
    'Exports of coal rose by 12 percent in the first quarter.',
    'Договор был подписан в Пхеньяне 19 июня 2024 года.',
    'МИД России сообщил о переговорах в четверг.',
    '조약은 2024년 6월 19일 평양에서 서명됐다.',
    // What the treaty says, in words the real training sentences taught the model to distrust ("help … if").
    'It commits each side to help the other if attacked.',
    'North Korea would provide help should Russia be attacked.',
  ])('plain reporting stays unflagged: %s', (sentence) => {
    expect(judge(sentence).level).toBe('none');
  });

  it('blanks the speaker’s words before reading features', () => {
    const markers = compileMarkers(markersJson as MarkersFile);
    const text = 'He said that it was: "frankly a humiliating fiasco".';
    const open = text.indexOf('"');
    const quoted = extractFeatures({ text, speaker: [{ start: open, end: text.length - 1 }], ruleKinds: [], quotedCues: 0 }, markers, 18, { words: 1, chars: 1 })!;
    expect(quoted.tokens.map((t) => t.text).filter(Boolean)).toEqual(['He', 'said', 'that', 'it', 'was']);
    expect(quoted.dense[denseFeatureNames().indexOf('mark:frankness')]).toBe(0);
    expect(quoted.dense[denseFeatureNames().indexOf('quote:speaker')]).toBe(1);
  });
});

describe('attribution frame: the model does not flag a sentence whose own part only says who speaks', () => {
  const markers = compileMarkers(markersJson as MarkersFile);
  const features = (sentence: string) => extractFeatures(rulesOnly.modelInput(sentence), markers, 18, { words: 1, chars: 0.5 })!;
  // Weights that read every sentence as opinion: what is left unflagged is the veto's doing, not the weights'.
  const eager = loadFramingModel({ ...(weightsJson as WeightsData), bias: 20 }, markersJson as MarkersFile);
  const eagerAnalyzer = compileFraming([], { model: eager });
  const flagged = (sentence: string) => own(eagerAnalyzer.assessSentences(sentence)[0]!.cues).map((c) => c.kind);

  it.each([
    'The defence ministry in Seoul said on Monday that the pact changes nothing for the peninsula.',
    'The envoy called the visit "a historic turning point for both peoples".',
    'Пресс-секретарь Кремля заявил, что договор никому не угрожает.',
    '통일부 대변인은 이번 조약이 한반도 평화를 해친다고 밝혔다.',
    // A document reported as a speaker: what the treaty says is the treaty's, not the author's.
    'Article 4 stipulates that each side will help the other if attacked.',
    'Четвёртая статья договора гласит, что стороны помогут друг другу при нападении.',
    'В совместном заявлении констатируется, что партнёрство носит долгосрочный характер.',
  ])('reported or quoted, with a bare frame: %s', (sentence) => {
    expect(attributionFrameOnly(features(sentence))).toBe(true);
    expect(flagged(sentence)).toEqual([]);
  });

  it.each([
    // A stance word of the author's outside what is reported (a rule's reason now: the lexicon's stance).
    ['Predictably, the defence ministry in Seoul said the pact changes nothing.', 'stance'],
    // Quotation marks nobody owns are the author's distance, not a speaker.
    ['The "eternal friendship" now comes with artillery shells.', 'author-judgement'],
    // Nobody is reported at all.
    ['The pact changes nothing for the peninsula.', 'author-judgement'],
    // More than a frame: the author says a good deal besides who spoke.
    ['Having spent a decade courting Beijing and getting little for it in return, the isolated leadership in Pyongyang finally announced that it had found a new patron.', 'author-judgement'],
  ])('still the author’s: %s', (sentence, kind) => {
    expect(attributionFrameOnly(features(sentence))).toBe(false);
    expect(flagged(sentence)).toEqual([kind]);
  });
});

describe('too little to judge: the model stays silent on a fragment with almost no words of the author’s', () => {
  const markers = compileMarkers(markersJson as MarkersFile);
  const features = (sentence: string) => extractFeatures(rulesOnly.modelInput(sentence), markers, 18, { words: 1, chars: 0.5 })!;
  // Weights that read every sentence as opinion, as above.
  const eager = compileFraming([], { model: loadFramingModel({ ...(weightsJson as WeightsData), bias: 20 }, markersJson as MarkersFile) });
  const flagged = (sentence: string) => own(eager.assessSentences(sentence)[0]!.cues).map((c) => c.kind);

  it.each(['댓글', '공유하기 인쇄하기', 'Комментарии читателей', 'The editors', '2024년 11월 6일 18:04 | 입력'])('a byline, a date line or a page’s buttons: %s', (fragment) => {
    expect(tooLittleToJudge(features(fragment))).toBe(true);
    expect(flagged(fragment)).toEqual([]);
  });

  it.each(['무슨 조약?', 'Какой союз!', 'The pact changes nothing.'])('a short question, an exclamation or three words are still judged: %s', (sentence) => {
    expect(tooLittleToJudge(features(sentence))).toBe(false);
    expect(flagged(sentence)).toEqual(['author-judgement']);
  });
});

describe('cross-validation groups', () => {
  it('puts the pages of one site in one group, whatever the subdomain for mobile or print', () => {
    expect(siteOf('https://www.example.org/news/1')).toBe('example.org');
    expect(siteOf('https://m.example.org/amp/2')).toBe('example.org');
    expect(siteOf('https://blog.example.org/3')).toBe('blog.example.org');
    expect(siteOf('project')).toBe('project');
  });
});

describe('determinism', () => {
  it('the same sentence gives the same verdict, words and probability', () => {
    const model = shippedFramingModel();
    const input = analyzer.modelInput('Frankly, the clause is a blank cheque.');
    const a = model.assess(input);
    const b = loadFramingModel(weightsJson as WeightsData, markersJson as MarkersFile).assess(input);
    expect(a).toEqual(b);
    expect(model.assess(input)).toEqual(a);
  });

  it('training is deterministic: the same examples give the same weights', () => {
    const markers = compileMarkers(markersJson as MarkersFile);
    const sentences: [string, number][] = [
      ['The pact is a shameful bargain.', 1],
      ['Frankly, nobody should be surprised.', 1],
      ['The treaty was ratified in November.', 0],
      ['The minister arrived on Tuesday.', 0],
    ];
    const examples = sentences.map(([text, y], i) => ({
      f: extractFeatures(rulesOnly.modelInput(text), markers, 18, { words: 1, chars: 0.5 })!,
      y,
      rules: false,
      item: { sentence: text, lang: 'en', label: y ? ('opinion' as const) : ('neutral' as const), quoted: false, split: 'train', source: `s${i}` },
    }));
    const one = train(examples, 1e-3);
    const two = train(examples, 1e-3);
    expect(one.bias).toBe(two.bias);
    expect([...one.dense]).toEqual([...two.dense]);
    expect(one.sparse.every((w, i) => w === two.sparse[i])).toBe(true);
  });
});

describe('language gate', () => {
  it('speaks only for the languages it learned', () => {
    expect(modelLanguage('The pact was signed.')).toBe('en');
    expect(modelLanguage('Договор подписан.')).toBe('ru');
    expect(modelLanguage('조약이 서명됐다.')).toBe('ko');
    expect(modelLanguage('Договір підписано в Пхеньяні, і це їхній вибір.')).toBeNull();
    expect(modelLanguage('Der Vertrag wurde unterzeichnet.')).toBeNull();
    expect(analyzer.assessSentences('Der Vertrag ist eine peinliche Niederlage.')[0]!.cues).toEqual([]);
  });
});

describe('evaluation figures', () => {
  it('reports per language and the quoted-neutral sentences flagged', () => {
    const r = evaluateFraming(
      [
        { source: 'a', sentence: 'Small wonder that Tokyo is nervous.', label: 'opinion', lang: 'en' },
        { source: 'a', sentence: 'The treaty was signed in Pyongyang on 19 June 2024.', label: 'neutral', lang: 'en' },
        { source: 'b', sentence: 'Kim called the Western response "hysterical" in a speech.', label: 'neutral', lang: 'en', quoted: true },
        { source: 'c', sentence: 'Сеул не может не беспокоиться о новом союзе.', label: 'opinion', lang: 'ru' },
        { source: 'd', sentence: '조약은 2024년 6월 19일 평양에서 서명됐다.', label: 'opinion', lang: 'ko' },
      ],
      analyzer,
    );
    expect(r.byLanguage.en).toMatchObject({ sentences: 3, tp: 1, fp: 0, fn: 0, tn: 2, precision: 1, recall: 1 });
    expect(r.byLanguage.ru).toMatchObject({ tp: 1, recall: 1 });
    expect(r.byLanguage.ko).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(r.quotedNeutral).toEqual({ sentences: 1, flagged: 0 });
  });
});

describe('npm run train:framing', () => {
  it('says plainly when the labelled corpus is absent, and leaves the weights alone', () => {
    const before = readFileSync(new URL('./framing-weights.json', import.meta.url), 'utf8');
    const out: string[] = [];
    const err: string[] = [];
    const status = trainMain(['--corpus', '/nonexistent/corpus/framing/sentences.json'], { out: (t) => void out.push(t), err: (t) => void err.push(t) });
    expect(status).toBe(2);
    expect(err.join('')).toMatch(/labelled corpus is absent: \/nonexistent/);
    expect(err.join('')).toMatch(/framing-weights\.json stays as it is/);
    expect(readFileSync(new URL('./framing-weights.json', import.meta.url), 'utf8')).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { evaluate } from '../../src/cli/eval';
import { compileMatcher } from '../../src/core/matcher';
import { loadNames } from '../../src/cli/scan';

const corpus = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

describe('detection quality on the labelled corpus (npm run eval)', () => {
  const report = evaluate(corpus, compileMatcher(loadNames()));
  const detail = () =>
    JSON.stringify({ misses: report.misses, falseAlarms: report.falseAlarms, errors: report.errors }, null, 2);

  it('reads every file', () => {
    expect(report.errors, detail()).toEqual([]);
    expect(report.documents).toBeGreaterThanOrEqual(60);
  });
  it('document precision ≥ 0.97', () => expect(report.docPrecision, detail()).toBeGreaterThanOrEqual(0.97));
  it('document recall ≥ 0.95', () => expect(report.docRecall, detail()).toBeGreaterThanOrEqual(0.95));
  it('mention recall ≥ 0.9', () => expect(report.mentionRecall, detail()).toBeGreaterThanOrEqual(0.9));
});

/**
 * Framing cost in Chromium (issue 16): the analyzer card.js runs on every mention's passage, with and without the
 * learned model, measured in a page of the benchmark's Chromium. The core is bundled here as it is in card.js
 * (esbuild, the same sources); the passages are written in the project's own words, five sentences in English,
 * four in Russian, three in Korean, each a mix of reporting and judgement.
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Page } from 'puppeteer-core';

const PASSAGES = [
  'Washington’s reply to the pact has been clumsy and slow. The treaty was signed in Pyongyang on 19 June 2024 and obliges each side to help the other if attacked. Small wonder that Tokyo is nervous. The ministry said talks would continue next week. Frankly, the clause is a blank cheque, and Seoul would do well to keep its head.',
  'Очевидно, что Москва нуждается в снарядах больше, чем в дружбе. Договор был подписан в Пхеньяне 19 июня 2024 года. Сеул не может не беспокоиться о новом союзе. МИД России сообщил о переговорах в четверг.',
  '이번 조약으로 한반도 안보 지형은 크게 흔들릴 수밖에 없다. 조약은 2024년 6월 19일 평양에서 서명됐다. 사실상 러시아가 북한의 뒷배가 된 셈이다.',
];

export interface FramingTimes {
  /** The first passage of a page (regexes compiled, weights decoded), ms. */
  first: number;
  median: number;
  p95: number;
  passages: number;
}

const ENTRY = `
import { compileFraming, shippedFramingModel } from './src/core/framing';
import pack from './src/dataset/treaty-2024.json';
globalThis.__framingBench = (useModel, passages, rounds) => {
  const analyzer = compileFraming(pack.framing, useModel ? {} : { model: null });
  let t = performance.now();
  if (useModel) shippedFramingModel();
  analyzer.analyzePassage(passages[0], { start: 0, end: 10 });
  const first = performance.now() - t;
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const text = passages[i % passages.length] + ' '.repeat(i % 7);
    t = performance.now();
    analyzer.analyzePassage(text, { start: 20, end: 30 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { first, median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], passages: rounds };
};
`;

/** Rules alone and rules + model, each in a fresh page (so each pays its own first passage). */
export async function framingTimes(open: () => Promise<Page>, root: string, rounds = 300): Promise<{ rules: FramingTimes; model: FramingTimes }> {
  const bundled = await build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'framing-bench.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    logLevel: 'warning',
    absWorkingDir: path.resolve(root),
  });
  const code = bundled.outputFiles[0]!.text;
  const run = async (useModel: boolean): Promise<FramingTimes> => {
    const page = await open();
    try {
      await page.setContent('<p>framing</p>');
      await page.addScriptTag({ content: code });
      return await page.evaluate(
        (m: boolean, p: string[], n: number) => (globalThis as unknown as { __framingBench: (m: boolean, p: string[], n: number) => FramingTimes }).__framingBench(m, p, n),
        useModel,
        PASSAGES,
        rounds,
      );
    } finally {
      await page.close();
    }
  };
  const rules = await run(false);
  const model = await run(true);
  return { rules, model };
}

/**
 * `npx tsx src/cli/framing-probe.ts [--weights FILE] [--list]` — what the framing analyzer flags on text it was not
 * trained on: every sentence of the English, Russian and Korean `dev` pages of the detection corpus
 * (../shared/corpus/detection), less any page that is also a source of the framing corpus. These sentences are not
 * labelled: the counts say how much fires on ordinary news pages, and `--list` prints each flagged sentence with
 * what flagged it (rules, or the model alone) for a person to judge. The text is read, never written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { compileFraming } from '../core/framing';
import { loadFramingModel, type MarkersFile, type WeightsData } from '../core/framing-model';
import { framingTermSchema } from '../core/pack-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(root, '../shared/corpus');

export function main(argv: string[]): number {
  let weightsFile = join(root, 'src/core/framing-weights.json');
  let list = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--weights') weightsFile = resolve(argv[++i] ?? '');
    else if (argv[i] === '--list') list = true;
    else {
      process.stderr.write(`framing-probe: unknown argument ${argv[i]}\nusage: npx tsx src/cli/framing-probe.ts [--weights FILE] [--list]\n`);
      return 2;
    }
  }
  const labels = join(CORPUS, 'detection/labels.json');
  if (!existsSync(labels)) {
    process.stderr.write(`framing-probe: the detection corpus is absent: ${labels}\n`);
    return 2;
  }
  const framingSources = new Set(
    (JSON.parse(readFileSync(join(CORPUS, 'framing/sentences.json'), 'utf8')) as { source: string }[]).map((s) => s.source),
  );
  const pages = (JSON.parse(readFileSync(labels, 'utf8')) as { file: string; url: string; lang: string; split: string }[]).filter(
    (p) => p.split === 'dev' && ['en', 'ru', 'ko'].includes(p.lang) && !framingSources.has(p.url),
  );
  const terms = z.array(framingTermSchema).parse((JSON.parse(readFileSync(join(root, 'src/dataset/treaty-2024.json'), 'utf8')) as { framing: unknown }).framing);
  const markers = JSON.parse(readFileSync(join(root, 'src/core/framing-markers.json'), 'utf8')) as MarkersFile;
  const weights = JSON.parse(readFileSync(weightsFile, 'utf8')) as WeightsData;
  const analyzer = compileFraming(terms, { model: loadFramingModel(weights, markers) });
  let sentences = 0;
  const count = { rules: 0, model: 0 };
  const byLang: Record<string, { sentences: number; rules: number; model: number }> = {};
  for (const p of pages) {
    const raw = readFileSync(join(CORPUS, 'detection', p.file), 'utf8');
    const body = raw.slice(raw.indexOf('\n\n') + 2);
    const lang = (byLang[p.lang] ??= { sentences: 0, rules: 0, model: 0 });
    for (const paragraph of body.split(/\n+/)) {
      for (const s of analyzer.assessSentences(paragraph)) {
        if (!s.text.trim()) continue;
        sentences++;
        lang.sentences++;
        if (s.level === 'none') continue;
        const own = s.cues.filter((c) => !c.quoted);
        const modelOnly = own.every((c) => c.kind === 'author-judgement');
        const key = modelOnly ? 'model' : 'rules';
        count[key]++;
        lang[key]++;
        if (list) process.stdout.write(`${key.toUpperCase()} [${p.lang} ${p.file}] ${own.map((c) => (c.kind === 'author-judgement' ? `model(${(c.words ?? []).join(',')})` : `${c.kind}:${c.text}`)).join('; ')} || ${s.text.trim()}\n`);
      }
    }
  }
  process.stdout.write(`${pages.length} pages, ${sentences} sentences: flagged by rules ${count.rules}, by the model alone ${count.model}\n`);
  for (const [lang, c] of Object.entries(byLang)) process.stdout.write(`  ${lang}: ${c.sentences} sentences, rules ${c.rules}, model alone ${c.model}\n`);
  return 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * `npm run quality [-- --split dev|test] [-- --corpus DIR]` — detection and framing on the real-text corpus
 * (pages and sentences that nobody on the project wrote), kept outside the repository in ../shared/corpus.
 *
 * Tune on dev (the default); score test only once a change is finished. When the corpus folder is not there
 * (a fresh clone elsewhere), it says so and exits 0: `npm test` never needs it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluate, evaluateFramingFile, formatReport } from './eval';
import { compileTools, loadPack, type Io } from './scan';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultCorpus = resolve(projectRoot, '../shared/corpus');
const processIo: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };
const USAGE = 'usage: npm run quality -- [--split dev|test] [--corpus DIR]\n';

export function main(argv: string[], io: Io = processIo): number {
  let split = 'dev';
  let corpus = defaultCorpus;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = argv[i + 1];
    if ((a === '--split' || a === '--corpus') && value !== undefined) {
      if (a === '--split') split = value;
      else corpus = resolve(value);
      i++;
    } else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else {
      io.err(`quality: unexpected ${a}\n${USAGE}`);
      return 2;
    }
  }
  const detection = join(corpus, 'detection');
  const framing = join(corpus, 'framing', 'sentences.json');
  if (!existsSync(join(detection, 'labels.json')) && !existsSync(framing)) {
    io.out(`quality: no real-text corpus at ${corpus} (it lives beside the project, in shared/corpus); nothing to measure\n`);
    return 0;
  }
  const tools = compileTools(loadPack());
  if (existsSync(join(detection, 'labels.json'))) {
    io.out(`== detection, part "${split}" ==\n`);
    io.out(formatReport(detection, evaluate(detection, tools.matcher, undefined, split)));
  } else io.out(`quality: no detection corpus at ${detection}\n`);
  if (existsSync(framing)) {
    const r = evaluateFramingFile(framing, tools.framing, split);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    io.out(`\n== framing, part "${split}" (${r.sentences} sentences) ==\n`);
    io.out(`opinion precision ${pct(r.precision)}, recall ${pct(r.recall)}, F1 ${pct(r.f1)}\n`);
    io.out('(per language and every miss: npm run eval -- --framing FILE --split PART)\n');
  } else io.out(`quality: no framing corpus at ${framing}\n`);
  return 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}

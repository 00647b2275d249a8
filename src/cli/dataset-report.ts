/**
 * `npm run dataset [-- path/to/pack.json]`: validates a topic pack and prints a short report for whoever
 * updates it — counts, version, date, content hash, names per language, and the weak spots:
 * aggregator sources, sources older than the rest, items that rest only on aggregators, uncited sources — and
 * the dataset check (`auditPack`): the problems a fact-checker would not sign.
 * Exit 1 with every error listed when the pack is invalid or the check finds a problem.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopicPack } from '../core/pack-schema';
import { expandNames } from '../core/lexicon';
import { auditPack } from '../core/pack-audit';
import { formatPackErrors, packContentHash, validatePack } from '../core/pack-validate';

const DAY = 86_400_000;
const defaultPack = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dataset/treaty-2024.json');

interface Cited {
  where: string;
  sources: string[];
}

/** Everything that cites sources, with a readable path. */
function citing(pack: TopicPack): Cited[] {
  return [
    ...pack.facts.map((x, i) => ({ where: `facts[${i}] ${x.id}`, sources: x.sources })),
    ...pack.timeline.map((x, i) => ({ where: `timeline[${i}] ${x.id}`, sources: x.sources })),
    ...pack.quotes.map((x, i) => ({ where: `quotes[${i}] ${x.id}`, sources: x.sources })),
    ...pack.claims.map((x, i) => ({ where: `claims[${i}] ${x.id}`, sources: x.sources })),
    ...pack.framing.map((x, i) => ({ where: `framing[${i}] ${x.id}`, sources: x.sources })),
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function report(pack: TopicPack, hash: string): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const byId = new Map(pack.sources.map((s) => [s.id, s]));

  line(`${pack.id} ${pack.version} (updated ${pack.updated}) — hash ${hash}`);
  line(pack.title);
  line();
  const disputed = pack.facts.filter((f) => f.disputed).length;
  const kinds = new Map<string, number>();
  for (const s of pack.sources) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
  line('Counts');
  line(`  facts      ${pack.facts.length}${disputed ? ` (${disputed} disputed)` : ''}`);
  line(`  timeline   ${pack.timeline.length}`);
  line(`  quotes     ${pack.quotes.length} (${pack.quotes.filter((q) => q.translation).length} translated)`);
  line(`  claims     ${pack.claims.length}`);
  line(`  framing    ${pack.framing.length}`);
  line(`  exclusions ${pack.names.exclusions.length}`);
  line(`  sources    ${pack.sources.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  line();
  // What the matcher compiles: each language's lexicon folded into the names' groups.
  const names = expandNames(pack.names);
  const groups = Object.entries(names).filter((entry): entry is [string, Record<string, string[] | undefined>] => {
    const [key, value] = entry;
    return key !== 'exclusions' && typeof value === 'object' && value !== null && !Array.isArray(value);
  });
  const languages = [...new Set(groups.flatMap(([, byLang]) => Object.keys(byLang)))];
  line(`Names per language (${languages.length} languages; terms per group)`);
  for (const lang of languages) {
    const counts = groups.map(([group, byLang]) => [group, byLang[lang]?.length ?? 0] as const).filter(([, n]) => n > 0);
    const lookAlikes = names.exclusions.filter((e) => (e.terms as Record<string, unknown[] | undefined>)[lang]?.length).length;
    // Composed terms (lexicon.ts): the items that are not plain words.
    const entry = (pack.names.lexicon as Record<string, Record<string, unknown> | undefined>)[lang] ?? {};
    const items = [...Object.entries(entry).filter(([k]) => k !== 'inflect' && k !== 'lists' && k !== 'exclusions').flatMap(([, v]) => v as unknown[]), ...Object.values((entry.exclusions ?? {}) as Record<string, unknown[]>).flat()];
    const composed = items.filter((item) => typeof item !== 'string').length;
    line(`  ${lang.padEnd(3)} ${counts.map(([group, n]) => `${group} ${n}`).join(', ')}; look-alikes ${lookAlikes}/${names.exclusions.length}${composed > 0 ? `; composed terms ${composed} of ${items.length} items` : ''}`);
  }

  // Weak: aggregators. Old: more than 30 days before the signing (the timeline's "signing" event) or, without
  // one, before the median source date. Context sources (earlier treaties) are expected there; the list is for
  // a human to confirm, not an error.
  const weak = pack.sources.filter((s) => s.kind === 'aggregator');
  const signing = pack.timeline.find((t) => t.id === 'signing')?.date;
  const medianTime = median(pack.sources.map((s) => Date.parse(s.date)));
  const cutoff = (signing ? Date.parse(signing) : medianTime) - 30 * DAY;
  const old = pack.sources.filter((s) => Date.parse(s.date) < cutoff);
  const eventDated = pack.sources.filter((s) => s.dateBasis === 'event');
  line();
  line(`Median source date ${new Date(medianTime).toISOString().slice(0, 10)}`);
  line(`Weaker sources (aggregator): ${weak.length}`);
  for (const s of weak) line(`  ${s.id.padEnd(5)} ${s.publisher} — ${s.url}`);
  line(`More than 30 days older than ${signing ? `the signing (${signing})` : 'the median'}: ${old.length}`);
  for (const s of old) line(`  ${s.id.padEnd(5)} ${s.date} ${s.publisher} — ${s.title}`);
  line(`Dated by the event they report (no confirmed publication date): ${eventDated.length}`);
  if (eventDated.length) line(`  ${eventDated.map((s) => s.id).join(' ')}`);

  const items = citing(pack);
  const onlyWeak = items.filter((item) => item.sources.every((id) => byId.get(id)?.kind === 'aggregator'));
  line(`Items resting only on aggregator sources: ${onlyWeak.length}`);
  for (const item of onlyWeak) line(`  ${item.where} ← ${item.sources.join(', ')}`);
  const cited = new Set(items.flatMap((item) => item.sources));
  const uncited = pack.sources.filter((s) => !cited.has(s.id));
  line(`Uncited sources: ${uncited.length ? uncited.map((s) => s.id).join(' ') : 'none'}`);
  const copies = pack.sources.filter((s) => s.readAt);
  line(`Read at a copy (readAt; the card names the original publisher): ${copies.length}`);
  const problems = auditPack(pack);
  line();
  line(`Dataset check: ${problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}` : 'passed'}`);
  for (const p of problems) line(`  ${p}`);
  return out.join('\n');
}

function main(argv: string[]): number {
  const file = path.resolve(argv[0] ?? defaultPack);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    return 1;
  }
  const result = validatePack(json);
  if (!result.ok) {
    console.error(`${path.relative(process.cwd(), file)} is invalid (${result.errors.length} errors):\n${formatPackErrors(result.errors)}`);
    return 1;
  }
  console.log(report(result.pack, packContentHash(result.pack)));
  return auditPack(result.pack).length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));

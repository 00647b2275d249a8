/**
 * The editorial checks on a topic pack that the schema cannot express: how items and their sources fit together.
 * `validatePack` says whether the file can ship at all; `auditPack` says whether a fact-checker would sign it.
 * Run by `npm run dataset` (exit 1 on any problem) and by the unit tests, so `npm test` fails on them.
 * Pure: no file system, no DOM.
 */
import { noteLanguages, type Source, type TopicPack } from './pack-schema';

/** Source kinds that can carry a verbatim quote: the speaker's own channel, an agency, or a newsroom. */
export const quoteSourceKinds: ReadonlySet<Source['kind']> = new Set(['primary', 'wire', 'news']);

interface Citing {
  where: string;
  date?: string;
  sources: readonly string[];
}

function citing(pack: TopicPack): Citing[] {
  return [
    ...pack.facts.map((x, i) => ({ where: `facts[${i}] ${x.id}`, date: x.date, sources: x.sources })),
    ...pack.timeline.map((x, i) => ({ where: `timeline[${i}] ${x.id}`, date: x.date, sources: x.sources })),
    ...pack.quotes.map((x, i) => ({ where: `quotes[${i}] ${x.id}`, date: x.date, sources: x.sources })),
    ...pack.claims.map((x, i) => ({ where: `claims[${i}] ${x.id}`, sources: x.sources })),
    ...pack.framing.map((x, i) => ({ where: `framing[${i}] ${x.id}`, sources: x.sources })),
  ];
}

/** One address for the forms a URL takes on the web: scheme, "www.", "/amp" and a trailing slash do not count. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase().replace(/^www\d?\./u, '').replace(/^m\./u, '');
    const path = u.pathname.replace(/\/amp\/?$/u, '').replace(/\/+$/u, '');
    return `${host}${path}${u.search}`;
  } catch {
    return url;
  }
}

/** Every problem found, one line each, naming the item or source; empty when the pack passes. */
export function auditPack(pack: TopicPack): string[] {
  const problems: string[] = [];
  const byId = new Map(pack.sources.map((s) => [s.id, s]));
  const items = citing(pack);

  // 1. A source nobody cites is either dead weight or a citation that went missing.
  const cited = new Set(items.flatMap((item) => item.sources));
  for (const s of pack.sources) if (!cited.has(s.id)) problems.push(`source ${s.id}: no item cites it`);

  // 2. Two records for one page: the reader sees one publication counted twice.
  const seen = new Map<string, string>();
  for (const s of pack.sources) {
    const key = urlKey(s.url);
    const first = seen.get(key);
    if (first) problems.push(`source ${s.id}: same URL as ${first} (${s.url})`);
    else seen.set(key, s.id);
  }

  for (const item of items) {
    const sources = item.sources.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);

    // 3. A page cannot report what had not happened yet, unless its dateBasis says it is cited as background
    //    ("context": an earlier treaty, an earlier visit, the announcement of what was to come).
    if (item.date) {
      for (const s of sources) {
        if (s.dateBasis !== 'context' && s.date < item.date) {
          problems.push(`${item.where} (${item.date}): source ${s.id} is dated ${s.date}, before the event`);
        }
      }
    }

    // 5. An aggregator only passes with the original beside it: its own readAt, or another source that is not one.
    const others = sources.filter((s) => s.kind !== 'aggregator');
    for (const s of sources) {
      if (s.kind === 'aggregator' && !s.readAt && others.length === 0) {
        problems.push(`${item.where}: cites aggregator ${s.id} (${s.publisher}) without an original`);
      }
    }
  }

  // 4. A quote must be traceable to someone who heard or published the words.
  pack.quotes.forEach((q, i) => {
    const ok = q.sources.some((id) => {
      const kind = byId.get(id)?.kind;
      return kind !== undefined && quoteSourceKinds.has(kind);
    });
    if (!ok) problems.push(`quotes[${i}] ${q.id}: no source of kind primary, wire or news`);

    // 6. A reader of the language the words were spoken in gets those words, not our translation of a translation
    //    (unless a published translation is named with `by`).
    for (const lang of noteLanguages) {
      const local = q.i18n[lang];
      if (q.original && q.language === lang && !local.by && local.text !== q.original) {
        problems.push(`quotes[${i}] ${q.id}: i18n.${lang}.text is not the original`);
      }
    }
  });

  return problems;
}

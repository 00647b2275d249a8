/**
 * Page-level hints that a page is opinion: schema.org JSON-LD type, article:section, og:type, the URL path,
 * and the headline. DOM only (no extension API), so it runs on any Document, including happy-dom in tests.
 */
import type { PageSignals } from '../core/framing';

/** JSON-LD larger than this is skipped: parsing megabytes of page data is not worth a hint. */
const MAX_JSON_LD = 200_000;
const OPINION_TYPES = /^(?:https?:\/\/schema\.org\/)?(?:OpinionNewsArticle|Opinion)$/i;

interface LdFindings {
  opinion: boolean;
  section?: string;
  headline?: string;
}

/** Walks parsed JSON-LD (objects, arrays, @graph) for an opinion @type and an articleSection. */
function walk(node: unknown, found: LdFindings, depth = 0): void {
  if (depth > 8 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, found, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(obj['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && OPINION_TYPES.test(t))) found.opinion = true;
  const section = ([] as unknown[]).concat(obj['articleSection'] ?? []).find((s) => typeof s === 'string');
  if (typeof section === 'string' && !found.section) found.section = section;
  if (typeof obj['headline'] === 'string' && !found.headline) found.headline = obj['headline'];
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) walk(obj[key], found, depth + 1);
}

// Meta tags live in the head: searching the whole document for an absent one cost tens of ms on a 10 MB page.
const meta = (doc: Document, selector: string) => (doc.head ?? doc).querySelector<HTMLMetaElement>(selector)?.content?.trim() || undefined;

export function readPageSignals(doc: Document): PageSignals {
  const found: LdFindings = { opinion: false };
  // document.scripts: one pass by tag name, not an attribute selector over every element.
  const scripts = doc.scripts;
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    if (script.type !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (!text || text.length > MAX_JSON_LD) continue;
    try {
      walk(JSON.parse(text), found);
    } catch {
      // Malformed JSON-LD is common; a page's mistake is not ours to report.
    }
  }
  const ogType = meta(doc, 'meta[property="og:type"]');
  const signals: PageSignals = {};
  if (found.opinion || (ogType && /opinion/i.test(ogType))) signals.opinionType = true;
  const section =
    meta(doc, 'meta[property="article:section"]') ?? meta(doc, 'meta[name="article:section"]') ?? found.section;
  if (section) signals.section = section;
  const url = doc.URL;
  if (url && url !== 'about:blank') signals.url = url;
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const headline = h1 || found.headline || meta(doc, 'meta[property="og:title"]');
  if (headline) signals.headline = headline.slice(0, 300);
  return signals;
}

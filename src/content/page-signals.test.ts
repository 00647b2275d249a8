// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageSignals } from './page-signals';

function page(head: string, body = '', url = 'https://news.example/world/asia/pact'): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
}
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('readPageSignals', () => {
  it('reads nothing opinionated from a plain news page', () => {
    const s = readPageSignals(page('<meta property="article:section" content="World">', '<h1>Putin and Kim sign pact</h1>'));
    expect(s).toEqual({ section: 'World', url: 'https://news.example/world/asia/pact', headline: 'Putin and Kim sign pact' });
  });

  it('finds OpinionNewsArticle at the top level, in arrays and inside @graph', () => {
    expect(readPageSignals(page(ld({ '@type': 'OpinionNewsArticle' }))).opinionType).toBe(true);
    expect(readPageSignals(page(ld([{ '@type': 'WebPage' }, { '@type': ['NewsArticle', 'OpinionNewsArticle'] }]))).opinionType).toBe(true);
    expect(readPageSignals(page(ld({ '@graph': [{ '@type': 'Organization' }, { '@type': 'OpinionNewsArticle', articleSection: 'Comment' }] })))).toMatchObject({
      opinionType: true,
      section: 'Comment',
    });
    expect(readPageSignals(page(ld({ '@type': 'NewsArticle' }))).opinionType).toBeUndefined();
  });

  it('survives malformed JSON-LD', () => {
    const s = readPageSignals(page(`<script type="application/ld+json">{ "@type": "OpinionNewsArticle",</script>${ld({ '@type': 'OpinionNewsArticle' })}`));
    expect(s.opinionType).toBe(true);
    expect(readPageSignals(page('<script type="application/ld+json">not json</script>')).opinionType).toBeUndefined();
  });

  it('reads article:section, og:type and the URL', () => {
    expect(readPageSignals(page('<meta property="article:section" content="Opinion">')).section).toBe('Opinion');
    expect(readPageSignals(page('<meta property="og:type" content="opinion">')).opinionType).toBe(true);
    expect(readPageSignals(page('', '', 'https://news.example/opinion/2024/06/20/pact')).url).toBe('https://news.example/opinion/2024/06/20/pact');
  });

  it('takes the h1 as headline, else the JSON-LD headline', () => {
    expect(readPageSignals(page('', '<h1>  Is the pact  a new axis? </h1>')).headline).toBe('Is the pact a new axis?');
    expect(readPageSignals(page(ld({ '@type': 'NewsArticle', headline: 'Treaty in force' }))).headline).toBe('Treaty in force');
  });
});

/**
 * What a content script costs in a fresh isolated world, script by script, without the noise of whole loads
 * (issue 18: "nothing to find"). Loads the bench's 50 KB no-mention article once per round in headless
 * Chromium and, on that page, runs each script in a world of its own (CDP `Page.createIsolatedWorld`, as an
 * extension's content script gets), in an order that turns from round to round. Each figure is the renderer
 * main thread's CPU time (`Performance.getMetrics` ThreadTime) from just before the script to the end of a
 * task queued after it (its microtasks: the gate's `async` steps), less the same for an empty expression in
 * another fresh world; so the world's creation is not counted, but its first use of each DOM interface is.
 * Every run's source gets a unique trailing comment, so V8's compilation cache never serves a second run.
 *
 *   npx tsx test/bench/worlds.ts [--rounds=40] [name=file.js ...]
 *
 * Built-in scripts: `empty` (one attribute write, as the bench's empty script), `walk` (the walk-only floor's
 * TreeWalker pass). Further ones are files, e.g. `old=/tmp/old/chrome/content.js new=dist/chrome/content.js`.
 * Prints per script the median and quartiles (ms) and the median against `walk`. A content.js may run its
 * gate here (no extension API exists in such a world; content.js touches none while the gate stays shut).
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import puppeteer, { type CDPSession, type Page } from 'puppeteer-core';
import { articlePage } from './pages';

const argv = process.argv.slice(2);
const opt = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROUNDS = Number(opt('rounds') ?? 40);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BUILT_IN: Record<string, string> = {
  empty: `document.documentElement.setAttribute('data-bench-floor', '0');`,
  walk: `(() => {
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
  document.documentElement.setAttribute('data-bench-floor', String(chars));
})();`,
};

// The baseline expression: what measuring itself costs (two metric calls, one evaluate, one timer).
const NOTHING = '0';
const AFTER = 'new Promise((resolve) => setTimeout(resolve, 0))';

export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/** CPU ms of the page's main thread for `source` in a fresh isolated world, its microtasks and one timer after. */
async function inFreshWorld(page: Page, cdp: CDPSession, source: string, tag: string): Promise<number> {
  const frameId = (page.mainFrame() as unknown as { _id: string })._id;
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId, worldName: `bench-${tag}` })) as { executionContextId: number };
  const before = await threadTime(cdp);
  const result = (await cdp.send('Runtime.evaluate', { expression: source, contextId: executionContextId })) as { exceptionDetails?: { text: string; exception?: { description?: string } } };
  await cdp.send('Runtime.evaluate', { expression: AFTER, contextId: executionContextId, awaitPromise: true });
  const after = await threadTime(cdp);
  if (result.exceptionDetails) throw new Error(`${tag}: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
  return after - before;
}

async function main(): Promise<void> {
  const scripts: [string, string][] = [['empty', BUILT_IN.empty!], ['walk', BUILT_IN.walk!]];
  for (const arg of argv.filter((a) => !a.startsWith('--'))) {
    const [name, file] = arg.split('=');
    if (!name || !file) throw new Error(`expected name=file.js, got ${arg}`);
    scripts.push([name, await readFile(file, 'utf8')]);
  }
  const html = articlePage(7, 50_000, 0).html;
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, pipe: true, args: ['--no-sandbox', '--no-first-run', '--disable-background-networking'] });
  const times = new Map<string, number[]>(scripts.map(([name]) => [name, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      // Warms the measuring path itself (the first metrics call and evaluate cost more).
      await inFreshWorld(page, cdp, NOTHING, `warm-${round}`);
      const order = scripts.map((_, i) => scripts[(i + round) % scripts.length]!);
      for (const [name, source] of order) {
        const base = await inFreshWorld(page, cdp, NOTHING, `base-${name}-${round}`);
        const cost = await inFreshWorld(page, cdp, `${source}\n//# run ${round} ${name} ${Math.random()}`, `${name}-${round}`);
        times.get(name)!.push(cost - base);
      }
      await cdp.detach();
      await page.close();
      if ((round + 1) % 10 === 0) process.stderr.write(`[worlds] ${round + 1}/${ROUNDS} rounds\n`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const walk = quartiles(times.get('walk')!).median;
  console.log(`Fresh isolated worlds on the 50 KB no-mention article, ${ROUNDS} rounds, ${await browserVersion()}; CPU ms (median, quartiles):`);
  for (const [name] of scripts) {
    const q = quartiles(times.get(name)!);
    console.log(`  ${name.padEnd(12)} ${q.median.toFixed(2).padStart(6)}  (${q.q1.toFixed(2)}–${q.q3.toFixed(2)})  ${(q.median / walk).toFixed(2)}× walk`);
  }
}

async function browserVersion(): Promise<string> {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, pipe: true, args: ['--no-sandbox'] });
  try {
    return await browser.version();
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();

#!/usr/bin/env node
/**
 * Builds dist/chrome and dist/firefox from one manifest, and the store zips.
 *   node build.mjs            production: minified, no source maps, zips
 *   node build.mjs --dev      readable bundles with inline source maps, no zips
 *   node build.mjs --watch    --dev, rebuilding on every change under src/, assets/ and manifest.json
 * The dataset is validated first; an invalid pack stops the build and names the bad field.
 */
import * as esbuild from 'esbuild';
import { Resvg } from '@resvg/resvg-js';
import { zipSync } from 'fflate';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const watchMode = args.has('--watch');
const dev = watchMode || args.has('--dev');
const dist = path.join(root, 'dist');
const browsers = ['chrome', 'firefox'];
const packFile = path.join(root, 'src/dataset/treaty-2024.json');

class BuildError extends Error {}

/** Validates the pack with the same code the tests use; returns its content hash. */
async function checkDataset() {
  const outfile = path.join(root, 'node_modules/.cache/context-notes/pack-tools.mjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/pack-tools.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  const { validatePack, packContentHash, formatPackErrors, prefilterSources, gateLiterals, packGate, termTable, pageNames } = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
  let json;
  try {
    json = JSON.parse(await readFile(packFile, 'utf8'));
  } catch (error) {
    throw new BuildError(`${path.relative(root, packFile)}: ${error.message}`);
  }
  const result = validatePack(json);
  if (!result.ok) throw new BuildError(`${path.relative(root, packFile)} is invalid:\n${formatPackErrors(result.errors)}`);
  // The page gate's literals, the scanner's per-node prefilter and each term's literals, derived from the
  // names once here instead of on every page.
  return {
    hash: packContentHash(result.pack),
    version: result.pack.version,
    prefilter: prefilterSources(result.pack.names),
    // The gate's core search as a ready pattern, the rest as JSON for content.js to parse only after a core hit.
    gate: packGate(gateLiterals(result.pack.names)),
    termTable: termTable(result.pack.names),
    // The lexicon (plain words and morphology rules per language) compiled into the matcher's terms here,
    // so pages never compile it; look-alikes without their labels and reasons.
    names: pageNames(result.pack.names),
  };
}

async function renderIcons(outDir) {
  const svg = await readFile(path.join(root, 'assets/icon.svg'));
  await mkdir(path.join(outDir, 'icons'), { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    await writeFile(path.join(outDir, 'icons', `icon-${size}.png`), png);
  }
}

function manifestFor(browser, base, version) {
  const manifest = structuredClone(base);
  manifest.version = version;
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
  } else {
    // Firefox runs MV3 backgrounds as event pages; it has no service workers for extensions.
    manifest.background = { scripts: ['background.js'] };
    // Firefox gets the card's code injected by the background (content-script hosts are host permissions
    // there), so it needs no web-accessible resource; Chrome loads it with import() from a per-session URL.
    delete manifest.web_accessible_resources;
    manifest.permissions = [...manifest.permissions, 'scripting'];
  }
  return manifest;
}

/**
 * Preact can write HTML strings through dangerouslySetInnerHTML. We never use it, so the build removes the
 * one assignment that does it: no HTML can be built from strings in any bundle, and AMO's linter has nothing
 * to flag. If Preact changes shape the build fails here rather than ship the path silently.
 */
const noInnerHtml = {
  name: 'no-inner-html',
  setup(build) {
    build.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const assignment = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;
      const patched = source.replace(assignment, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled")})()');
      if (patched === source || /\.innerHTML\s*=[^=]/.test(patched)) {
        throw new BuildError(`${args.path}: could not remove Preact's innerHTML assignment; check the no-inner-html plugin`);
      }
      return { contents: patched, loader: 'js' };
    });
  },
};

/** The page bundles carry the pack's names as pageNames (src/cli/pack-tools.ts) gave them. */
const leanPack = (names) => ({
  name: 'lean-pack',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]dataset[\\/][^\\/]+\.json$/ }, async (args) => {
      const pack = JSON.parse(await readFile(args.path, 'utf8'));
      pack.names = names;
      return { contents: JSON.stringify(pack), loader: 'json' };
    });
  },
});

/**
 * The same bundles never compile a lexicon (their names come compiled, above): lexicon.ts is replaced there by
 * what the matcher calls, names passed through, so the compiler and its item format stay out of the page code.
 */
const compiledLexicon = {
  name: 'compiled-lexicon',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]lexicon\.ts$/ }, () => ({
      contents: `export function expandNames(names) {
  if ('lexicon' in names) throw new Error('the page bundles carry compiled names (build.mjs leanPack)');
  return names;
}`,
      loader: 'js',
    }));
  },
};

/**
 * Chromium styles each element's highlights from the rules that match it, and a rule for every element
 * (`::highlight(x)`) makes every style recalculation of every page resolve those styles for each element:
 * about twice the page's own cost (62 → 131 ms for a full recalculation of a 1 MB page), on pages with no
 * mention too. Its highlight styles inherit (decorations and backgrounds paint on nested text from an ancestor's
 * rule), so the Chrome build names only the root: 87 ms there. Firefox's do not inherit; it keeps the rules as written.
 */
const rootHighlights = {
  name: 'root-highlights',
  setup(build) {
    build.onLoad({ filter: /[\\/]assets[\\/]content\.css$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const scoped = source.replace(/(^|[\s,{}])::highlight\(/g, '$1:root::highlight(');
      if (scoped === source) throw new BuildError(`${args.path}: no ::highlight() rule to scope; check the root-highlights plugin`);
      return { contents: scoped, loader: 'css' };
    });
  },
};

async function bundle(outDir, packInfo, browser) {
  const common = {
    bundle: true,
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    target: ['chrome120', 'firefox140'],
    legalComments: 'none',
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: {
      __BROWSER__: JSON.stringify(browser),
      __PACK_HASH__: JSON.stringify(packInfo.hash),
      __PREFILTER__: JSON.stringify(packInfo.prefilter),
      // Three fields, two of them strings (a pattern, and JSON parsed only once a core literal is seen).
      __GATE__: JSON.stringify(packInfo.gate),
      __TERM_TABLE__: JSON.stringify(packInfo.termTable),
      'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production'),
    },
    logLevel: 'silent',
    metafile: true,
    plugins: [noInnerHtml],
  };
  const results = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: {
        background: 'src/background/index.ts',
        content: 'src/content/index.ts',
        notes: 'src/content/notes-entry.ts',
        popup: 'src/ui/popup-entry.tsx',
        options: 'src/ui/options-entry.tsx',
        dossier: 'src/ui/dossier/dossier-entry.tsx',
      },
      format: 'iife',
      outdir: outDir,
      plugins: [noInnerHtml, leanPack(packInfo.names), compiledLexicon],
    }),
    // Injected by the background into a frame only once its content script has found a mention.
    esbuild.build({
      ...common,
      entryPoints: { card: 'src/content/card-entry.ts' },
      format: 'iife',
      outdir: outDir,
      loader: { '.css': 'text' },
    }),
    esbuild.build({
      ...common,
      entryPoints: { content: 'assets/content.css', ui: 'assets/ui.css' },
      outdir: outDir,
      loader: { '.css': 'css' },
      plugins: browser === 'chrome' ? [rootHighlights] : [],
    }),
  ]);
  return results.flatMap((result) => Object.entries(result.metafile.outputs));
}

async function buildBrowser(browser, packInfo, version) {
  const outDir = path.join(dist, browser);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const baseManifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const outputs = await bundle(outDir, packInfo, browser);
  await Promise.all([
    writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifestFor(browser, baseManifest, version), null, 2)),
    cp(path.join(root, 'assets/_locales'), path.join(outDir, '_locales'), { recursive: true }),
    cp(path.join(root, 'src/ui/popup.html'), path.join(outDir, 'popup.html')),
    cp(path.join(root, 'src/ui/options.html'), path.join(outDir, 'options.html')),
    cp(path.join(root, 'src/ui/dossier/dossier.html'), path.join(outDir, 'dossier.html')),
    renderIcons(outDir),
  ]);
  return outputs;
}

async function listFiles(dir, prefix = '') {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else files.push(rel);
  }
  return files.sort();
}

async function zipBrowser(browser, version) {
  const dir = path.join(dist, browser);
  const entries = {};
  for (const file of await listFiles(dir)) {
    if (file.endsWith('.map')) continue;
    // A fixed date keeps the zip byte-identical across builds of the same source.
    entries[file] = [new Uint8Array(await readFile(path.join(dir, file))), { mtime: new Date('2024-06-19T00:00:00Z') }];
  }
  const zipPath = path.join(dist, `context-notes-${version}-${browser}.zip`);
  await writeFile(zipPath, zipSync(entries, { level: 9 }));
  return zipPath;
}

async function buildAll() {
  const started = performance.now();
  const packInfo = await checkDataset();
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  await mkdir(dist, { recursive: true });
  let outputs = [];
  for (const browser of browsers) outputs = await buildBrowser(browser, packInfo, version);
  const sizes = outputs
    .filter(([file]) => /\.(js|css)$/.test(file) && file.includes('dist/firefox'))
    .map(([file, info]) => `${path.basename(file)} ${(info.bytes / 1024).toFixed(1)} KB`);
  if (!dev) for (const browser of browsers) console.log(`packed ${path.relative(root, await zipBrowser(browser, version))}`);
  console.log(`built dist/chrome and dist/firefox (pack ${packInfo.version}, ${packInfo.hash}) in ${Math.round(performance.now() - started)} ms: ${sizes.join(', ')}`);
}

function reportAndExit(error) {
  if (error instanceof BuildError) console.error(`build failed: ${error.message}`);
  else if (error?.errors?.length) console.error(`build failed:\n${error.errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`).join('\n')}`);
  else console.error('build failed:', error);
  if (!watchMode) process.exit(1);
}

if (watchMode) {
  let timer;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildAll().catch(reportAndExit), 100);
  };
  for (const target of ['src', 'assets', 'manifest.json']) watch(path.join(root, target), { recursive: true }, rebuild);
  rebuild();
  console.log('watching src/, assets/ and manifest.json; Ctrl+C stops');
} else {
  await buildAll().catch(reportAndExit);
}

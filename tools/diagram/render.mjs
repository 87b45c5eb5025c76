// Renders every processes/*.bpmn to <out>/<key>.svg and <out>/<key>.png with the
// bpmn-js viewer in a headless Chromium (Debian's /usr/bin/chromium, no network).
// Called by render.sh, which checks the prerequisites; run that instead.
//
//   node render.mjs --processes <dir> --out <dir> [--chromium /usr/bin/chromium]

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

// Fixed, installed font first so that label wrapping (measured in the browser)
// does not depend on which fallback font a machine happens to have.
// Noto Sans CJK SC comes from the Debian package fonts-noto-cjk.
const FONT_FAMILY = '"Noto Sans CJK SC", Arial, sans-serif';
const PADDING = 20; // CSS px of white around the diagram in the PNG
const SCALE = 2; // device scale factor of the PNG

function parseArgs(argv) {
  const args = { chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!['processes', 'out', 'chromium'].includes(name) || i + 1 >= argv.length) {
      throw new Error(`unknown or incomplete argument: ${argv[i]}`);
    }
    args[name] = argv[++i];
  }
  if (!args.processes || !args.out) throw new Error('--processes and --out are required');
  return args;
}

// bpmn-js gives every arrow-head marker a random id ("marker-0csd25rbugfgr...")
// that is referenced as url('#marker-...'). Renumber them in order of first
// appearance (marker-1, marker-2, ...) so that the SVG is byte-for-byte the same
// on every run and only changes when the model (or bpmn-js / the font) changes.
function normaliseSvg(svg) {
  const ids = new Map();
  const out = svg.replace(/\bmarker-[a-z0-9]{8,}\b/g, (id) => {
    if (!ids.has(id)) ids.set(id, `marker-${ids.size + 1}`);
    return ids.get(id);
  });
  return out.endsWith('\n') ? out : out + '\n';
}

const args = parseArgs(process.argv.slice(2));
const viewerJs = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const files = (await readdir(args.processes)).filter((f) => f.endsWith('.bpmn')).sort();
if (files.length === 0) throw new Error(`no *.bpmn files in ${args.processes}`);
await mkdir(args.out, { recursive: true });

const userDataDir = await mkdtemp(path.join(tmpdir(), 'bpmn-render-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: args.chromium,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    deviceScaleFactor: SCALE,
    viewport: { width: 1600, height: 900 },
    offline: true,
  });
  // Nothing may be fetched: the page is built from strings and a local script.
  await context.route('**/*', (route) => route.abort());

  for (const file of files) {
    const key = path.basename(file, '.bpmn');
    const xml = await readFile(path.join(args.processes, file), 'utf8');
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e));

    await page.setContent(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; padding: 0; background: #fff; overflow: hidden; }
  #canvas { position: absolute; inset: 0; background: #fff; }
  .bjs-powered-by { display: none; }
</style></head><body><div id="canvas"></div></body></html>`);
    await page.addScriptTag({ path: viewerJs });

    const result = await page.evaluate(
      async ({ xml, fontFamily }) => {
        const style = { fontFamily, fontSize: 12, fontWeight: 'normal', lineHeight: 1.2 };
        const viewer = new window.BpmnJS({
          container: '#canvas',
          textRenderer: { defaultStyle: style, externalStyle: { ...style, fontSize: 11 } },
        });
        window.__viewer = viewer;
        await document.fonts.ready;
        const { warnings } = await viewer.importXML(xml);
        const inner = viewer.get('canvas').viewbox().inner;
        return { warnings: warnings.map((w) => String(w.message || w)), inner };
      },
      { xml, fontFamily: FONT_FAMILY },
    );
    for (const w of result.warnings) console.warn(`  warning (${file}): ${w}`);

    // Size the viewport to the diagram so that fit-viewport shows it at 100 %.
    const width = Math.ceil(result.inner.width) + 2 * PADDING;
    const height = Math.ceil(result.inner.height) + 2 * PADDING;
    await page.setViewportSize({ width, height });
    const svg = await page.evaluate(async () => {
      const canvas = window.__viewer.get('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
      const { svg } = await window.__viewer.saveSVG();
      return svg;
    });
    if (pageErrors.length) throw pageErrors[0];

    await writeFile(path.join(args.out, `${key}.svg`), normaliseSvg(svg));
    await page.locator('#canvas').screenshot({
      path: path.join(args.out, `${key}.png`),
      animations: 'disabled',
      omitBackground: false,
    });
    console.log(`  ${file} -> ${key}.svg, ${key}.png (${width * SCALE}x${height * SCALE} px)`);
    await page.close();
  }
} finally {
  if (context) await context.close();
  await rm(userDataDir, { recursive: true, force: true });
}

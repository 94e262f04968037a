// @ts-check
/**
 * Benchmark (bench/README.md): Lighthouse's mobile performance audit of the rider home, the report form and the
 * stations, opened in a new tab of a browser where the demo rider is signed in, as a rider opens the app again.
 * Each page is audited LIGHTHOUSE_RUNS times (default 3) with the browser cache emptied (cookies and storage kept);
 * the run with the median score is reported. Prints a Markdown report (also written to BENCH_REPORT when set) and
 * exits non-zero when a page misses a goal. Env: as e2e/harness.js (FENGXING_BASE_URL, FENGXING_ISSUER, CHROMIUM).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import lighthouse from 'lighthouse'
import { chromium } from 'playwright-core'
import { BASE_URL, issuer, screenshot, signIn } from '../e2e/harness.js'

const GOALS = { score: 90, jsGzip: 100 * 1024, cls: 0.1 }
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3)
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 9222)
const PAGES = [
  { name: 'rider home', path: '/t/ningxiang' },
  { name: 'report form', path: '/t/ningxiang/report' },
  { name: 'stations', path: '/t/ningxiang/stations' },
]

/**
 * Gzip size (level 9) of the app's scripts the page asked for before `until` (ms after navigation start), fetched
 * again here, as the audit ran with an empty cache.
 */
async function scriptGzipBytes(/** @type {any} */ lhr, until = Infinity) {
  const urls = new Set(
    lhr.audits['network-requests'].details.items
      .filter(
        (/** @type {any} */ r) =>
          r.resourceType === 'Script' && new URL(r.url).origin === BASE_URL && r.rendererStartTime < until,
      )
      .map((/** @type {any} */ r) => r.url),
  )
  let bytes = 0
  for (const url of urls) bytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length
  return { bytes, files: urls.size }
}

/** Whether the page asked the sign-in provider anything on its way (its login page, a token, its settings). */
function visitedProvider(/** @type {any} */ lhr, /** @type {string} */ provider) {
  return lhr.audits['network-requests'].details.items.some((/** @type {any} */ r) => new URL(r.url).origin === provider)
}

const profile = await mkdtemp(join(tmpdir(), 'fengxing-lighthouse-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--remote-debugging-port=${PORT}`,
    // only the app and the sign-in provider answer (as in the browser tests): map tiles on the internet fail at once
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
  ],
  locale: 'zh-CN',
})
let failed = false
const rows = []
let version = ''
try {
  const provider = new URL(await issuer()).origin
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${BASE_URL}/t/ningxiang`)
  await signIn(page, 'rider', 'fengxing')
  await page.getByTestId('snap-report').waitFor()
  const cdp = await context.newCDPSession(page)

  for (const target of PAGES) {
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      await cdp.send('Network.clearBrowserCache')
      const result = await lighthouse(
        BASE_URL + target.path,
        { port: PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true },
        undefined,
      )
      if (!result) throw new Error(`Lighthouse gave no result for ${target.path}`)
      runs.push(result.lhr)
      version = result.lhr.lighthouseVersion
    }
    runs.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0))
    const lhr = runs[Math.floor(runs.length / 2)]
    // the JavaScript that stands between opening the page and its main content: asked for before its LCP
    const observed = /** @type {any} */ (lhr.audits.metrics.details)?.items[0]
    const js = await scriptGzipBytes(lhr, observed.observedLargestContentfulPaint)
    const allJs = await scriptGzipBytes(lhr)
    const metrics = {
      ...target,
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      scores: runs.map((r) => Math.round((r.categories.performance.score ?? 0) * 100)),
      js,
      allJs,
      cls: lhr.audits['cumulative-layout-shift'].numericValue ?? 0,
      fcp: lhr.audits['first-contentful-paint'].numericValue ?? 0,
      lcp: lhr.audits['largest-contentful-paint'].numericValue ?? 0,
      tbt: lhr.audits['total-blocking-time'].numericValue ?? 0,
      signInTrip: visitedProvider(lhr, provider),
      landed: new URL(lhr.finalDisplayedUrl).pathname,
    }
    const met = metrics.score >= GOALS.score && js.bytes <= GOALS.jsGzip && metrics.cls < GOALS.cls && !metrics.signInTrip
    failed ||= !met
    rows.push({ ...metrics, met })
  }
  // what was measured, on a small phone's screen: target/screenshots/lighthouse-<page>.png
  await page.setViewportSize({ width: 360, height: 740 })
  for (const target of PAGES) {
    await page.goto(BASE_URL + target.path, { waitUntil: 'networkidle' })
    await screenshot(page, `lighthouse-${target.path.split('/').slice(3).join('-') || 'home'}`)
  }
} finally {
  await context.close()
  await rm(profile, { recursive: true, force: true })
}

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1)
const report = [
  `# Rider pages on a cheap phone (Lighthouse ${version}) — ${new Date().toISOString()}`,
  '',
  `Lighthouse mobile (Moto G Power class, 4× CPU slowdown, simulated slow 4G), performance only, ${RUNS} runs a page, ` +
    'the median by score shown; signed in as the demo rider, each page opened in a new tab with the browser cache emptied.',
  `Goals: score ≥ ${GOALS.score}, JS asked for before the page's LCP ≤ ${kb(GOALS.jsGzip)} KB gzip, CLS < ${GOALS.cls}, no sign-in round trip.`,
  '',
  '| page | score (all runs) | JS before LCP, gzip KB (files) | all JS loaded | CLS | FCP ms | LCP ms | TBT ms | via sign-in provider | landed on | goals |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} \`${r.path}\` | ${r.score} (${r.scores.join(', ')}) | ${kb(r.js.bytes)} (${r.js.files}) | ` +
      `${kb(r.allJs.bytes)} (${r.allJs.files}) | ` +
      `${r.cls.toFixed(3)} | ${r.fcp.toFixed(0)} | ${r.lcp.toFixed(0)} | ${r.tbt.toFixed(0)} | ` +
      `${r.signInTrip ? 'yes' : 'no'} | \`${r.landed}\` | ${r.met ? 'met' : '**not met**'} |`,
  ),
  '',
].join('\n')
console.log(report)
if (process.env.BENCH_REPORT) await writeFile(process.env.BENCH_REPORT, report)
process.exitCode = failed ? 1 : 0

// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, call, ensureActiveRider, userToken } from './api.js'
import { PHONE, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/** @type {import('playwright-core').Browser} */
let browser

/** @type {number[]} */
const added = []

before(async () => {
  browser = await launch()
  await merchantsByTheStation()
})

after(async () => {
  await browser?.close()
  const admin = await userToken('ningxiang-admin')
  for (const id of added) await call(admin, 'DELETE', `/api/t/ningxiang/merchants/${id}`)
})

/** A cheap phone. */
const SMALL_PHONE = { ...PHONE, viewport: { width: 360, height: 740 } }

/** At the door of ningxiang's 城南商业街骑手驿站 (s02 of deploy/demo/tenants/ningxiang.yaml). */
const HERE = { longitude: 111.190055, latitude: 37.36278 }

/** Two partner merchants by the station; the first with a long name, as real shop signs have. */
const MERCHANTS = [
  { name: '城南商业街老王家常菜馆（骑手优惠店）', discount: '骑手凭码9折', lon: 111.1905, lat: 37.3631 },
  { name: '城南便利店', discount: '骑手免费热水充电', lon: 111.1893, lat: 37.3624 },
]

async function merchantsByTheStation() {
  const admin = await userToken('ningxiang-admin')
  for (const [i, m] of MERCHANTS.entries()) {
    const merchant = await call(admin, 'POST', '/api/t/ningxiang/merchants', {
      code: `e2e-${RUN}-${i}`,
      name: m.name,
      category: 'food',
      address: '城南商业街',
      lon: m.lon,
      lat: m.lat,
      discount: m.discount,
      badge: 'awarded',
    })
    added.push(merchant.id)
  }
}

/**
 * Signs the demo rider in on a 360×740 phone standing at HERE; layout shifts are summed from the start
 * (window.__cls), as Lighthouse counts them.
 * @param {string} path
 * @returns {Promise<Page>}
 */
async function riderAt(path) {
  const page = await openPage(browser, { ...SMALL_PHONE, geolocation: HERE, permissions: ['geolocation'] })
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window)
    w.__cls = 0
    new PerformanceObserver((list) => {
      for (const shift of /** @type {any[]} */ (list.getEntries())) if (!shift.hadRecentInput) w.__cls += shift.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto(path)
  await signIn(page, 'rider', 'fengxing')
  return page
}

/**
 * Waits until Vant's popups have slid in, for the screenshot.
 * @param {Page} page
 */
async function settled(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('.van-popup')].every((p) => !p.getAnimations().length))
}

/**
 * WCAG contrast of an element's text against the first opaque background behind it.
 * @param {Locator} located
 * @returns {Promise<number>}
 */
function contrastOf(located) {
  return located.evaluate((element) => {
    /** @param {string} css */
    const rgba = (css) => (css.match(/[\d.]+/g) ?? []).map(Number)
    /** @param {number[]} rgb */
    const luminance = ([r, g, b]) => {
      /** @param {number} c */
      const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)
      return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0)
    }
    let background = [255, 255, 255]
    for (let e = /** @type {Element | null} */ (element); e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor)
      if (c.length === 3 || (c[3] ?? 0) > 0) {
        background = c
        break
      }
    }
    const [light, dark] = [luminance(rgba(getComputedStyle(element).color)), luminance(background)].sort((a, b) => b - a)
    return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
  })
}

/**
 * The Leaflet map really has its size: the container is laid out, tiles were laid for all of it
 * (offline they are blank, but they are there), and `selector`'s pins lie inside it.
 * @param {Locator} map
 * @param {string} pins
 */
async function mapIsLaidOut(map, pins) {
  await map.locator(pins).first().waitFor()
  const box = await map.boundingBox()
  assert.ok(box && box.width > 300 && box.height > 250, `map size ${JSON.stringify(box)}`)
  const tiles = await map.locator('.leaflet-tile').count()
  assert.ok(tiles >= Math.ceil(box.width / 256) * Math.ceil(box.height / 256), `${tiles} tiles`)
  const inside = await map.locator(pins).evaluateAll(
    (elements, b) =>
      elements.filter((e) => {
        const r = e.getBoundingClientRect()
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2]
        return x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height
      }).length,
    box,
  )
  assert.ok(inside >= 2, `${inside} pins on the visible map`)
}

/**
 * Leaflet's attribution credits without a flag and is not hidden under the tab bar.
 * @param {Page} page
 * @param {Locator} map
 */
async function attributionShows(page, map) {
  const attribution = map.locator('.leaflet-control-attribution')
  assert.match((await attribution.textContent()) ?? '', /Leaflet/)
  assert.equal(await attribution.locator('svg').count(), 0)
  const onTop = await attribution.evaluate((e) => {
    const r = e.getBoundingClientRect()
    return e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2))
  })
  assert.ok(onTop, 'the attribution is not covered')
  const tabBar = await page.locator('.van-tabbar').boundingBox()
  const credit = await attribution.boundingBox()
  assert.ok(tabBar && credit && credit.y + credit.height <= tabBar.y + 1, 'the attribution sits above the tab bar')
}

test('a rider sees their own name family name first, and the stations nearby as a steady list and on a laid-out map', async () => {
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
  const rider = await riderAt('/t/ningxiang')
  await screenshotOnFailure(rider, 'rider-stations', async () => {
    await rider.getByText('你好，郑小龙').waitFor()
    const home = rider.locator('.van-tabbar-item--active')
    assert.match((await home.textContent()) ?? '', /首页/)
    assert.ok((await contrastOf(home)) >= 4.5, `active tab label contrast ${await contrastOf(home)}`)
    await screenshot(rider, 'rider-home-own-name')

    await rider.getByText('驿站', { exact: true }).click()
    await rider.getByText('按手机定位排序').waitFor()
    const rows = rider.getByTestId('nearby-station')
    await rows.nth(5).waitFor()
    await rider.waitForTimeout(500)
    const cls = await rider.evaluate(() => /** @type {any} */ (window).__cls)
    assert.ok(cls < 0.1, `cumulative layout shift ${cls}`)

    // names wrap within their column (two lines at most), distances keep one fixed column
    const names = await rows.locator('.name').evaluateAll((elements) =>
      elements.map((e) => ({ width: e.getBoundingClientRect().width, lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)) })),
    )
    for (const n of names) assert.ok(n.width > 150 && n.lines <= 2, `name column ${JSON.stringify(n)}`)
    const distances = await rows.locator('.van-cell__value').evaluateAll((elements) => elements.map((e) => Math.round(e.getBoundingClientRect().width)))
    assert.equal(new Set(distances).size, 1, `distance widths ${distances}`)

    // readable: the open tag, the grey amenity line; the switch has a name
    const open = rows.first().locator('.van-tag--success')
    assert.equal(await open.textContent().then((s) => s?.trim()), '营业中')
    assert.ok((await contrastOf(open)) >= 4.5, `营业中 contrast ${await contrastOf(open)}`)
    const grey = rows.first().locator('.van-cell__label')
    assert.ok((await contrastOf(grey)) >= 4.5, `grey text contrast ${await contrastOf(grey)}`)
    await rider.getByRole('switch', { name: '只看正在营业' }).waitFor()
    await screenshot(rider, 'rider-stations-list')

    // the map tab: made while hidden, laid out once shown; pins, the rider's dot, a credit above the tab bar
    await rider.locator('.van-tabs').getByRole('tab', { name: '地图' }).click()
    const map = rider.getByTestId('stations-map')
    await mapIsLaidOut(map, '.leaflet-marker-icon.fx-place-station')
    await map.locator('path.fx-here').waitFor()
    await attributionShows(rider, map)
    await screenshot(rider, 'rider-stations-map')

    // a tap on a pin opens that station
    const pin = map.locator('.leaflet-marker-icon.fx-place-station').first()
    await pin.click()
    await rider.getByTestId('station-sheet').waitFor()
    await settled(rider)
    await screenshot(rider, 'rider-stations-map-sheet')
  })
  await rider.context().close()
})

test('the rider map shows stations, friendly communities, merchants and where I am, and a tap leads on', async () => {
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
  const rider = await riderAt('/t/ningxiang/map')
  await screenshotOnFailure(rider, 'rider-map', async () => {
    const map = rider.getByTestId('rider-map')
    await mapIsLaidOut(map, '.leaflet-marker-icon.fx-pin')
    for (const kind of ['station', 'friendly', 'merchant']) await map.locator(`.leaflet-marker-icon.fx-place-${kind}`).first().waitFor()
    await map.locator('path.fx-here').waitFor()
    const legend = rider.getByTestId('map-legend')
    for (const words of ['驿站', '友好小区', '友好商家', '我的位置']) await legend.getByText(words).waitFor()
    await attributionShows(rider, map)
    await screenshot(rider, 'rider-map')

    // a merchant's pin: its name, then its details
    // pins of places next door may overlap: tap this one itself
    await map.locator('.leaflet-marker-icon.fx-place-merchant').first().dispatchEvent('click')
    const card = rider.getByTestId('place-card')
    await card.getByText('友好商家').waitFor()
    const name = await card.getAttribute('aria-label')
    assert.ok(MERCHANTS.some((m) => m.name === name), `card of ${name}`)
    await screenshot(rider, 'rider-map-card')
    await card.getByRole('button', { name: '查看详情' }).click()
    await rider.getByTestId('merchant-sheet').getByRole('heading', { name: name ?? '' }).waitFor()

    // a friendly community's pin leads to its page
    await rider.goBack()
    await map.locator('.leaflet-marker-icon.fx-place-friendly').first().dispatchEvent('click')
    const community = (await card.getAttribute('aria-label')) ?? ''
    await card.getByRole('button', { name: '查看详情' }).click()
    await rider.getByRole('heading', { name: community }).waitFor()
  })
  await rider.context().close()
})

test('a rider browses the friendly merchants nearby from home: discount, distance, and the code to claim it', async () => {
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
  const rider = await riderAt('/t/ningxiang')
  await screenshotOnFailure(rider, 'rider-merchants', async () => {
    await rider.getByText('友好商家', { exact: true }).click()
    await rider.getByRole('heading', { name: '附近的友好商家' }).waitFor()
    const rows = rider.getByTestId('nearby-merchant')
    const long = rows.filter({ hasText: MERCHANTS[0]?.name })
    await long.first().waitFor()
    assert.match(((await long.first().textContent()) ?? '').replace(/\s+/g, ' '), /骑手凭码9折.*餐饮 · 已授牌.*\d+ 米/)
    const lines = await long.first().locator('.name').evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)))
    assert.ok(lines <= 2, `${lines} lines`)
    const cls = await rider.evaluate(() => /** @type {any} */ (window).__cls)
    assert.ok(cls < 0.1, `cumulative layout shift ${cls}`)
    await screenshot(rider, 'rider-merchants')

    await long.first().click()
    const sheet = rider.getByTestId('merchant-sheet')
    await sheet.getByText('骑手凭码9折').waitFor()
    await sheet.getByText('出示我的码享优惠').waitFor()
    await settled(rider)
    await screenshot(rider, 'rider-merchant-sheet')
  })
  await rider.context().close()
})

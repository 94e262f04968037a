// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, newAccount } from './api.js'
import { DESKTOP, PHONE, approveRider, issueEpass, launch, openPage, registerRider, screenshot, signIn } from './harness.js'

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/**
 * The demo ningxiang's 城南商业街骑手驿站 (s02 of deploy/demo/tenants/ningxiang.yaml, open 24 hours): the
 * new rider stands at its door.
 */
const STATION = { name: '城南商业街骑手驿站', longitude: 111.190055, latitude: 37.36278 }

/**
 * Waits until there are exactly `n` of the located elements.
 * @param {Locator} located
 * @param {number} n
 */
async function exactly(located, n) {
  await located.nth(n - 1).waitFor()
  assert.equal(await located.count(), n)
}

/**
 * Opens a console section from the side menu.
 * @param {Page} admin
 * @param {string} section
 */
async function openSection(admin, section) {
  await admin.getByRole('menuitem', { name: section }).click()
  await admin.getByRole('heading', { name: section, level: 1 }).waitFor()
}

/**
 * Waits until the console's tables have loaded (no loading mask left), for a clean screenshot.
 * @param {Page} admin
 */
async function loaded(admin) {
  await admin.waitForFunction(() => !document.querySelector('.el-loading-mask'))
}

// The issue's "Done means", as one walk through the demo township.
test('walkthrough: the ningxiang admin sees the township; a new rider signs up, is approved, finds a station and shows an e-pass', async () => {
  // The admin signs in to the console: 25 friendly communities and 29 service points, each on the map.
  const admin = await openPage(browser, DESKTOP)
  await admin.goto('/t/ningxiang/console')
  await signIn(admin, 'ningxiang-admin', 'fengxing')
  await openSection(admin, '友好小区与通行证')
  await admin.getByTestId('friendly-total').getByText('共 25 个').waitFor()
  await exactly(admin.locator('.leaflet-overlay-pane path.fx-feature'), 25)
  await loaded(admin)
  await screenshot(admin, 'walkthrough-1-friendly-communities')

  await openSection(admin, '驿站')
  await admin.getByTestId('stations-total').getByText('共 29 个').waitFor()
  await exactly(admin.locator('.leaflet-overlay-pane path.fx-feature'), 29)
  await screenshot(admin, 'walkthrough-2-stations')

  // A new rider — an account no township knows — signs up on ningxiang's rider app.
  const account = await newAccount()
  const name = `新骑手${RUN % 10000}`
  const rider = await openPage(browser, { ...PHONE, geolocation: STATION, permissions: ['geolocation'] })
  await rider.goto('/t/ningxiang')
  await signIn(rider, account.username, account.password)
  await rider.getByRole('heading', { name: '注册成为宁乡镇骑手' }).waitFor()
  await registerRider(rider, { name, phone: `135${String(RUN % 1e8).padStart(8, '0')}`, depot: '城南站' })
  await screenshot(rider, 'walkthrough-3-rider-registration')

  // The admin approves them and issues them an e-pass.
  await openSection(admin, '骑手')
  await approveRider(admin, name)
  await loaded(admin)
  await screenshot(admin, 'walkthrough-4-rider-approved')
  await openSection(admin, '友好小区与通行证')
  await issueEpass(admin, name, '阳光小区')
  await loaded(admin)
  await screenshot(admin, 'walkthrough-5-epass-issued')
  await admin.context().close()

  // The rider is in: the nearest station is the one at the door.
  await rider.getByRole('button', { name: '刷新状态' }).click()
  await rider.getByText(`你好，`).waitFor()
  await rider.getByText('驿站', { exact: true }).click()
  await rider.getByText('按手机定位排序').waitFor()
  const nearest = rider.getByTestId('nearby-station').first()
  await nearest.waitFor()
  assert.match(((await nearest.textContent()) ?? '').replace(/\s+/g, ' '), new RegExp(`${STATION.name}.*营业中.*(?<!\\d)10 米`))
  await screenshot(rider, 'walkthrough-6-nearest-station')

  // … and shows the e-pass as a QR code.
  await rider.getByRole('tab', { name: '首页' }).click()
  await rider.getByText('通行证', { exact: true }).click()
  const pass = rider.locator('[data-testid="epass"][data-state="valid"]')
  await pass.locator('svg').waitFor()
  assert.equal(await pass.count(), 1)
  const text = (await pass.textContent()) ?? ''
  assert.match(text, new RegExp(`有效.*${name}.*阳光小区`))
  assert.ok(await pass.locator('[data-token]').getAttribute('data-token'))
  await screenshot(rider, 'walkthrough-7-epass-qr')
  await rider.context().close()
})

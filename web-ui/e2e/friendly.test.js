// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { call, ensureActiveRider, userToken } from './api.js'
import { PHONE, launch, openPage, screenshot, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** ningxiang's 锦绣花园 (fc01 of the demo manifest: side gate, three outlined buildings, rider parking …). */
const COMMUNITY = '锦绣花园'
/** About 40 m south-west of its main gate. */
const HERE = { longitude: 111.179, latitude: 37.3612 }

/** The ningxiang admin gives the demo rider a pass for the community, valid now for 30 days. */
async function passForTheRider() {
  const admin = await userToken('ningxiang-admin')
  const riders = await call(admin, 'GET', `/api/t/ningxiang/riders?status=active&q=${encodeURIComponent('郑小龙')}`)
  const communities = await call(admin, 'GET', '/api/t/ningxiang/friendly-communities?size=50')
  const community = communities.items.find((/** @type {{ name: string }} */ c) => c.name === COMMUNITY)
  const now = Date.now()
  await call(admin, 'POST', '/api/t/ningxiang/epasses', {
    riderId: riders.items[0].id,
    friendlyCommunityIds: [community.id],
    validFrom: new Date(now - 60_000).toISOString(),
    validUntil: new Date(now + 30 * 86_400_000).toISOString(),
  })
}

test('a rider finds the friendly communities nearby and opens one: its map, legend and their e-pass', async () => {
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
  await passForTheRider()

  const rider = await openPage(browser, { ...PHONE, geolocation: HERE, permissions: ['geolocation'] })
  await rider.goto('/t/ningxiang')
  await signIn(rider, 'rider', 'fengxing')
  await rider.getByText('友好小区', { exact: true }).click()
  await rider.getByText('按手机定位排序').waitFor()
  const nearby = rider.getByTestId('nearby-friendly')
  await nearby.nth(1).waitFor()
  const first = ((await nearby.first().textContent()) ?? '').replace(/\s+/g, ' ')
  assert.match(first, new RegExp(`${COMMUNITY}.*有通行证.*宁乡镇城北路10号.*出入口 · 楼栋 · 单元 · 骑手停车 · 设施 · 地标.*[34]0 米`))
  assert.doesNotMatch(((await nearby.nth(1).textContent()) ?? '').replace(/\s+/g, ' '), new RegExp(COMMUNITY))
  await screenshot(rider, 'rider-friendly-nearby')

  await nearby.first().click()
  await rider.getByRole('heading', { name: COMMUNITY }).waitFor()
  const pass = rider.getByTestId('friendly-pass')
  await pass.getByText(/你的通行证有效，至/).waitFor()
  assert.equal(await pass.getAttribute('data-held'), 'true')

  // the map: pins per kind, outlines for buildings and parking, building numbers written on it
  await rider.locator('.fx-pin.fx-kind-entrance').nth(1).waitFor()
  assert.equal(await rider.locator('.fx-pin.fx-kind-entrance').count(), 2)
  assert.equal(await rider.locator('.fx-pin.fx-kind-unit').count(), 6)
  assert.equal(await rider.locator('path.fx-kind-building').count(), 3)
  assert.equal(await rider.locator('path.fx-kind-parking').count(), 1)
  assert.deepEqual(await rider.locator('.leaflet-tooltip.fx-label').allTextContents(), ['1号楼', '2号楼', '3号楼'])
  const legend = rider.getByTestId('map-legend')
  for (const kind of ['出入口', '楼栋', '单元', '骑手停车', '设施', '地标']) await legend.getByText(kind).waitFor()
  assert.match(((await legend.textContent()) ?? '').replace(/\s+/g, ''), /门出入口2.*P骑手停车1/)
  await screenshot(rider, 'rider-friendly-community')

  // from the pass line to the pass itself, ready to show at the gate
  await pass.getByText('出示通行证').click()
  await rider.locator('[data-testid="epass"][data-state="valid"]', { hasText: COMMUNITY }).first().locator('svg').waitFor()
  await rider.context().close()
})

// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { SUBJECTS } from './api.js'
import { DESKTOP, callApi, launch, openPage, screenshot, signIn } from './harness.js'

/** The demo keeper's name as a member of 宁乡镇 (deploy/demo/tenants/ningxiang.yaml). */
const KEEPER_NAME = '宁乡镇驿站管理员'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

test('the ningxiang admin picks a station keeper by part of the name, and the station shows them', async () => {
  const run = Date.now()
  const name = `测试驿站${run}`
  const page = await openPage(browser, DESKTOP)
  await page.goto('/t/ningxiang/console/stations')
  await signIn(page, 'ningxiang-admin', 'fengxing')
  // A station of this run's own, without a keeper.
  const station = await callApi(page, 'POST', '/api/t/ningxiang/stations', {
    code: `e2e-${run}`,
    name,
    kind: 'e_station',
    lon: 111.1866,
    lat: 37.3597,
    hours: { open24h: true },
  })
  await page.reload()

  const row = page.getByTestId('station-table').locator('tr', { hasText: name })
  await row.getByRole('button', { name: '编辑' }).click()
  const dialog = page.getByRole('dialog', { name })
  await dialog.getByTestId('place-keeper').click()
  await page.keyboard.type('驿站管理')
  const option = page.getByRole('option', { name: new RegExp(KEEPER_NAME) })
  // the name, with the account ID beside it
  await option.getByText(SUBJECTS.ningxiangKeeper).waitFor()
  await screenshot(page, 'console-station-keeper-pick')
  await option.click()
  await dialog.getByTestId('place-save').click()
  await dialog.waitFor({ state: 'hidden' })

  await row.getByText(KEEPER_NAME).waitFor()
  const saved = await callApi(page, 'GET', `/api/t/ningxiang/stations/${station.id}`)
  assert.equal(saved.keeper, SUBJECTS.ningxiangKeeper)
  await row.scrollIntoViewIfNeeded()
  await screenshot(page, 'console-station-keeper')

  // opened again, the keeper shows by name
  await row.getByRole('button', { name: '编辑' }).click()
  await dialog.getByTestId('place-keeper').getByText(KEEPER_NAME).waitFor()
  await dialog.getByRole('button', { name: '取消' }).click()

  await callApi(page, 'DELETE', `/api/t/ningxiang/stations/${station.id}`)
  await page.context().close()
})

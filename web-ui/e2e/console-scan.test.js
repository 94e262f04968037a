// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { SUBJECTS, call, ensureActiveRider, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser
/** A demo station the demo keeper keeps (visits stay, so the test adds none of its own). @type {{ id: number, name: string }} */
let station

before(async () => {
  browser = await launch()
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
  const stations = await call(await userToken('ningxiang-admin'), 'GET', '/api/t/ningxiang/stations?size=200')
  station = stations.items.find((/** @type {any} */ s) => s.keeper === SUBJECTS.ningxiangKeeper)
})

after(async () => {
  await browser?.close()
})

test('the keeper checks a rider in at their station from the console, by the rider code', async () => {
  const { code } = /** @type {{ code: string }} */ (await call(await userToken('rider'), 'GET', '/api/t/ningxiang/rider/code'))
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'console-scan', async () => {
    await page.goto('/t/ningxiang/console/scan')
    await signIn(page, 'ningxiang-keeper', 'fengxing')
    await page.getByTestId('scan-place').getByText(station.name).click()
    const today = page.getByTestId('today-count')
    await today.getByText(/今日到站 \d+ 人次/).waitFor()
    const counted = Number(/\d+/.exec((await today.textContent()) ?? '')?.[0])

    // a code that is no rider's: refused, and nothing counted
    await page.getByPlaceholder('输入或粘贴码').fill('not-a-rider-code')
    await page.getByRole('button', { name: '确认' }).click()
    await page.getByTestId('scan-result').and(page.getByRole('alert')).waitFor()
    await today.getByText(`今日到站 ${counted} 人次`).waitFor()

    await page.getByPlaceholder('输入或粘贴码').fill(code)
    await page.getByRole('button', { name: '确认' }).click()
    const result = page.getByTestId('scan-result')
    await result.getByText('已记录').waitFor({ timeout: 60_000 })
    assert.match((await result.textContent()) ?? '', /\d{3}\*{4}\d{4}/, 'the rider, with the phone masked')
    await today.getByText(`今日到站 ${counted + 1} 人次`).waitFor()
    await screenshot(page, 'console-scan-checked-in')
  })
  await page.context().close()
})

test('the admin shows a station poster QR code and prints it alone', async () => {
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'console-station-poster', async () => {
    await page.goto('/t/ningxiang/console/stations')
    await signIn(page, 'ningxiang-admin', 'fengxing')
    const row = page.getByTestId('station-table').locator('tr', { hasText: station.name })
    await row.getByTestId('station-poster-open').click()
    const poster = page.getByTestId('station-poster')
    await poster.getByRole('heading', { name: station.name }).waitFor()
    const qr = poster.getByRole('img', { name: `${station.name}的打卡二维码` })
    await qr.locator('svg').waitFor()
    const { code } = await call(await userToken('ningxiang-admin'), 'GET', `/api/t/ningxiang/stations/${station.id}/poster-code`)
    assert.ok(code.split('.').length === 3, 'the poster carries the station code (a JWS)')
    await screenshot(page, 'console-station-poster')

    // printed: the poster alone (the console around it hidden), the QR large on the page
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.getByRole('navigation', { name: '功能菜单', includeHidden: true }).evaluate((el) => getComputedStyle(el).visibility), 'hidden')
    assert.equal(await poster.evaluate((el) => getComputedStyle(el).visibility), 'visible')
    assert.ok(((await qr.boundingBox())?.width ?? 0) > 400, 'the QR code fills the page')
    await screenshot(page, 'console-station-poster-print')
    await page.emulateMedia({ media: 'screen' })
    await page.getByTestId('poster-print').waitFor()
  })
  await page.context().close()
})

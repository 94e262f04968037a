// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, SUBJECTS, call, ensureActiveRider, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, signIn } from './harness.js'
import { RIDER_PHONE, cameraPhoto, chooseCategory, fillIn, reportScreen, settled } from './reporting.js'

/** @typedef {import('playwright-core').Page} Page */

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
})

after(async () => {
  await browser?.close()
})

const T = '/api/t/ningxiang'

/**
 * The rider's reports with this description, through the API.
 * @param {string} description
 * @returns {Promise<any[]>}
 */
async function reportsDescribed(description) {
  const mine = await call(await userToken('rider'), 'GET', `${T}/reports/mine?size=200`)
  return mine.items.filter((/** @type {any} */ r) => r.description === description)
}

test('a rider files a report with a photo, sees it handled, and verifies it fixed with five stars', async () => {
  const description = `路面塌了一个坑，电动车容易摔 ${RUN}`
  const page = await reportScreen(browser)
  await fillIn(page, '市政设施', '道路破损', description)
  await page.getByLabel('地点说明').fill('城北路与东关街路口')
  await screenshot(page, 'report-form')

  await page.getByTestId('report-submit').click()
  await page.waitForURL(/\/t\/ningxiang\/reports\/\d+$/)
  const id = Number(new URL(page.url()).pathname.split('/').pop())
  await page.locator('[data-testid="report-state"][data-state="submitted"]').waitFor()
  assert.match((await page.getByTestId('timeline').textContent()) ?? '', /提交上报/)
  await page.getByTestId('report-photo').locator('img[src^="blob:"]').first().waitFor()
  await page.locator('.van-toast').waitFor({ state: 'hidden' })
  await screenshot(page, 'report-filed')

  // the photo was made small on the phone: 2400 px wide in the camera, 1600 px as stored
  const filed = await call(await userToken('rider'), 'GET', `${T}/reports/${id}`)
  assert.equal(filed.category.code, 'road-damage')
  assert.equal(filed.community.name, '城北社区')
  assert.equal(filed.photos[0].width, 1600)
  assert.ok(Math.abs(filed.lon - 111.179) < 1e-6 && Math.abs(filed.lat - 37.363) < 1e-6)

  // My reports lists it as submitted, with its thumbnail
  await page.goto('/t/ningxiang/reports')
  const listed = page.locator(`[data-testid="my-report"][data-id="${id}"]`)
  await listed.locator('[data-testid="report-state"][data-state="submitted"]').waitFor()
  await listed.locator('img[src^="blob:"]').waitFor()
  await screenshot(page, 'report-mine')

  // the duty dispatcher sends it to the grid worker, who takes it on and reports back with a photo
  const dispatcher = await userToken('ningxiang-dispatcher')
  await call(dispatcher, 'POST', `${T}/dispatch/reports/${id}/dispatch`, {
    kind: 'handler',
    subject: SUBJECTS.ningxiangHandler,
    note: '请网格员到现场处理',
  })
  const handler = await userToken('ningxiang-handler')
  await call(handler, 'POST', `${T}/dispatch/reports/${id}/accept`)
  const resolution = new FormData()
  resolution.append('note', '已用沥青修补路面')
  resolution.append('photos', new Blob([await cameraPhoto(page)], { type: 'image/jpeg' }), 'fixed.jpg')
  await call(handler, 'POST', `${T}/dispatch/reports/${id}/resolve`, resolution)

  // the rider sees the result and the message, and confirms the fix
  await listed.click()
  await page.locator('[data-testid="report-state"][data-state="resolved"]').waitFor()
  const result = page.getByTestId('resolution')
  await result.getByText('已用沥青修补路面').waitFor()
  await result.locator('img[src^="blob:"]').waitFor()
  assert.ok(((await page.getByTestId('feedback').textContent()) ?? '').trim().length > 4)
  const verify = page.getByTestId('verify')
  await verify.getByRole('radio', { name: '已解决' }).click()
  await page.getByTestId('verify-rating').getByRole('radio').nth(4).click()
  await verify.getByLabel('说明').fill('修得很平整，谢谢')
  await verify.scrollIntoViewIfNeeded()
  await screenshot(page, 'report-verify')
  await page.getByTestId('verify-submit').click()
  await page.locator('[data-testid="report-state"][data-state="closed_fixed"]').waitFor()
  await page.getByTestId('verdict').getByText('修得很平整，谢谢').waitFor()
  await page.locator('.van-toast').waitFor({ state: 'hidden' })
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'report-closed')

  const closed = await call(await userToken('rider'), 'GET', `${T}/reports/${id}`)
  assert.equal(closed.state, 'closed_fixed')
  assert.equal(closed.verified, true)
  assert.equal(closed.rating, 5)
  await page.context().close()
})

test('a report filed offline waits on the phone and is sent exactly once when the phone is back online', async () => {
  const description = `垃圾堆在路边没人清理 ${RUN}`
  const page = await reportScreen(browser)

  // an emergency-stop category: the hotline first, and the report is urgent whatever the switch says
  await chooseCategory(page, '紧急情况', '火情（紧急求助）')
  const hotline = page.getByTestId('hotline')
  await hotline.getByText('请立即拨打 119').waitFor()
  assert.equal(await hotline.getByRole('link', { name: /119/ }).getAttribute('href'), 'tel:119')
  const urgent = page.getByRole('switch', { name: '紧急' })
  assert.equal(await urgent.getAttribute('aria-checked'), 'true')
  await screenshot(page, 'report-hotline')

  await fillIn(page, '环境卫生', '垃圾', description)
  await hotline.waitFor({ state: 'detached' })
  await page.context().setOffline(true)
  await page.getByTestId('report-submit').click()
  const kept = page.getByRole('dialog')
  await kept.getByText('已保存在手机上，待发送').waitFor()
  await settled(page)
  await screenshot(page, 'report-kept')
  await kept.getByRole('button', { name: '确认' }).click()
  await kept.waitFor({ state: 'hidden' })
  await page.waitForURL(/\/t\/ningxiang\/reports$/)
  const entry = page.getByTestId('outbox-entry')
  await entry.getByText(description).waitFor()
  assert.equal(await entry.getAttribute('data-status'), 'waiting')
  await screenshot(page, 'report-outbox')
  assert.equal((await reportsDescribed(description)).length, 0)

  // back online: sent by itself, once, and listed
  await page.context().setOffline(false)
  await page.getByTestId('outbox').waitFor({ state: 'detached' })
  await page.getByTestId('my-report').getByText(description).waitFor()
  const sent = await reportsDescribed(description)
  assert.equal(sent.length, 1)
  assert.equal(sent[0].state, 'submitted')
  // and nothing sends it a second time
  await page.waitForTimeout(2000)
  assert.equal((await reportsDescribed(description)).length, 1)

  // filing the same kind of problem there again: the open report is offered to join instead
  await page.goto('/t/ningxiang/report')
  await page.getByTestId('location-source').getByText('已按手机定位标出位置').waitFor()
  await chooseCategory(page, '环境卫生', '垃圾')
  await page.getByTestId('nearby-report').getByText(description).waitFor()
  await page.getByTestId('nearby').scrollIntoViewIfNeeded()
  await screenshot(page, 'report-nearby')
  await page.context().close()
})

test('a report far outside the township is filed only once the rider confirms the place, and the desk marks it 辖区外', async () => {
  const description = `北京街头的井盖松动 ${RUN}`
  // a cheap phone whose GPS says Beijing, far from every grid of 宁乡镇
  const beijing = { ...RIDER_PHONE, viewport: { width: 360, height: 740 }, geolocation: { longitude: 116.4, latitude: 39.9 } }
  const page = await reportScreen(browser, beijing)
  await fillIn(page, '市政设施', '道路破损', description)
  await page.getByTestId('report-submit').click()
  const confirm = page.getByRole('dialog')
  await confirm.getByText('位置不在辖区内').waitFor()
  await confirm.getByText(/该位置不在本乡镇\/街道辖区内/).waitFor()
  await settled(page)
  await screenshot(page, 'report-outside-confirm')
  assert.equal((await reportsDescribed(description)).length, 0, 'nothing filed before the rider confirms')

  // going back to move the pin files nothing; confirming files it, marked
  await confirm.getByRole('button', { name: '返回修改' }).click()
  await confirm.waitFor({ state: 'hidden' })
  assert.equal((await reportsDescribed(description)).length, 0)
  await page.getByTestId('report-submit').click()
  await confirm.getByRole('button', { name: '确认位置，提交' }).click()
  await page.waitForURL(/\/t\/ningxiang\/reports\/\d+$/)
  const [filed] = await reportsDescribed(description)
  assert.equal(filed.outsideTownship, true)
  assert.equal(filed.community, null)
  await page.context().close()

  // the duty desk shows the row and the drawer marked 辖区外
  const desk = await openPage(browser, DESKTOP)
  await desk.goto('/t/ningxiang/console/dispatch')
  await signIn(desk, 'ningxiang-dispatcher', 'fengxing')
  const row = desk.getByTestId('report-table').locator('tr', { hasText: new RegExp(`#${filed.id}(?!\\d)`) })
  await row.getByTestId('outside-township').getByText('辖区外').waitFor()
  await row.click()
  await desk.getByTestId('report-drawer').getByTestId('outside-township').getByText('辖区外').waitFor()
  await screenshot(desk, 'dispatch-outside-township')
  await desk.context().close()
})

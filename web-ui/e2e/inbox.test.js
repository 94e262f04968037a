// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, SUBJECTS, call, ensureActiveRider, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'
import { cameraPhoto } from './reporting.js'

/**
 * 消息 in 北大街: an urgent report escalates to the township's admins at once, and their bells count it live, without
 * a reload — in the console and in the rider app of a rider who is also an admin here (for the test, the demo rider
 * is given the role and has it taken back after). The inboxes list it; reading marks it read and the count goes.
 */

/** A cheap phone held in one hand. @type {import('playwright-core').BrowserContextOptions} */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const T = '/api/t/beidajie'

/** @type {import('playwright-core').Browser} */
let browser

/** The bell's count, from its accessible name ("消息，2 条未读"). @param {import('playwright-core').Page} page */
async function unread(page) {
  const label = (await page.getByTestId('inbox-bell').getAttribute('aria-label')) ?? ''
  const match = /(\d+) 条未读/.exec(label)
  return match ? Number(match[1]) : NaN
}

/**
 * Waits (without reloading) until the bell counts at least `n`.
 * @param {import('playwright-core').Page} page
 * @param {number} n
 */
async function bellCounts(page, n) {
  for (let i = 0; i < 100 && !(await unread(page) >= n); i++) await page.waitForTimeout(100)
  assert.ok((await unread(page)) >= n, `the bell counts ${n} or more, not ${await unread(page)}`)
}

before(async () => {
  browser = await launch()
  await ensureActiveRider('beidajie', 'beidajie-admin')
  await call(await userToken('beidajie-admin'), 'PUT', `${T}/members/${SUBJECTS.rider}/roles`, { roles: ['tenant_admin'] })
  // both inboxes start read, so the count that appears is the escalation's
  for (const user of ['beidajie-admin', 'rider']) await call(await userToken(user), 'POST', `${T}/notifications/read-all`)
})

after(async () => {
  await call(await userToken('beidajie-admin'), 'PUT', `${T}/members/${SUBJECTS.rider}/roles`, { roles: [] }).catch(() => {})
  await browser?.close()
})

test('an urgent report escalates to the admins, whose bells count it live, and their inboxes show and read it', async () => {
  const admin = await openPage(browser, DESKTOP)
  const rider = await openPage(browser, SMALL_PHONE)
  await screenshotOnFailure(admin, 'inbox-admin', async () => {
    await admin.goto('/t/beidajie/console')
    await signIn(admin, 'beidajie-admin', 'fengxing')
    await rider.goto('/t/beidajie')
    await signIn(rider, 'rider', 'fengxing')
    await admin.getByTestId('inbox-bell').waitFor()
    await rider.getByTestId('inbox-bell').waitFor()
    assert.equal(await unread(admin), 0)
    assert.equal(await unread(rider), 0)
    await screenshot(rider, 'inbox-rider-bell-quiet')

    // a rider files an urgent report in 青年路社区: it goes to the admins at once
    const form = new FormData()
    form.set('category', 'road-damage')
    form.set('description', `青年路井盖塌陷，车辆绕行 ${RUN}`)
    form.set('lon', '113.5622')
    form.set('lat', '37.8665')
    form.set('urgent', 'true')
    form.append('photos', new Blob([new Uint8Array(await cameraPhoto(rider))], { type: 'image/jpeg' }), 'scene.jpg')
    const report = await call(await userToken('rider'), 'POST', `${T}/reports`, form)
    assert.equal(report.escalated, true)
    const link = `/console/dispatch?report=${report.id}`

    // both bells count it, live
    await bellCounts(admin, 1)
    await bellCounts(rider, 1)
    await screenshot(rider, 'inbox-rider-bell')

    // the rider opens the inbox: the message, worded, unread; 全部已读 reads it, and the bell goes quiet
    await rider.getByTestId('inbox-bell').click()
    await rider.waitForURL(/\/t\/beidajie\/inbox$/)
    const riderMessage = rider.locator(`[data-testid=inbox-message][data-link="${link}"]`)
    await riderMessage.waitFor()
    assert.match((await riderMessage.textContent()) ?? '', /青年路社区的道路破损上报已超过派单时限/)
    assert.equal(await riderMessage.getAttribute('data-read'), 'false')
    await screenshot(rider, 'inbox-rider')
    await rider.getByTestId('inbox-read-all').click()
    await rider.locator(`[data-testid=inbox-message][data-link="${link}"][data-read=true]`).waitFor()
    assert.equal(await unread(rider), 0)
    await screenshot(rider, 'inbox-rider-read')

    // the admin opens it from the console's inbox: read, and the report opens on the dispatch desk
    await admin.getByTestId('inbox-bell').click()
    await admin.waitForURL(/\/t\/beidajie\/console\/inbox$/)
    const adminMessage = admin.locator(`[data-testid=inbox-message][data-link="${link}"]`)
    await adminMessage.waitFor()
    assert.equal(await adminMessage.getAttribute('data-read'), 'false')
    await screenshot(admin, 'inbox-console')
    const before = await unread(admin)
    await adminMessage.click()
    await admin.waitForURL((url) => url.pathname === '/t/beidajie/console/dispatch' && url.search === `?report=${report.id}`)
    await admin.locator('.el-drawer').getByText(`青年路井盖塌陷，车辆绕行 ${RUN}`).waitFor()
    assert.equal(await unread(admin), before - 1)
    const read = await call(await userToken('beidajie-admin'), 'GET', `${T}/notifications?size=50`)
    assert.equal(read.items.find((/** @type {any} */ m) => m.link === link)?.read, true)
  })
  await admin.context().close()
  await rider.context().close()
})

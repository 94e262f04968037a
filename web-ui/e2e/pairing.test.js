// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, call, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/**
 * 捎带手 in 月坛: the demo rider 宋海 looks in on his paired elder on three days in a row and finds the rubbish not
 * out each time (the phone's clock set to two days ago, yesterday, today: the API takes look-ins up to 72 h back);
 * on the first day he also asks the community to help. The grid worker 李娜 sees the streak's alert arrive in 预警
 * while the list is open, opens it and records her follow-up (已协助). The help alert nobody follows up in time
 * escalates to the township: 已升级 for the admin.
 *
 * The rider's elder is the demo's (paired for months, looked in on until yesterday); the day before the test's three
 * is made fine first, so the streak is exactly three days. The township's follow-up time is the shortest (1 minute)
 * while the test runs, and the sweep runs every few seconds in the browser tests.
 */

/** A cheap phone held in one hand. @type {import('playwright-core').BrowserContextOptions} */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const T = '/api/t/yuetan'
const ZONE = 'Asia/Shanghai'
const STAMP = String(RUN % 1e6)
const NOTE = `敲门没人应，门口垃圾还在 ${STAMP}`

/** @type {import('playwright-core').Browser} */
let browser
/** The township's settings as they were, put back after the test. @type {any} */
let settings
/** The rider's paired elder (the demo's): its id, given name and address. @type {{ elderId: number, givenName: string, address: string }} */
let elder

/**
 * The id of this run's elder's alert for `reason`, as the API lists it to the admin.
 * @param {string} reason
 */
async function alertOf(reason) {
  const admin = await userToken('yuetan-admin')
  for (const state of ['open', 'escalated', 'closed']) {
    const page = await call(admin, 'GET', `${T}/pairing/alerts?state=${state}&community=c01&size=100`)
    const found = page.items.find((/** @type {any} */ a) => a.elder?.id === elder.elderId && a.reason === reason)
    if (found) return String(found.id)
  }
  throw new Error(`no ${reason} alert for elder ${elder.elderId}`)
}

/**
 * The township's calendar day `days` from today (YYYY-MM-DD).
 * @param {number} days
 */
function township(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date())
  const [y, m, d] = today.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/**
 * A time late in the evening on the township's day `days` from today (Asia/Shanghai is UTC+8 all year): after the
 * demo's look-in of that day, so it is the day's sign.
 * @param {number} days
 * @param {number} [minute] past 23:00
 */
function lateOn(days, minute = 40) {
  return new Date(`${township(days)}T23:${String(minute).padStart(2, '0')}:00+08:00`)
}

before(async () => {
  browser = await launch()
  const admin = await userToken('yuetan-admin')
  settings = await call(admin, 'GET', `${T}/pairing/settings`)
  await call(admin, 'PUT', `${T}/pairing/settings`, { streakDays: 3, followUpMinutes: 1 })
  // the demo pairs 宋海 with an elder of 月坛西街社区 since months, his last look-in yesterday
  const rider = await userToken('yuetan-rider')
  const mine = await call(rider, 'GET', `${T}/pairing/mine`)
  assert.equal(mine.length, 1, 'the demo rider looks in on one elder')
  elder = mine[0]
  // three days ago ends fine, so the streak this test makes is three days long whatever the demo's history says
  await call(rider, 'POST', `${T}/pairing/mine/${mine[0].pairingId}/visits`, {
    outcome: 'ok',
    visitedAt: lateOn(-3, 55).toISOString(),
    requestId: `e2e-${RUN}-ok`,
  })
})

after(async () => {
  if (settings) {
    const { streakDays, followUpMinutes } = settings
    await call(await userToken('yuetan-admin'), 'PUT', `${T}/pairing/settings`, { streakDays, followUpMinutes })
  }
  await browser?.close()
})

/**
 * On the rider's 我的老人: taps an outcome on the elder's card, adds a note, sends it, and waits for the answer.
 * @param {import('playwright-core').Page} page
 * @param {string} outcome
 * @param {string} name screenshot
 * @param {string} [note]
 */
async function lookIn(page, outcome, name, note) {
  const card = page.getByTestId('elder-card').filter({ hasText: elder.address })
  await card.getByTestId(`outcome-${outcome}`).click()
  const sheet = page.getByTestId('visit-sheet')
  await sheet.waitFor()
  if (note) await sheet.getByTestId('visit-note').locator('textarea').fill(note)
  await screenshot(page, `${name}-sheet`)
  await sheet.getByTestId('visit-send').click()
}

/**
 * The unread count on the console's bell.
 * @param {import('playwright-core').Page} page
 */
async function unread(page) {
  const label = (await page.getByTestId('inbox-bell').getAttribute('aria-label')) ?? ''
  return Number(/(\d+)/.exec(label)?.[1])
}

/** The grid worker's unread messages before the third day's alert. */
let unreadBefore = 0

test('the rider logs three days of rubbish not out, the grid worker follows the alert up, the unanswered one escalates', async () => {
  const rider = await openPage(browser, SMALL_PHONE)
  const worker = await openPage(browser, DESKTOP)
  await screenshotOnFailure(rider, 'pairing-rider', async () => {
    await rider.goto('/t/yuetan')
    await signIn(rider, 'yuetan-rider', 'fengxing')
    await rider.getByText('捎带手', { exact: true }).click()
    await rider.waitForURL(/\/t\/yuetan\/pairing$/)
    const card = rider.getByTestId('elder-card').filter({ hasText: elder.address })
    await card.getByTestId('elder-name').getByText(elder.givenName, { exact: true }).waitFor()
    // the rider sees the given name, where and how to find the door; never a phone
    assert.doesNotMatch((await card.textContent()) ?? '', /1[3-9]\d{9}/)
    await screenshot(rider, 'pairing-elders')

    // two days ago: the elder asks for help (confirmed: the community is alerted at once), later the rubbish is not out
    await rider.clock.setFixedTime(lateOn(-2))
    await lookIn(rider, 'needs_help', 'pairing-help', '老人说腿疼，想请社区来看看')
    const confirm = rider.locator('.van-dialog')
    await confirm.getByText('会立即收到预警').waitFor()
    await screenshot(rider, 'pairing-help-confirm')
    await confirm.getByRole('button', { name: '确认，通知社区' }).click()
    await rider.getByText('已记录，社区已收到预警').waitFor()
    await rider.clock.setFixedTime(lateOn(-2, 45))
    await lookIn(rider, 'garbage_not_out', 'pairing-day1')
    await rider.getByText('已记录', { exact: true }).waitFor()

    // yesterday
    await rider.clock.setFixedTime(lateOn(-1))
    await lookIn(rider, 'garbage_not_out', 'pairing-day2', NOTE)
    await rider.getByText('已记录', { exact: true }).waitFor()
    await screenshot(rider, 'pairing-day2-recorded')
  })

  // the grid worker has 预警 open before the third day comes in
  await screenshotOnFailure(worker, 'pairing-worker', async () => {
    await worker.goto('/t/yuetan/console/pairing?tab=alerts')
    await signIn(worker, 'yuetan-worker', 'fengxing')
    await worker.getByRole('tab', { name: '预警' }).waitFor()
    const help = await alertOf('needs_help')
    await worker.getByTestId('alerts-table').locator(`tbody tr:has([data-alert="${help}"])`).getByText('骑手报告需要帮助').waitFor()
    // the call for help is in her inbox too: the bell counts it
    await worker.locator('[data-testid="inbox-bell"]:not([aria-label="消息，0 条未读"])').waitFor()
    unreadBefore = await unread(worker)
  })

  await screenshotOnFailure(rider, 'pairing-rider', async () => {
    // today: the third day in a row raises the alert
    await rider.clock.setFixedTime(new Date())
    await rider.reload()
    await lookIn(rider, 'garbage_not_out', 'pairing-day3', NOTE)
    await rider.getByText('已记录，社区已收到预警').waitFor()
    const card = rider.getByTestId('elder-card').filter({ hasText: elder.address })
    await card.getByTestId('today-status').getByText('垃圾未出').waitFor()
    await screenshot(rider, 'pairing-day3-recorded')
    await card.getByTestId('elder-history').click()
    const visits = rider.getByTestId('visit')
    await visits.filter({ hasText: NOTE }).first().waitFor()
    assert.ok((await visits.count()) >= 4, 'four look-ins in the history')
    await screenshot(rider, 'pairing-history')
  })

  const streak = await alertOf('streak')
  await screenshotOnFailure(worker, 'pairing-worker', async () => {
    // no reload: the new alert comes into the open list by itself
    const row = worker.getByTestId('alerts-table').locator(`tbody tr:has([data-alert="${streak}"])`)
    await row.getByText('连续 3 天异常').waitFor({ timeout: 30_000 })
    await row.getByText('宋海').waitFor()
    // and one more message on the bell, live as well
    await worker.locator(`[data-testid="inbox-bell"][aria-label="消息，${unreadBefore + 1} 条未读"]`).waitFor()
    await screenshot(worker, 'console-pairing-alerts')
    await row.getByTestId('alert-open').click()
    await worker.waitForURL(new RegExp(`/console/pairing/alerts/${streak}$`))
    // masked: the family name only; the three days, each with its sign
    assert.match((await worker.getByTestId('alert-elder').textContent()) ?? '', /^\p{Script=Han}\*\*$/u)
    const days = worker.getByTestId('streak-day')
    await days.nth(2).waitFor()
    assert.deepEqual(await days.evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome'))), [
      'garbage_not_out',
      'garbage_not_out',
      'garbage_not_out',
    ])
    const form = worker.getByTestId('follow-up-form')
    await form.getByText('已协助').click()
    await form.getByTestId('follow-up-note').fill(`上门看过，老人感冒在家，已帮忙倒垃圾、联系家属 ${STAMP}`)
    await form.getByTestId('follow-up-save').click()
    await worker.getByTestId('follow-up-done').getByText('已协助').waitFor()
    await worker.getByTestId('alert-state').getByText('已处理').waitFor()
    await screenshot(worker, 'console-pairing-follow-up')
  })
  await worker.context().close()

  // an alert is followed up once
  await assert.rejects(
    call(await userToken('yuetan-worker'), 'POST', `${T}/pairing/alerts/${streak}/follow-up`, { outcome: 'safe' }),
    /: 409 /,
  )

  // the help alert nobody followed up: escalated to the township once its minute is over (the sweep runs every 2 s)
  const admin = await openPage(browser, DESKTOP)
  await screenshotOnFailure(admin, 'pairing-admin', async () => {
    await admin.goto('/t/yuetan/console/pairing?tab=alerts')
    await signIn(admin, 'yuetan-admin', 'fengxing')
    await admin.getByTestId('alerts-escalated').click()
    const help = await alertOf('needs_help')
    const row = admin.getByTestId('alerts-table').locator(`tbody tr:has([data-alert="${help}"])`)
    await row.getByTestId('alert-state').getByText('已升级').waitFor({ timeout: 2 * 60_000 })
    // the escalation is the admins' message
    await admin.locator('[data-testid="inbox-bell"]:not([aria-label="消息，0 条未读"])').waitFor()
    await screenshot(admin, 'console-pairing-escalated')
  })
  await admin.context().close()
  await rider.context().close()
})

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
 * Each run pairs the rider with an elder of its own (registered by the test in 月坛西街社区), so the alert is new
 * however often the test ran before; the township's follow-up time is the shortest (5 minutes) while it runs.
 */

/** A cheap phone held in one hand. @type {import('playwright-core').BrowserContextOptions} */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const T = '/api/t/yuetan'
const ZONE = 'Asia/Shanghai'
const STAMP = String(RUN % 1e6)
const GIVEN_NAMES = ['桂兰', '秀英', '淑珍', '玉梅', '凤兰', '建国', '德明', '文华']
const GIVEN = GIVEN_NAMES[RUN % GIVEN_NAMES.length]
const ADDRESS = `月坛西街 ${STAMP % 90 + 10} 号院 ${STAMP.slice(-2)} 号`
const NOTE = `敲门没人应，门口垃圾还在 ${STAMP}`

/** @type {import('playwright-core').Browser} */
let browser
/** The township's settings as they were, put back after the test. @type {any} */
let settings
/** This run's elder. @type {number} */
let elderId

/**
 * The id of this run's elder's alert for `reason`, as the API lists it to the admin.
 * @param {string} reason
 */
async function alertOf(reason) {
  const admin = await userToken('yuetan-admin')
  for (const state of ['open', 'escalated', 'closed']) {
    const page = await call(admin, 'GET', `${T}/pairing/alerts?state=${state}&community=c01&size=100`)
    const found = page.items.find((/** @type {any} */ a) => a.elder?.id === elderId && a.reason === reason)
    if (found) return String(found.id)
  }
  throw new Error(`no ${reason} alert for elder ${elderId}`)
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
 * 20:30 in the township on its day `days` from today (Asia/Shanghai is UTC+8 all year).
 * @param {number} days
 */
function evening(days) {
  return new Date(`${township(days)}T20:30:00+08:00`)
}

before(async () => {
  browser = await launch()
  const admin = await userToken('yuetan-admin')
  settings = await call(admin, 'GET', `${T}/pairing/settings`)
  await call(admin, 'PUT', `${T}/pairing/settings`, { streakDays: 3, followUpMinutes: 5 })

  // the rider's earlier pairings end before this run's begins (a rider looks in on one elder at a time)
  const rider = await call(await userToken('yuetan-rider'), 'GET', `${T}/riders/registration`)
  const pairings = await call(admin, 'GET', `${T}/pairing/pairings?active=true&size=200`)
  for (const p of pairings.items.filter((/** @type {any} */ p) => p.rider?.id === rider.id)) {
    await call(admin, 'POST', `${T}/pairing/pairings/${p.id}/end`, { endOn: township(-3) })
  }
  const elder = await call(admin, 'POST', `${T}/pairing/elders`, {
    community: 'c01',
    familyName: '王',
    givenName: GIVEN,
    address: ADDRESS,
    phone: `138${String(RUN % 1e8).padStart(8, '0')}`,
    familyContactName: '王建军',
    familyContactPhone: '13911112222',
    landmark: '红色铁门，楼下有修车铺',
  })
  elderId = elder.id
  await call(admin, 'POST', `${T}/pairing/pairings`, { elderId: elder.id, riderId: rider.id, startOn: township(-2) })
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
  const card = page.getByTestId('elder-card').filter({ hasText: ADDRESS })
  await card.getByTestId(`outcome-${outcome}`).click()
  const sheet = page.getByTestId('visit-sheet')
  await sheet.waitFor()
  if (note) await sheet.getByTestId('visit-note').locator('textarea').fill(note)
  await screenshot(page, `${name}-sheet`)
  await sheet.getByTestId('visit-send').click()
}

test('the rider logs three days of rubbish not out, the grid worker follows the alert up, the unanswered one escalates', async () => {
  const rider = await openPage(browser, SMALL_PHONE)
  const worker = await openPage(browser, DESKTOP)
  await screenshotOnFailure(rider, 'pairing-rider', async () => {
    await rider.goto('/t/yuetan')
    await signIn(rider, 'yuetan-rider', 'fengxing')
    await rider.getByRole('link', { name: '捎带手' }).click()
    await rider.waitForURL(/\/t\/yuetan\/pairing$/)
    const card = rider.getByTestId('elder-card').filter({ hasText: ADDRESS })
    await card.getByTestId('elder-name').getByText(GIVEN, { exact: true }).waitFor()
    // the rider sees the given name, where and how to find the door; never the family name or the phone
    const text = (await card.textContent()) ?? ''
    assert.match(text, /红色铁门/)
    assert.doesNotMatch(text, new RegExp(`王${GIVEN}|138\\d{8}`))
    await screenshot(rider, 'pairing-elders')

    // two days ago: the elder asks for help (confirmed: the community is alerted at once), later the rubbish is not out
    await rider.clock.setFixedTime(evening(-2))
    await lookIn(rider, 'needs_help', 'pairing-help', '老人说腿疼，想请社区来看看')
    const confirm = rider.locator('.van-dialog')
    await confirm.getByText('会立即收到预警').waitFor()
    await screenshot(rider, 'pairing-help-confirm')
    await confirm.getByRole('button', { name: '确认，通知社区' }).click()
    await rider.getByText('已记录，社区已收到预警').waitFor()
    await rider.clock.setFixedTime(new Date(evening(-2).getTime() + 30 * 60_000))
    await lookIn(rider, 'garbage_not_out', 'pairing-day1')
    await rider.getByText('已记录', { exact: true }).waitFor()

    // yesterday
    await rider.clock.setFixedTime(evening(-1))
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
  })

  await screenshotOnFailure(rider, 'pairing-rider', async () => {
    // today: the third day in a row raises the alert
    await rider.clock.setFixedTime(new Date())
    await rider.reload()
    await lookIn(rider, 'garbage_not_out', 'pairing-day3', NOTE)
    await rider.getByText('已记录，社区已收到预警').waitFor()
    const card = rider.getByTestId('elder-card').filter({ hasText: ADDRESS })
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
    await screenshot(worker, 'console-pairing-alerts')
    await row.getByTestId('alert-open').click()
    await worker.waitForURL(new RegExp(`/console/pairing/alerts/${streak}$`))
    // masked: the family name only; the three days, each with its sign
    await worker.getByTestId('alert-elder').getByText('王**').waitFor()
    const days = worker.getByTestId('streak-day')
    await days.nth(2).waitFor()
    assert.deepEqual(await days.evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome'))), [
      'garbage_not_out',
      'garbage_not_out',
      'garbage_not_out',
    ])
    const form = worker.getByTestId('follow-up-form')
    await form.getByText('已协助').click()
    await form.getByTestId('follow-up-note').locator('textarea').fill(`上门看过，老人感冒在家，已帮忙倒垃圾、联系家属 ${STAMP}`)
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

  // the help alert nobody followed up: escalated to the township once its 5 minutes are over (the sweep runs every 2 s)
  const admin = await openPage(browser, DESKTOP)
  await screenshotOnFailure(admin, 'pairing-admin', async () => {
    await admin.goto('/t/yuetan/console/pairing?tab=alerts')
    await signIn(admin, 'yuetan-admin', 'fengxing')
    await admin.getByTestId('alerts-escalated').click()
    const help = await alertOf('needs_help')
    const row = admin.getByTestId('alerts-table').locator(`tbody tr:has([data-alert="${help}"])`)
    await row.getByTestId('alert-state').getByText('已升级').waitFor({ timeout: 6 * 60_000 })
    await screenshot(admin, 'console-pairing-escalated')
  })
  await admin.context().close()
  await rider.context().close()
})

// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, call, ensureActiveRider, newAccount, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/**
 * 活动 in 北大街: the admin puts on a training at 青年路社区微网格员之家 starting in 25 minutes (check-in open now) with
 * two seats. The demo rider signs up on the phone and the organiser checks them in by scanning their code; the rider
 * sees 已签到 and the training's points in 爱心存折. A second rider takes the last seat and checks in by scanning the
 * event's QR code; a third finds it full and goes on the waitlist. Every run puts on its own training.
 */

/** A cheap phone held in one hand. @type {import('playwright-core').BrowserContextOptions} */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const T = '/api/t/beidajie'
const ZONE = 'Asia/Shanghai'
const TITLE = `电动车安全驾驶培训（第 ${RUN % 10000} 期）`
const STATION = '青年路社区微网格员之家'

/** @type {import('playwright-core').Browser} */
let browser
/** The training rule as the demo has it, put back after the test. @type {any} */
let trainingRule
/** Two riders besides the demo one, made for this run. @type {{ username: string, password: string, name: string }[]} */
const riders = []

/**
 * The township's wall clock `minutes` from now, as the console's date picker takes it (YYYY-MM-DD HH:mm).
 * @param {number} minutes
 */
function wallClock(minutes) {
  const at = new Date(Date.now() + minutes * 60_000)
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  )
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/**
 * A new rider of 北大街, registered and approved through the API.
 * @param {string} suffix
 * @param {string} name
 */
async function newRider(suffix, name) {
  const account = await newAccount(suffix)
  const phone = `137${String((RUN + riders.length + 1) % 1e8).padStart(8, '0')}`
  const rider = await call(await userToken(account.username), 'POST', `${T}/riders/registration`, { name, phone, platform: 'meituan' })
  await call(await userToken('beidajie-admin'), 'POST', `${T}/riders/${rider.id}/approve`)
  riders.push({ ...account, name })
}

/** @param {import('playwright-core').Page} page */
function card(page) {
  return page.getByTestId('event').filter({ hasText: TITLE })
}

/**
 * The text box of the console form's field labelled `label`.
 * @param {import('playwright-core').Locator} form
 * @param {string} label
 */
function field(form, label) {
  const name = form.page().locator('.el-form-item__label', { hasText: new RegExp(`^\\s*${label}\\s*$`) })
  return form.locator('.el-form-item').filter({ has: name }).locator('input').first()
}

/**
 * Types a date and time into an Element Plus date picker and closes its panel.
 * @param {import('playwright-core').Locator} input
 * @param {string} value
 */
async function pick(input, value) {
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}

before(async () => {
  browser = await launch()
  await ensureActiveRider('beidajie', 'beidajie-admin')
  const admin = await userToken('beidajie-admin')
  // the training's points count however often the test ran this month: no caps, no approval while it runs
  const rules = await call(admin, 'GET', `${T}/points/rules`)
  trainingRule = rules.find((/** @type {any} */ r) => r.action === 'training')
  await call(admin, 'PUT', `${T}/points/rules`, { action: 'training', points: trainingRule.points ?? 10, needsApproval: false, active: true })
  await newRider('-b', '王秀英')
  await newRider('-c', '李建国')
})

after(async () => {
  if (trainingRule?.configured) {
    const { action, points, dailyCap, monthlyCap, needsApproval, active } = trainingRule
    await call(await userToken('beidajie-admin'), 'PUT', `${T}/points/rules`, { action, points, dailyCap, monthlyCap, needsApproval, active })
  }
  await browser?.close()
})

test('a training: sign-up, check-in by the rider’s code and by the event’s QR code, points, and the waitlist', async () => {
  const admin = await openPage(browser, DESKTOP)
  const detail = admin.getByTestId('event-detail')
  /** @type {any} */
  let event
  await screenshotOnFailure(admin, 'events-console-create', async () => {
    await admin.goto('/t/beidajie/console/events')
    await signIn(admin, 'beidajie-admin', 'fengxing')
    await admin.getByRole('heading', { name: '活动' }).waitFor()
    await admin.getByTestId('event-add').click()
    const dialog = admin.getByRole('dialog', { name: '新建活动' })
    await field(dialog, '活动名称').fill(TITLE)
    await pick(field(dialog, '开始时间'), wallClock(25))
    await pick(field(dialog, '结束时间'), wallClock(145))
    await field(dialog, '驿站').click()
    await admin.getByRole('option', { name: STATION }).click()
    await field(dialog, '名额').fill('2')
    await dialog.getByTestId('dialog-save').click()
    await dialog.waitFor({ state: 'hidden' })
    // saved: its detail opens, scheduled, nobody signed up yet
    await detail.getByText(TITLE).first().waitFor()
    await detail.getByText('进行中').waitFor()
    const list = await call(await userToken('beidajie-admin'), 'GET', `${T}/events?kind=training&size=100`)
    event = list.items.find((/** @type {any} */ e) => e.title === TITLE)
    assert.ok(event, 'the training is listed')
    assert.equal(event.capacity, 2)
    assert.equal(event.station?.name, STATION)
    assert.ok(Date.parse(event.checkInOpensAt) <= Date.now(), 'check-in is open now')
  })

  // the demo rider finds it under 活动 on the phone and signs up
  const rider = await openPage(browser, SMALL_PHONE)
  await screenshotOnFailure(rider, 'events-rider', async () => {
    await rider.goto('/t/beidajie')
    await signIn(rider, 'rider', 'fengxing')
    await rider.getByText('活动', { exact: true }).click()
    await rider.waitForURL(/\/t\/beidajie\/events$/)
    const mine = card(rider)
    await mine.getByText('培训', { exact: true }).waitFor()
    await mine.getByText(STATION).waitFor()
    await mine.getByTestId('event-seats').getByText('剩余 2 个名额').waitFor()
    assert.match((await mine.getByTestId('event-time').textContent()) ?? '', /\d{2}:\d{2}–\d{2}:\d{2}/)
    await mine.scrollIntoViewIfNeeded()
    await screenshot(rider, 'events-list')
    await mine.getByTestId('event-sign-up').click()
    await mine.getByTestId('event-state').getByText('已报名').waitFor()
    await mine.getByTestId('event-seats').getByText('剩余 1 个名额').waitFor()
    // check-in is open: the card offers 签到
    await mine.getByTestId('event-check-in').waitFor()
    await rider.locator('.van-toast').waitFor({ state: 'hidden' })
    await screenshot(rider, 'events-signed-up')
  })

  // the organiser scans the rider's personal code in the event's detail
  await screenshotOnFailure(admin, 'events-console-scan', async () => {
    const { code } = await call(await userToken('rider'), 'GET', `${T}/rider/code`)
    await detail.getByRole('tab', { name: '扫码签到' }).click()
    await detail.getByPlaceholder('输入或粘贴码').fill(code)
    await detail.getByRole('button', { name: '确认' }).click()
    const result = detail.getByTestId('event-scan-result')
    await result.getByText('签到成功').waitFor()
    assert.match((await result.textContent()) ?? '', new RegExp(`郑小龙 · \\d{3}\\*{4}\\d{4} · \\+${trainingRule.points ?? 10} 积分`))
    // the same code again: already checked in, nothing new
    await detail.getByPlaceholder('输入或粘贴码').fill(code)
    await detail.getByRole('button', { name: '确认' }).click()
    await result.getByText('此前已签到').waitFor()
    await detail.getByRole('tab', { name: '报名名单' }).click()
    const row = detail.getByTestId('event-signups').locator('tr', { hasText: '郑小龙' })
    await row.getByText('扫骑手码').waitFor()
    await detail.getByTestId('event-counts').getByText('已签到').waitFor()
    await screenshot(admin, 'console-events-detail')
  })

  // the rider sees 已签到 with the points, and the points in 爱心存折
  await screenshotOnFailure(rider, 'events-rider-checked-in', async () => {
    await rider.reload()
    const mine = card(rider)
    await mine.getByTestId('event-state').getByText('已签到').waitFor()
    await mine.getByTestId('event-earned').getByText(`获得 ${trainingRule.points ?? 10} 积分`).waitFor()
    await rider.getByRole('tab', { name: '我的活动' }).click()
    await rider.waitForURL(/\/events\/mine$/)
    await card(rider).getByTestId('event-state').getByText('已签到').waitFor()
    await card(rider).scrollIntoViewIfNeeded()
    await screenshot(rider, 'events-checked-in')
    await rider.goto('/t/beidajie/points/history')
    const newest = rider.getByTestId('points-entry').first()
    await newest.getByText('学习培训').waitFor()
    assert.match((await newest.textContent()) ?? '', new RegExp(`\\+${trainingRule.points ?? 10}`))
  })
  await rider.context().close()

  // a second rider takes the last seat and checks in by scanning the event's QR code on the organiser's screen
  const qr = detail.getByRole('img', { name: `「${TITLE}」的签到二维码` })
  await screenshotOnFailure(admin, 'events-console-qr', async () => {
    await detail.getByRole('tab', { name: '签到二维码' }).click()
    await qr.locator('svg').waitFor()
    assert.equal(((await qr.getAttribute('data-code')) ?? '').split('.').length, 3, 'the QR carries the event code (a JWS)')
    await detail.getByText(/\d+ 秒后更新/).waitFor()
    await screenshot(admin, 'console-events-qr')
  })
  const second = await openPage(browser, SMALL_PHONE)
  await screenshotOnFailure(second, 'events-second-rider', async () => {
    await call(await userToken(riders[0].username), 'POST', `${T}/events/${event.id}/signup`)
    await second.goto('/t/beidajie/events')
    await signIn(second, riders[0].username, riders[0].password)
    const theirs = card(second)
    await theirs.getByTestId('event-state').getByText('已报名').waitFor()
    await theirs.getByTestId('event-check-in').click()
    const sheet = second.getByTestId('event-check-in-sheet')
    // a made-up code is refused with the reason, and checks nobody in
    await sheet.getByPlaceholder('输入或粘贴码').fill('not-an-event-code')
    await sheet.getByRole('button', { name: '确认' }).click()
    await sheet.getByRole('alert').waitFor()
    // the code on the organiser's screen now (it changes every minute)
    const eventCode = (await qr.getAttribute('data-code')) ?? ''
    await sheet.getByPlaceholder('输入或粘贴码').fill(eventCode)
    await sheet.getByRole('button', { name: '确认' }).click()
    const done = sheet.getByTestId('event-checked-in')
    await done.getByText('签到成功').waitFor()
    await done.getByText(TITLE).waitFor()
    await done.getByTestId('event-points-earned').getByText(`获得 ${trainingRule.points ?? 10} 积分`).waitFor()
    await screenshot(second, 'events-checked-in-by-qr')
  })
  await second.context().close()

  // full: the third rider goes on the waitlist
  const third = await openPage(browser, SMALL_PHONE)
  await screenshotOnFailure(third, 'events-third-rider', async () => {
    await third.goto('/t/beidajie/events')
    await signIn(third, riders[1].username, riders[1].password)
    const theirs = card(third)
    await theirs.getByTestId('event-seats').getByText('名额已满，可报名候补').waitFor()
    await theirs.getByTestId('event-sign-up').getByText('候补报名').click()
    await theirs.getByTestId('event-state').getByText('候补第 1 位').waitFor()
    await theirs.getByTestId('event-cancel').getByText('取消候补').waitFor()
    await third.locator('.van-toast').waitFor({ state: 'hidden' })
    await theirs.scrollIntoViewIfNeeded()
    await screenshot(third, 'events-waitlist')
  })
  await third.context().close()

  // the organiser's counts: two signed up, both checked in, one waiting; the waitlist in the sign-ups
  await screenshotOnFailure(admin, 'events-console-after', async () => {
    await admin.reload()
    await admin.getByTestId('events-table').locator('tr', { hasText: TITLE }).getByTestId('event-open').click()
    const row = detail.getByTestId('event-signups').locator('tr', { hasText: '李建国' })
    await row.getByText('候补第 1 位').waitFor()
    await detail.getByTestId('event-signups').locator('tr', { hasText: '王秀英' }).getByText('骑手扫码').waitFor()
    const fresh = await call(await userToken('beidajie-admin'), 'GET', `${T}/events/${event.id}`)
    assert.deepEqual([fresh.signedUp, fresh.waitlisted, fresh.attended, fresh.seatsLeft], [2, 1, 2, 0])
  })
  await admin.context().close()
})

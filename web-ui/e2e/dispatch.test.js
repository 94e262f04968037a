// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, SUBJECTS, call, ensureActiveRider, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'
import { cameraPhoto, fillIn, reportScreen } from './reporting.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
})

after(async () => {
  await browser?.close()
})

test('the whole loop: a rider files with a photo, the desk gets it live and dispatches it, the handler resolves it, the rider verifies it fixed, and the figures count it', async () => {
  const desk = await openPage(browser, DESKTOP)
  /** @type {any} */
  let report
  /** @type {import('playwright-core').Page} */
  let phone = desk
  /** @type {any} the township's figures before the rider files */
  let figuresBefore
  await screenshotOnFailure(desk, 'dispatch-desk', async () => {
    await desk.goto('/t/ningxiang/console/dispatch')
    await signIn(desk, 'ningxiang-dispatcher', 'fengxing')
    const table = desk.getByTestId('report-table')
    await table.waitFor()
    await desk.getByTestId('live-mode').getByText('实时').waitFor() // the stream is open
    // Set on the page now: still there later means the report came in without a reload.
    await desk.evaluate(() => Object.assign(window, { e2eSamePage: true }))

    figuresBefore = await call(await userToken('ningxiang-dispatcher'), 'GET', '/api/t/ningxiang/reports/figures')

    // the rider, on a phone, files it through the report screen
    const description = `路面塌陷，电动车绕行 e2e-${RUN}`
    phone = await reportScreen(browser)
    await fillIn(phone, '市政设施', '道路破损', description)
    await phone.getByTestId('report-submit').click()
    await phone.waitForURL(/\/t\/ningxiang\/reports\/\d+$/)
    const id = Number(new URL(phone.url()).pathname.split('/').pop())
    await screenshot(phone, 'loop-1-rider-filed')
    report = await call(await userToken('rider'), 'GET', `/api/t/ningxiang/reports/${id}`)
    assert.equal(report.community?.name, '城北社区', 'placed in its grid, so in its community')

    const row = table.locator('tr', { hasText: new RegExp(`#${report.id}(?!\\d)`) })
    // Delivered by the stream (polling, should the stream be unreachable, would take up to 15 s).
    await row.waitFor({ timeout: 10_000 })
    assert.equal(await desk.evaluate(() => 'e2eSamePage' in window), true, 'no reload')
    assert.match((await row.getAttribute('class')) ?? '', /fresh/)
    await row.getByText(/^派单剩 /).waitFor()
    await row.locator('img').waitFor() // the thumbnail, fetched with the token
    await screenshot(desk, 'dispatch-queue-new-report')

    await row.click()
    const drawer = desk.getByTestId('report-drawer')
    await drawer.getByTestId('description').getByText(description).waitFor()
    await drawer.getByTestId('proposal').waitFor()
    await drawer.getByTestId('take').click()
    await drawer.getByTestId('held-by-me').waitFor()
    await screenshot(desk, 'dispatch-report-taken')

    await drawer.getByTestId('dispatch').click()
    const dialog = desk.getByRole('dialog', { name: `派单 #${report.id}` })
    // Any member with the handler role, found by name in the member picker.
    await dialog.getByTestId('dispatch-handler').click()
    await desk.keyboard.type('网格员')
    const option = desk.getByRole('option', { name: /宁乡镇网格员/ })
    await option.getByText(SUBJECTS.ningxiangHandler).waitFor()
    await option.click()
    await dialog.getByTestId('dispatch-note').fill('请今天内到现场处置')
    await dialog.getByTestId('dialog-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await drawer.getByTestId('state').getByText('已分派').waitFor()
    await drawer.getByTestId('assignee').getByText('宁乡镇网格员').waitFor()
    await drawer.getByTestId('timeline').getByText('请今天内到现场处置', { exact: true }).waitFor()
    await screenshot(desk, 'dispatch-report-dispatched')
    await drawer.getByRole('button', { name: '关闭此对话框' }).first().click()
    await row.getByTestId('holder').waitFor({ state: 'detached' }) // released on leaving it
  })

  const handler = await openPage(browser, DESKTOP)
  await screenshotOnFailure(handler, 'dispatch-handler', async () => {
    await handler.goto('/t/ningxiang/console/tasks')
    await signIn(handler, 'ningxiang-handler', 'fengxing')
    const task = handler.getByTestId('report-table').locator('tr', { hasText: new RegExp(`#${report.id}(?!\\d)`) })
    await task.waitFor()
    await screenshot(handler, 'dispatch-my-tasks')
    await task.click()
    const detail = handler.getByTestId('report-drawer')
    await detail.getByTestId('accept').click()
    await detail.getByTestId('state').getByText('处理中').waitFor()

    await detail.getByTestId('resolve').click()
    const resolve = handler.getByRole('dialog', { name: `办结反馈 #${report.id}` })
    await resolve.getByTestId('resolve-note').fill('已回填沥青，路面平整')
    await resolve.locator('input[type=file]').setInputFiles({
      name: 'fixed.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraPhoto(handler),
    })
    await resolve.getByTestId('dialog-save').click()
    await resolve.waitFor({ state: 'hidden' })
    await detail.getByTestId('state').getByText('已处理').waitFor()
    await detail.getByText('处置照片', { exact: true }).waitFor()
    const note = detail.getByTestId('timeline').getByText('已回填沥青，路面平整', { exact: true })
    await note.waitFor()
    await note.scrollIntoViewIfNeeded()
    await screenshot(handler, 'dispatch-report-resolved')

    const resolved = await call(await userToken('ningxiang-dispatcher'), 'GET', `/api/t/ningxiang/reports/${report.id}`)
    assert.equal(resolved.state, 'resolved')
    assert.equal(resolved.photos.filter((/** @type {any} */ p) => p.purpose === 'resolution').length, 1)
  })
  await handler.context().close()

  // the rider sees the handler's result and message, and confirms the fix
  await screenshotOnFailure(phone, 'loop-rider-verify', async () => {
    await phone.reload()
    await phone.locator('[data-testid="report-state"][data-state="resolved"]').waitFor()
    await phone.getByTestId('resolution').getByText('已回填沥青，路面平整').waitFor()
    assert.ok(((await phone.getByTestId('feedback').textContent()) ?? '').trim().length > 4)
    await phone.getByTestId('verify').getByRole('radio', { name: '已解决' }).click()
    await phone.getByTestId('verify-rating').getByRole('radio').nth(4).click()
    await phone.getByTestId('verify-submit').click()
    await phone.locator('[data-testid="report-state"][data-state="closed_fixed"]').waitFor()
    await screenshot(phone, 'loop-2-rider-verified')
  })
  await phone.context().close()
  const closed = await call(await userToken('ningxiang-dispatcher'), 'GET', `/api/t/ningxiang/reports/${report.id}`)
  assert.equal(closed.state, 'closed_fixed')

  await screenshotOnFailure(desk, 'dispatch-figures', async () => {
    // Resolved is no longer open: the desk's default view drops it, live.
    await desk.getByTestId('report-table').locator('tr', { hasText: new RegExp(`#${report.id}(?!\\d)`) }).waitFor({ state: 'detached' })
    await desk.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem', { name: '数据' }).click()
    const figures = await call(await userToken('ningxiang-dispatcher'), 'GET', '/api/t/ningxiang/reports/figures')
    // the township's figures count it: one more report, one more closed
    assert.equal(figures.reports, figuresBefore.reports + 1)
    assert.equal(figures.closed, figuresBefore.closed + 1)
    await desk.getByTestId('figure-reports').getByText(String(figures.reports), { exact: true }).waitFor()
    await desk.getByTestId('figure-closureRate').getByText(/%$/).waitFor()
    await desk.getByTestId('figure-medianDispatch').getByText(/分钟$/).waitFor()
    await screenshot(desk, 'dispatch-figures')
  })
  await desk.context().close()
})

// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, ensureActiveRider } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'
import { cameraPhoto, settled } from './reporting.js'

/**
 * 意见建议 in 宁乡: the demo rider raises a suggestion with a photo on the phone, the admin answers it in the console
 * and adopts it, and the rider reads the answer, who gave it and that it was adopted. The text carries the run's
 * number, so the test runs again on the same data.
 */

/** A cheap phone held in one hand. @type {import('playwright-core').BrowserContextOptions} */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const TEXT = `城北商业街骑手驿站晚上九点就关门，夜班骑手没地方歇脚充电，建议延长到晚上十一点（${RUN}）`
const ANSWER = '已与驿站负责人沟通，自下周一起延长开放至23:00，并加装一组充电柜。'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
})

after(async () => {
  await browser?.close()
})

test('a rider raises a suggestion with a photo, the admin answers and adopts it, and the rider reads the answer', async () => {
  const rider = await openPage(browser, SMALL_PHONE)
  await screenshotOnFailure(rider, 'suggestions-rider', async () => {
    await rider.goto('/t/ningxiang')
    await signIn(rider, 'rider', 'fengxing')
    await rider.getByText('意见建议', { exact: true }).click()
    await rider.waitForURL(/\/t\/ningxiang\/suggestions$/)
    await rider.getByTestId('suggestion-raise').waitFor()
    await settled(rider)
    await screenshot(rider, 'suggestions-list')

    await rider.getByTestId('suggestion-raise').click()
    await rider.waitForURL(/\/suggestions\/new$/)
    // sent without a category: the form says so and nothing leaves the phone
    await rider.getByTestId('suggestion-text').locator('textarea').fill(TEXT)
    await rider.getByTestId('suggestion-submit').click()
    await rider.getByRole('alert').getByText('请选择类别').waitFor()
    await rider.getByTestId('suggestion-category-stations').click()
    assert.equal(await rider.getByTestId('suggestion-category-stations').getAttribute('aria-checked'), 'true')
    await rider.getByTestId('photo-input').setInputFiles({ name: 'station.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(rider) })
    await rider.getByTestId('photo-preview').waitFor()
    await settled(rider)
    await screenshot(rider, 'suggestions-new')
    await rider.getByTestId('suggestion-submit').click()
    await rider.waitForURL(/\/t\/ningxiang\/suggestions$/)
    const card = rider.getByTestId('suggestion-card').filter({ hasText: TEXT })
    await card.getByTestId('suggestion-state').getByText('已收到').waitFor()
    await card.getByRole('button', { name: '照片' }).locator('img').waitFor()
  })

  const admin = await openPage(browser, DESKTOP)
  await screenshotOnFailure(admin, 'suggestions-console', async () => {
    await admin.goto('/t/ningxiang/console/suggestions')
    await signIn(admin, 'ningxiang-admin', 'fengxing')
    await admin.getByRole('heading', { name: '意见建议' }).waitFor()
    // the demo's year of suggestions is there, with the new one among them
    await admin.getByTestId('suggestions-total').getByText(/共 \d{2,} 条/).waitFor()
    const row = admin.getByTestId('suggestions-table').locator('.el-table__row').filter({ hasText: `（${RUN}）` })
    await row.getByText('已收到').waitFor()
    await screenshot(admin, 'console-suggestions')
    await row.getByTestId('suggestion-open').click()
    const drawer = admin.getByTestId('suggestion-drawer')
    await drawer.getByText(TEXT).waitFor()
    await drawer.getByTestId('suggestion-photo').locator('img').waitFor()
    await drawer.getByTestId('suggestion-answer-input').fill(ANSWER)
    await drawer.getByTestId('suggestion-answer-send').click()
    await drawer.getByTestId('suggestion-drawer-state').getByText('已答复').waitFor()
    await drawer.getByTestId('suggestion-note').fill('列入驿站提升计划')
    await drawer.getByTestId('suggestion-adopt').click()
    await drawer.getByTestId('suggestion-drawer-state').getByText('已采纳').waitFor()
    await settled(admin)
    await screenshot(admin, 'console-suggestions-answered')
    // the list filtered by state shows it among the adopted
    await admin.keyboard.press('Escape')
    await admin.getByTestId('suggestions-state').click()
    await admin.locator('.el-select-dropdown__item').getByText('已采纳', { exact: true }).click()
    await row.getByText('已采纳').waitFor()
  })
  await admin.context().close()

  await screenshotOnFailure(rider, 'suggestions-rider-after', async () => {
    await rider.reload()
    const card = rider.getByTestId('suggestion-card').filter({ hasText: TEXT })
    await card.getByTestId('suggestion-state').getByText('已采纳').waitFor()
    const answer = card.getByTestId('suggestion-answer')
    await answer.getByText(ANSWER).waitFor()
    assert.match((await answer.textContent()) ?? '', /宁乡镇管理员 · .* 答复/, 'who answered, by name')
    assert.match((await answer.textContent()) ?? '', /已采纳：列入驿站提升计划/)
    await card.scrollIntoViewIfNeeded()
    await settled(rider)
    await screenshot(rider, 'suggestions-answered')
  })
  await rider.context().close()
})

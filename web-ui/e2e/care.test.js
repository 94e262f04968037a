// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, call, ensureActiveRider, userToken } from './api.js'
import { DESKTOP, confirmBox, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/**
 * 关爱服务 in 北大街: the admin imports a small spreadsheet of care records (a bad row first: nothing imported), records
 * hardship aid for the demo rider 郑小龙, reveals the masked record (audited), and the rider finds it all under
 * 我的关爱 on a small phone. Every run's records carry the run's stamp, so the test runs again on the same data.
 */

/** A cheap phone held in one hand. @type {import('playwright-core').BrowserContextOptions} */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const T = '/api/t/beidajie'
const STAMP = String(RUN % 1e6)

/** @type {import('playwright-core').Browser} */
let browser
/** The demo rider's phone in 北大街 (the rows of the spreadsheet name the rider by it). */
let phone = ''

before(async () => {
  browser = await launch()
  await ensureActiveRider('beidajie', 'beidajie-admin')
  const { id } = await call(await userToken('rider'), 'GET', `${T}/riders/registration`)
  ;({ phone } = await call(await userToken('beidajie-admin'), 'POST', `${T}/riders/${id}/reveal`))
})

after(async () => {
  await browser?.close()
})

test('the admin imports care records, records hardship aid and reveals it; the rider sees their care', async () => {
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'care-console', async () => {
    await page.goto('/t/beidajie/console/care')
    await signIn(page, 'beidajie-admin', 'fengxing')
    await page.getByRole('heading', { name: '关爱服务' }).waitFor()
    // the demo's history: 239 美团 riders insured
    await page.getByTestId('care-total').filter({ hasText: '保险' }).getByText('239 名骑手').waitFor()

    const csv = (/** @type {string} */ date) =>
      Buffer.from(
        [
          '手机号,类别,日期,事项,详情,金额',
          `${phone},节日慰问,2026-07-15,防暑降温物品 ${STAMP},绿豆、藿香正气水,`,
          `${phone},健康体检,${date},健康体检 ${STAMP},社区卫生服务中心,`,
        ].join('\n'),
      )
    await page.getByTestId('care-import').click()
    const dialog = page.getByRole('dialog', { name: '导入关爱记录' })
    const input = dialog.locator('input[type=file]')
    await input.setInputFiles({ name: 'care.csv', mimeType: 'text/csv', buffer: csv('2026-02-30') })
    await dialog.getByRole('button', { name: '导入', exact: true }).click()
    await dialog.getByTestId('import-errors').locator('tr', { hasText: '日期' }).getByText('2026-02-30').waitFor()
    await input.setInputFiles({ name: 'care.csv', mimeType: 'text/csv', buffer: csv('2026-04-20') })
    await dialog.getByRole('button', { name: '导入', exact: true }).click()
    await dialog.getByTestId('import-result').getByText('已导入 2 条关爱记录').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()

    // hardship aid by hand: with the list on 困难帮扶, a new record is one; for 郑小龙, 800 yuan
    await page.getByTestId('care-filter-kind').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '困难帮扶' }).click()
    await page.getByTestId('care-add').click()
    const form = page.getByRole('dialog', { name: '登记关爱' })
    await form.getByText('困难帮扶').waitFor()
    await form.getByTestId('care-rider').click()
    await page.keyboard.type('郑小龙')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '郑小龙' }).first().click()
    const date = form.locator('.el-date-editor input').first()
    await date.fill('2026-08-02')
    await date.press('Enter')
    await form.getByTestId('care-title').fill(`困难帮扶 ${STAMP}`)
    await form.locator('.el-input-number input').fill('800')
    await form.getByTestId('dialog-save').click()
    await form.waitFor({ state: 'hidden' })

    // masked in the list: who received it down to the family name, the amount hidden
    const row = page.getByTestId('care-table').locator('tbody tr', { hasText: `困难帮扶 ${STAMP}` })
    await row.getByText('郑**', { exact: true }).waitFor()
    assert.match((await row.textContent()) ?? '', /\*\*\*\*/, 'the amount is masked')
    assert.doesNotMatch((await row.textContent()) ?? '', /郑小龙/)
    await row.getByTestId('care-reveal').click()
    await confirmBox(page)
    await row.getByText('郑小龙', { exact: true }).waitFor()
    await row.getByText('800', { exact: true }).waitFor()
    await screenshot(page, 'console-care')
  })
  await page.context().close()

  // the reveal is in the audit log
  const audit = await call(await userToken('beidajie-admin'), 'GET', `${T}/audit?action=care.reveal&size=5`)
  assert.ok(
    audit.items.some((/** @type {any} */ e) => e.action === 'care.reveal'),
    'the reveal was audited',
  )

  const phonePage = await openPage(browser, SMALL_PHONE)
  await screenshotOnFailure(phonePage, 'care-rider', async () => {
    await phonePage.goto('/t/beidajie/me')
    await signIn(phonePage, 'rider', 'fengxing')
    await phonePage.getByTestId('me-care').click()
    await phonePage.waitForURL(/\/t\/beidajie\/care$/)
    const records = phonePage.getByTestId('care-record')
    await records.filter({ hasText: `困难帮扶 ${STAMP}` }).getByText('800 元').waitFor()
    await records.filter({ hasText: `健康体检 ${STAMP}` }).waitFor()
    await records.filter({ hasText: `防暑降温物品 ${STAMP}` }).waitFor()
    await screenshot(phonePage, 'care-mine')
  })
  await phonePage.context().close()
})

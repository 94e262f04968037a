// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, call, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** A subject-like id (UUID) or an action code (report.rule.create) shown as text. */
const RAW = /[0-9a-f]{8}-[0-9a-f]{4}-|\b[a-z-]+\.[a-z-]+(\.[a-z-]+)?\b/

test('the audit log names the action and who did it, never their codes', async () => {
  const admin = await userToken('ningxiang-admin')
  const department = await call(admin, 'POST', '/api/t/ningxiang/report-settings/departments', {
    code: `e2e-audit-${RUN}`,
    name: `审计部门${RUN % 10000}`,
  })
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'console-audit', async () => {
    await page.goto('/t/ningxiang/console/audit')
    await signIn(page, 'ningxiang-admin', 'fengxing')
    const table = page.getByTestId('audit-table')
    // what was acted on by its name
    const row = table.locator('tr', { hasText: department.name })
    await row.getByTestId('audit-action-name').getByText('新建部门', { exact: true }).waitFor()
    const actor = ((await row.getByTestId('audit-actor').textContent()) ?? '').trim()
    assert.ok(actor.length > 0 && !RAW.test(actor), `the admin by name, not "${actor}"`)
    assert.ok(!((await row.textContent()) ?? '').includes(department.code), 'no department code')
    for (const text of await table.locator('tbody tr td:nth-child(3), tbody tr td:nth-child(4)').allTextContents()) {
      assert.ok(!RAW.test(text.trim()), `no code or id in "${text.trim()}"`)
    }
    await screenshot(page, 'console-audit-log')

    // the demo townships were set up by platform operations: named as such
    await page.getByTestId('audit-action').click()
    await page.getByRole('option', { name: '开通/更新乡镇配置' }).click()
    await page.getByRole('button', { name: '查询' }).click()
    const setUp = table.locator('tbody tr').first()
    await setUp.getByTestId('audit-actor').getByText('平台运维', { exact: true }).waitFor()
    await setUp.getByTestId('audit-action-name').getByText('开通/更新乡镇配置').waitFor()

    // a click on the actor shows only theirs, named in the filter
    await setUp.getByTestId('audit-actor').click()
    await page.getByTestId('audit-actor-filter').getByText('只看 平台运维').waitFor()
    await screenshot(page, 'console-audit-operator')
  })
  await page.context().close()
})

// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { ensureActiveRider } from './api.js'
import { DESKTOP, PHONE, issueEpass, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @typedef {import('playwright-core').Page} Page */

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

const RIDER_NAME = '郑小龙'
const COMMUNITY = '锦绣花园'

/**
 * The guard pastes the token and checks it; resolves to the verdict shown.
 * @param {Page} guard
 * @param {string} token
 */
async function guardChecks(guard, token) {
  await guard.getByLabel('手动输入/粘贴通行证码').fill(token)
  await guard.getByRole('button', { name: '核验' }).click()
  const result = guard.getByTestId('verify-result')
  await result.waitFor()
  return result
}

test('an e-pass is issued, the guard finds it valid (also offline), and after revocation revoked; the audit log shows both', async () => {
  const admin = await openPage(browser, DESKTOP)
  await admin.goto('/t/ningxiang/console/passes')
  await signIn(admin, 'ningxiang-admin', 'fengxing')
  const rider = await openPage(browser, PHONE)
  await rider.goto('/t/ningxiang')
  await signIn(rider, 'rider', 'fengxing')
  await ensureActiveRider('ningxiang', 'ningxiang-admin')

  // The admin issues a pass to the rider for one friendly community.
  const newest = await issueEpass(admin, RIDER_NAME, COMMUNITY)

  // The rider shows the pass: the newest valid one comes first.
  await rider.goto('/t/ningxiang/passes')
  const pass = rider.locator('[data-testid="epass"][data-state="valid"]').first()
  await pass.locator('svg').waitFor()
  assert.match((await pass.textContent()) ?? '', new RegExp(COMMUNITY))
  const token = await pass.locator('[data-token]').getAttribute('data-token')
  assert.ok(token)
  await screenshot(rider, 'rider-epass')

  // A guard, not signed in, checks it: valid.
  const guard = await openPage(browser, PHONE)
  await guard.goto('/t/ningxiang/verify')
  await screenshotOnFailure(guard, 'guard-valid', async () => {
    await guard.getByText(/已缓存 \d+ 个验证密钥/).waitFor()
    const result = await guardChecks(guard, token)
    assert.equal(await result.getAttribute('data-result'), 'valid')
    await result.getByText('有效', { exact: true }).waitFor()
    await result.getByText(RIDER_NAME).waitFor()
  })
  await screenshot(guard, 'guard-valid')

  // Without a network the phone checks the signature itself with the keys it cached, and says so.
  await guard.context().setOffline(true)
  await screenshotOnFailure(guard, 'guard-offline', async () => {
    const result = await guardChecks(guard, token)
    assert.equal(await result.getAttribute('data-result'), 'valid')
    await result.getByText('离线核验（未能联网查询注销状态）').waitFor()
    await result.getByText(RIDER_NAME).waitFor()
  })
  await guard.context().setOffline(false)

  // The admin revokes it; the guard checks again: revoked.
  await newest.getByRole('button', { name: '注销' }).click()
  const prompt = admin.getByRole('dialog', { name: '注销' })
  await prompt.locator('input').fill('测试：骑手离职')
  await prompt.getByRole('button', { name: '注销' }).click()
  await newest.getByText('已注销').waitFor()
  await guardChecks(guard, token)
  await guard.locator('[data-testid="verify-result"][data-result="revoked"]').getByText('已注销', { exact: true }).waitFor()
  await screenshot(guard, 'guard-revoked')

  // The audit log records the issue and the revocation.
  await admin.goto('/t/ningxiang/console/audit')
  const log = admin.getByTestId('audit-table')
  await log.getByText('吊销通行证').first().waitFor()
  await log.getByText('签发通行证').first().waitFor()
  await screenshot(admin, 'console-audit')

  for (const page of [admin, rider, guard]) await page.context().close()
})

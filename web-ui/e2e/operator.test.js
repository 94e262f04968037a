// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

// a township of its own, so the demo townships stay as they are
const CODE = `e2e-xinhe-${Date.now() % 1_000_000}`
const MANIFEST = `code: ${CODE}
name: 新河镇
nameEn: Xinhe Town
region: [河北省, 邢台市, 新河县]
timeZone: Asia/Shanghai
members:
  - { subject: "00000000-0000-4000-8000-00000000e2e1", name: 甄新河, roles: [tenant_admin] }
`

test('the operator sees every township with its status and figures, onboards one from a manifest after its dry run, and suspends it', async () => {
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'operator', async () => {
    await page.goto('/operator')
    await signIn(page, 'operator', 'fengxing')
    // the start page leads there too, not only to "no township"
    await page.goto('/')
    await page.getByRole('link', { name: '运营控制台' }).click()
    const table = page.getByTestId('townships-table')
    const ningxiang = table.locator('.el-table__body tr', { hasText: '宁乡镇' })
    await ningxiang.waitFor()
    assert.match((await ningxiang.textContent()) ?? '', /吕梁市 › 中阳县.*运行中/)
    assert.equal(await table.getByText('ningxiang', { exact: true }).count(), 0, 'names, never codes')
    await screenshot(page, 'operator-townships')

    // a broken manifest says what is wrong and cannot be previewed
    await page.getByTestId('apply-open').click()
    const dialog = page.getByRole('dialog', { name: '应用乡镇清单' })
    const text = dialog.getByTestId('manifest-text')
    await text.fill('name: 新河镇')
    await dialog.getByText('清单缺少有效的乡镇代码').waitFor()
    assert.ok(await dialog.getByTestId('manifest-preview-button').isDisabled())

    // the dry run shows what applying would create; nothing exists until it is applied
    await text.fill(MANIFEST)
    await dialog.getByTestId('manifest-preview-button').click()
    const preview = dialog.getByTestId('manifest-preview')
    await preview.getByText('将新建该乡镇：').waitFor()
    assert.match((await preview.locator('pre').textContent()) ?? '', new RegExp(`\\+ tenant ${CODE}`))
    assert.equal(await table.locator('.el-table__body tr', { hasText: '新河镇' }).count(), 0)
    await screenshot(page, 'operator-apply-preview')
    await dialog.getByTestId('manifest-apply').click()
    await dialog.getByTestId('manifest-applied').waitFor()

    // applied again: nothing would change
    await text.fill(`${MANIFEST}\n`)
    await dialog.getByTestId('manifest-preview-button').click()
    await preview.getByText('该乡镇已与清单一致。').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()

    // the new township is listed; suspended and resumed
    const xinhe = table.locator('.el-table__body tr', { hasText: '新河镇' })
    await xinhe.waitFor()
    assert.match((await xinhe.textContent()) ?? '', /河北省 › 邢台市 › 新河县/)
    await xinhe.getByRole('button', { name: '暂停' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '暂停' }).click()
    await xinhe.getByTestId('township-status').getByText('已暂停').waitFor()
    await screenshot(page, 'operator-suspended')
    await xinhe.getByRole('button', { name: '恢复' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '恢复' }).click()
    await xinhe.getByTestId('township-status').getByText('运行中').waitFor()
  })
  await page.context().close()
})

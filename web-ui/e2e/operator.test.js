// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, accounts } from './api.js'
import { DESKTOP, firstSignIn, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

// a township of its own, so the demo townships stay as they are
const CODE = `e2e-xinhe-${RUN % 1_000_000}`
// its first admin is named by username: the account does not exist yet
const ADMIN = `xinhe-admin-${RUN.toString(36)}`
const MANIFEST = `code: ${CODE}
name: 新河镇
nameEn: Xinhe Town
region: [河北省, 邢台市, 新河县]
timeZone: Asia/Shanghai
members:
  - { username: ${ADMIN}, name: 甄新河, roles: [tenant_admin] }
`

/**
 * Reads the one-time passwords dialog: the person's sign-in name and password, then closes it.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {string} screenshotName
 */
async function oneTimePassword(page, name, screenshotName) {
  const created = page.getByRole('dialog', { name: '账号已创建' })
  await created.getByTestId('one-time-passwords').getByText(name).waitFor()
  const password = ((await created.getByTestId('one-time-password').textContent()) ?? '').trim()
  assert.match(password, /^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/)
  await screenshot(page, screenshotName)
  await created.getByTestId('one-time-passwords-done').click()
  await created.waitFor({ state: 'hidden' })
  return password
}

test('the operator sees every township with its status and figures, onboards one whose admin is named by username after its dry run, the admin signs in, and the township is suspended, offboarded and onboarded again', async () => {
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
    const changes = (await preview.locator('pre').textContent()) ?? ''
    assert.match(changes, new RegExp(`\\+ tenant ${CODE}`))
    assert.match(changes, new RegExp(`\\+ account username ${ADMIN}`))
    assert.equal((await accounts(ADMIN)).length, 0, 'a dry run creates no account')
    assert.equal(await table.locator('.el-table__body tr', { hasText: '新河镇' }).count(), 0)
    await screenshot(page, 'operator-apply-preview')
    await dialog.getByTestId('manifest-apply').click()
    const password = await oneTimePassword(page, '甄新河', 'operator-one-time-password')
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

    // its admin signs in with the one-time password, chooses their own, and is the township's admin
    const admin = await openPage(browser, DESKTOP)
    await admin.goto(`/t/${CODE}/console`)
    await firstSignIn(admin, ADMIN, password, `chosen-${ADMIN}`)
    await admin.locator('.console .el-menu').getByText('工作人员', { exact: true }).waitFor()
    await screenshot(admin, 'operator-new-admin-console')
    await admin.context().close()

    // offboarded: only once suspended, and only after typing its name
    assert.equal(await xinhe.getByTestId('offboard-open').count(), 0, 'an active township cannot be offboarded')
    await xinhe.getByRole('button', { name: '暂停' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '暂停' }).click()
    await xinhe.getByTestId('township-status').getByText('已暂停').waitFor()
    await xinhe.getByTestId('offboard-open').click()
    const offboard = page.getByRole('dialog', { name: '注销「新河镇」' })
    await offboard.getByTestId('offboard-name').fill('新河')
    assert.ok(await offboard.getByTestId('dialog-save').isDisabled(), 'not until the name is typed in full')
    await offboard.getByTestId('offboard-name').fill('新河镇')
    await screenshot(page, 'operator-offboard')
    await offboard.getByTestId('dialog-save').click()
    await page.locator('.el-message--success').getByText(/已注销「新河镇」：删除 \d+ 行数据/).waitFor()
    await xinhe.waitFor({ state: 'detached' })

    // its code is free again: the same manifest onboards it from scratch, its admin's account kept
    await page.getByTestId('apply-open').click()
    await text.fill(MANIFEST)
    await dialog.getByTestId('manifest-preview-button').click()
    await preview.getByText('将新建该乡镇：').waitFor()
    assert.doesNotMatch((await preview.locator('pre').textContent()) ?? '', /\+ account/)
    await dialog.getByTestId('manifest-apply').click()
    await dialog.getByTestId('manifest-applied').waitFor()
    assert.equal(await page.getByRole('dialog', { name: '账号已创建' }).count(), 0)
    await dialog.getByRole('button', { name: '关闭', exact: true }).click()
    await xinhe.waitFor()
  })
  await page.context().close()
})

test('the operator grants a region to provincial staff named by username, who signs in with the one-time password, and revokes it', async () => {
  const page = await openPage(browser, DESKTOP)
  const viewer = `lvliang-viewer-${RUN.toString(36)}`
  await screenshotOnFailure(page, 'operator-grants', async () => {
    await page.goto('/operator')
    await signIn(page, 'operator', 'fengxing')
    await page.getByRole('tab', { name: '区域授权' }).click()
    const table = page.getByTestId('grants-table')
    // the demo's provincial staff, by name and region, never by subject
    const shanxi = table.locator('.el-table__body tr', { hasText: '冯晓东' })
    await shanxi.waitFor()
    assert.match((await shanxi.textContent()) ?? '', /山西省.*区域查看/)
    assert.doesNotMatch((await table.textContent()) ?? '', /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no subjects shown')

    await page.getByTestId('grant-add').click()
    const dialog = page.getByRole('dialog', { name: '新增授权' })
    await dialog.locator('.el-radio-button', { hasText: '用户名' }).click()
    await dialog.getByTestId('person-handle').fill(viewer)
    await dialog.getByTestId('person-family').fill('韩')
    await dialog.getByTestId('person-given').fill('丽娟')
    assert.ok(await dialog.getByTestId('dialog-save').isDisabled(), 'no region yet')
    await dialog.getByTestId('grant-region').locator('input').fill('吕梁')
    await page.locator('.el-cascader__suggestion-item', { hasText: '吕梁市' }).first().click()
    await screenshot(page, 'operator-grant-add')
    await dialog.getByTestId('dialog-save').click()
    const password = await oneTimePassword(page, '韩丽娟', 'operator-grant-one-time-password')
    const row = table.locator('.el-table__body tr', { hasText: '韩丽娟' })
    await row.waitFor()
    assert.match((await row.textContent()) ?? '', /山西省 › 吕梁市.*区域查看/)
    await screenshot(page, 'operator-grants')

    // the new viewer signs in and compares the districts of 吕梁市
    const person = await openPage(browser, DESKTOP)
    await person.goto('/region')
    await firstSignIn(person, viewer, password, `chosen-${viewer}`)
    await person.getByText('宁乡镇').first().waitFor()
    await person.context().close()

    // revoked: gone from the list
    await row.getByRole('button', { name: '收回' }).click()
    const box = page.locator('.el-message-box')
    await box.getByText('收回 韩丽娟 对「山西省 › 吕梁市」的区域查看权限？').waitFor()
    await box.getByRole('button', { name: '收回' }).click()
    await row.waitFor({ state: 'detached' })
  })
  await page.context().close()
})

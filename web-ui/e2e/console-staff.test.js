// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, SUBJECTS, accounts, call, userToken } from './api.js'
import { DESKTOP, confirmBox, firstSignIn, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

// 工程街道: a demo township no other browser test changes, with one admin (gongcheng-admin)
const TENANT = 'gongcheng'
const ADMIN_NAME = '工程街道管理员'
const USERNAME = `staff-e2e-${RUN.toString(36)}`
// a Chinese name, family name first, told apart from other runs' by its given name
const GIVEN_CHARS = '晓明建国海燕春华文静志强丽娟'
const FAMILY = '钱'
const GIVEN = `${GIVEN_CHARS[RUN % GIVEN_CHARS.length]}${GIVEN_CHARS[Math.floor(RUN / 7) % GIVEN_CHARS.length]}`
const NAME = `${FAMILY}${GIVEN}`
// web-ui/src/locales/zh-CN.json (roles.*) and the API's messages_zh_CN (member.last-admin)
const DISPATCHER = '值守专员'
const HANDLER = '网格员'
const TENANT_ADMIN = '管理员'
const LAST_ADMIN = '这是本乡镇/街道最后一位管理员'
/** Role codes, which the page must never show. */
const ROLE_CODES = /\b(tenant_admin|dispatcher|handler|station_keeper|rider)\b/

/**
 * The role tags of a staff row, in order.
 * @param {import('playwright-core').Locator} row
 */
async function roleTags(row) {
  return (await row.locator('.el-tag').allTextContents()).map((text) => text.trim())
}

test('the township admin invites staff by username, changes their roles, cannot remove the last admin, and removes them', async () => {
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'console-staff', async () => {
    await page.goto(`/t/${TENANT}/console/staff`)
    await signIn(page, `${TENANT}-admin`, 'fengxing')
    await page.getByRole('heading', { name: '工作人员' }).waitFor()
    const table = page.getByTestId('staff-table')
    const adminRow = table.locator('.el-table__body tr', { hasText: ADMIN_NAME })
    await adminRow.waitFor()
    assert.deepEqual(await roleTags(adminRow), [TENANT_ADMIN])
    const row = table.locator('.el-table__body tr', { hasText: NAME })
    assert.equal(await row.count(), 0, `${NAME} is no staff yet`)

    // invited by username, with a Chinese name (family name first) and the role dispatcher
    await page.getByTestId('staff-invite').click()
    const dialog = page.getByRole('dialog', { name: '邀请工作人员' })
    await dialog.locator('.el-radio-button', { hasText: '用户名' }).click()
    await dialog.getByTestId('person-handle').fill(USERNAME)
    await dialog.getByTestId('person-family').fill(FAMILY)
    await dialog.getByTestId('person-given').fill(GIVEN)
    assert.ok(await dialog.getByTestId('dialog-save').isDisabled(), 'no role yet: nothing to save')
    await dialog.getByText(DISPATCHER, { exact: true }).click()
    await screenshot(page, 'console-staff-invite')
    await dialog.getByTestId('dialog-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-message--success').getByText('已保存').waitFor()
    // the account was created: its one-time password is shown this once, to hand over
    const created = page.getByRole('dialog', { name: '账号已创建' })
    const passwords = created.getByTestId('one-time-passwords')
    await passwords.getByText(NAME).waitFor()
    await passwords.getByText(USERNAME, { exact: true }).waitFor()
    const oneTimePassword = ((await created.getByTestId('one-time-password').textContent()) ?? '').trim()
    assert.match(oneTimePassword, /^[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}-[a-zA-Z2-9]{4}$/)
    await screenshot(page, 'console-staff-one-time-password')
    await created.getByTestId('one-time-passwords-done').click()
    await created.waitFor({ state: 'hidden' })
    await row.waitFor()
    assert.deepEqual(await roleTags(row), [DISPATCHER])
    assert.doesNotMatch((await table.textContent()) ?? '', ROLE_CODES, 'role names, never codes')
    assert.ok(!((await table.textContent()) ?? '').includes(USERNAME), 'by name, not username')
    await screenshot(page, 'console-staff-invited')

    // the account exists: still listed after a reload, and made at the identity provider under that
    // username, named family name first, with the password to be set at first sign-in
    await page.reload()
    await row.waitFor()
    assert.deepEqual(await roleTags(row), [DISPATCHER])
    const [account, ...more] = await accounts(USERNAME)
    assert.equal(more.length, 0)
    assert.ok(account?.enabled, `account ${USERNAME} enabled`)
    assert.equal(account.lastName, FAMILY)
    assert.equal(account.firstName, GIVEN)
    assert.ok(account.requiredActions?.includes('UPDATE_PASSWORD'), 'sets a password at first sign-in')

    // the invited dispatcher signs in with it, chooses their own password and reaches the township's duty desk
    const person = await openPage(browser, DESKTOP)
    await person.goto(`/t/${TENANT}/console`)
    await firstSignIn(person, USERNAME, oneTimePassword, `chosen-${USERNAME}`)
    await person.waitForURL((url) => url.pathname.startsWith(`/t/${TENANT}/console`))
    const menu = person.locator('.console .el-menu')
    await menu.getByText('值守台', { exact: true }).waitFor()
    assert.equal(await menu.getByText('工作人员', { exact: true }).count(), 0, 'a dispatcher, not an admin')
    await screenshot(person, 'console-staff-first-sign-in')
    assert.equal((await accounts(USERNAME))[0]?.requiredActions?.includes('UPDATE_PASSWORD'), false)
    await person.context().close()

    // roles changed: handler added
    await row.getByRole('button', { name: '调整角色' }).click()
    const roles = page.getByRole('dialog', { name: `调整 ${NAME} 的角色` })
    await roles.getByText(HANDLER, { exact: true }).click()
    await roles.getByTestId('dialog-save').click()
    await roles.waitFor({ state: 'hidden' })
    await row.getByText(HANDLER, { exact: true }).waitFor()
    assert.deepEqual(await roleTags(row), [DISPATCHER, HANDLER])
    await screenshot(page, 'console-staff-roles')

    // the last admin: taking their admin role is refused above the form, and nothing changes …
    await adminRow.getByRole('button', { name: '调整角色' }).click()
    const adminRoles = page.getByRole('dialog', { name: `调整 ${ADMIN_NAME} 的角色` })
    await adminRoles.getByText(DISPATCHER, { exact: true }).click()
    await adminRoles.getByText(TENANT_ADMIN, { exact: true }).click()
    await adminRoles.getByTestId('dialog-save').click()
    await adminRoles.locator('.el-alert--error').getByText(LAST_ADMIN).waitFor()
    await screenshot(page, 'console-staff-last-admin-roles')
    await adminRoles.getByRole('button', { name: '取消' }).click()
    await adminRoles.waitFor({ state: 'hidden' })
    // … and removing them is refused with the same message
    await adminRow.getByRole('button', { name: '移除' }).click()
    await page.locator('.el-message-box').getByText(`移除工作人员 ${ADMIN_NAME}？`).waitFor()
    await confirmBox(page)
    await page.locator('.el-message--error').getByText(LAST_ADMIN).waitFor()
    await screenshot(page, 'console-staff-last-admin')
    await page.reload()
    await adminRow.waitFor()
    assert.deepEqual(await roleTags(adminRow), [TENANT_ADMIN])
    // the API answers 409 to both
    const token = await userToken(`${TENANT}-admin`)
    await assert.rejects(call(token, 'DELETE', `/api/t/${TENANT}/members/${SUBJECTS.gongchengAdmin}`), /: 409 /)
    await assert.rejects(
      call(token, 'PUT', `/api/t/${TENANT}/members/${SUBJECTS.gongchengAdmin}/roles`, { roles: ['dispatcher'] }),
      /: 409 /,
    )

    // the invited person removed: their row is gone, also after a reload
    await row.getByRole('button', { name: '移除' }).click()
    await page.locator('.el-message-box').getByText(`移除工作人员 ${NAME}？`).waitFor()
    await confirmBox(page)
    await row.waitFor({ state: 'detached' })
    await page.reload()
    await adminRow.waitFor()
    assert.equal(await row.count(), 0, `${NAME} removed`)
    await screenshot(page, 'console-staff')
  })
  await page.context().close()
})

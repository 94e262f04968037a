// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { DESKTOP, callApi, launch, openPage, screenshot, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

test('the admin adds a department and a routing rule to it, and the resolve box proposes it', async () => {
  const run = Date.now()
  const page = await openPage(browser, DESKTOP)
  await page.goto('/t/ningxiang/console/reportSettings')
  await signIn(page, 'ningxiang-admin', 'fengxing')
  // A category of this run's own, so no earlier rule covers it.
  const category = `测试分类${run}`
  await callApi(page, 'POST', '/api/t/ningxiang/report-settings/categories', {
    code: `e2e-${run}`,
    nameZh: category,
    nameEn: `Test ${run}`,
  })
  await page.reload()
  // categories by their name in the page's language, the other language beside it, codes only in the form
  const categoryRow = page.getByRole('row', { name: new RegExp(category) })
  await categoryRow.getByTestId('category-name').getByText(category, { exact: true }).waitFor()
  await categoryRow.getByText(`Test ${run}`, { exact: true }).waitFor()
  assert.equal(await page.getByRole('cell', { name: `e2e-${run}` }).count(), 0, 'no code column')
  assert.equal(await page.getByRole('columnheader', { name: '英文名' }).count(), 0, 'no English-name column')
  await categoryRow.scrollIntoViewIfNeeded()
  await screenshot(page, 'console-report-categories')

  const department = `测试部门${run}`
  await page.getByRole('tab', { name: '部门' }).click()
  await page.getByTestId('department-create').click()
  let dialog = page.getByRole('dialog', { name: '新建部门' })
  await dialog.getByTestId('department-code').fill(`e2e-${run}`)
  await dialog.getByTestId('department-name').fill(department)
  await dialog.getByRole('button', { name: '添加联系人' }).click()
  await dialog.getByPlaceholder('姓名').fill('王值班')
  await dialog.getByPlaceholder('电话').fill('0358-1234567')
  await dialog.getByTestId('dialog-save').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByRole('cell', { name: department }).waitFor()
  assert.equal(await page.getByRole('cell', { name: `e2e-${run}`, exact: true }).count(), 0, 'no code column')

  await page.getByRole('tab', { name: '分派规则' }).click()
  await page.getByTestId('rule-create').click()
  dialog = page.getByRole('dialog', { name: '新建规则' })
  await dialog.getByTestId('rule-category').click()
  await page.getByRole('option', { name: category }).click()
  await dialog.getByText('部门级', { exact: true }).click()
  await dialog.getByText('部门', { exact: true }).click()
  await dialog.getByTestId('rule-department').click()
  await page.getByRole('option', { name: department }).click()
  await dialog.getByTestId('dialog-save').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByTestId('rule-table').getByText(category).waitFor()

  const box = page.getByTestId('resolve-box')
  await box.getByTestId('resolve-category').click()
  await page.getByRole('option', { name: category }).click()
  await box.getByRole('button', { name: '查询' }).click()
  await box.getByTestId('resolve-result').getByText(`分派给：${department}（部门级）`).waitFor()
  await box.getByText('王值班 0358-1234567').waitFor()
  await box.getByText('匹配方式：分类）').waitFor()
  await screenshot(page, 'console-routing-resolve')
  await page.context().close()
})

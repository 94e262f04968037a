// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { BASE_URL, DESKTOP, PHONE, issuer, launch, openPage, screenshot, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** @param {import('playwright-core').Page} page */
async function expectLanding(page) {
  await page.waitForURL((url) => url.origin === BASE_URL && url.pathname === '/')
  await page.getByRole('button', { name: '登录' }).waitFor()
}

test('the ningxiang admin signs in on the console and sees the tenant admin sections', async () => {
  const page = await openPage(browser, DESKTOP)
  await page.goto('/t/ningxiang/console')
  await signIn(page, 'ningxiang-admin', 'fengxing')
  assert.equal(new URL(page.url()).pathname, '/t/ningxiang/console')

  const menu = page.getByRole('navigation', { name: '功能菜单' }).getByRole('menuitem')
  await menu.first().waitFor()
  assert.equal((await page.getByTestId('tenant-name').textContent())?.trim(), '宁乡镇')
  assert.deepEqual(
    (await menu.allTextContents()).map((text) => text.trim()),
    ['概览', '值守台', '数据', '扫码核验', '网格', '骑手', '驿站', '友好小区与通行证', '商家', '爱心积分', '活动', '意见建议', '关爱服务', '捎带手', '随手拍设置', '工作人员', '审计日志',
      '品牌与地图'],
  )
  assert.equal(await page.title(), '概览 · 宁乡镇')
  await page.getByText('你的角色：').waitFor()
  await page.locator('path.fx-feature').first().waitFor() // the township's grids, drawn on its map
  await screenshot(page, 'console-tenant-admin')

  await page.getByRole('button', { name: '退出登录' }).click()
  await expectLanding(page)
  await screenshot(page, 'console-signed-out')
  await page.context().close()
})

test('the rider signs in on ningxiang and sees the rider home, without console sections', async () => {
  const page = await openPage(browser, PHONE)
  await page.goto('/t/ningxiang')
  await signIn(page, 'rider', 'fengxing')
  assert.equal(new URL(page.url()).pathname, '/t/ningxiang')

  const tabs = page.getByRole('navigation', { name: '骑手端导航' }).getByRole('tab')
  await tabs.first().waitFor()
  assert.deepEqual((await tabs.allTextContents()).map((text) => text.trim()), ['首页', '地图', '我的'])
  assert.equal((await page.getByTestId('tenant-name').textContent())?.trim(), '宁乡镇')
  await page.getByText('随手拍').waitFor()
  assert.equal(await page.getByRole('navigation', { name: '功能菜单' }).count(), 0)
  assert.equal(await page.getByText('进入管理后台').count(), 0)
  await screenshot(page, 'rider-home')

  // a second tab reuses the session: the rider home, without a trip through the provider's login page
  const provider = new URL(await issuer()).origin
  const tab = await page.context().newPage()
  /** @type {string[]} */
  const visited = []
  tab.on('framenavigated', (frame) => {
    if (frame === tab.mainFrame()) visited.push(frame.url())
  })
  await tab.goto('/t/ningxiang')
  await tab.getByTestId('snap-report').waitFor()
  assert.deepEqual(visited.filter((url) => new URL(url).origin === provider), [])
  assert.equal(new URL(tab.url()).pathname, '/t/ningxiang')
  await tab.close()

  await tabs.filter({ hasText: '我的' }).click()
  await page.getByRole('button', { name: '退出登录' }).click()
  await expectLanding(page)
  await screenshot(page, 'rider-signed-out')
  await page.context().close()
})

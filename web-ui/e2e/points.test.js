// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, call, ensureActiveRider, userToken } from './api.js'
import { DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'
import { cameraPhoto, settled } from './reporting.js'

/**
 * 爱心存折 in 北大街: the demo rider's report is accepted by the duty desk and earns them points, they redeem a reward
 * collected at 青年路社区微网格员之家 (h01), and its keeper hands it over by the code on the scan page. Balances and
 * stock are compared before and after, so the test runs again on the same data.
 */

/** A cheap phone held in one hand. @type {import('playwright-core').BrowserContextOptions} */
const SMALL_PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
const T = '/api/t/beidajie'
const REWARD = '矿泉水一箱'

/** @type {import('playwright-core').Browser} */
let browser
/** The report rule as the demo has it, put back after the test. @type {any} */
let reportRule

/**
 * The number in a text ("剩余 12 件" → 12).
 * @param {import('playwright-core').Locator} locator
 */
async function numberIn(locator) {
  return Number(/-?\d+/.exec((await locator.textContent()) ?? '')?.[0])
}

before(async () => {
  browser = await launch()
  await ensureActiveRider('beidajie', 'beidajie-admin')
  const admin = await userToken('beidajie-admin')
  // the report's points count however often the test ran today: no caps on 上报隐患 while it runs
  const rules = await call(admin, 'GET', `${T}/points/rules`)
  reportRule = rules.find((/** @type {any} */ r) => r.action === 'report_accepted')
  await call(admin, 'PUT', `${T}/points/rules`, { action: 'report_accepted', points: reportRule.points, needsApproval: false, active: true })
  // enough of the reward left, and enough points for it once the report's are in
  const rewards = await call(admin, 'GET', `${T}/points/rewards?all=true&size=100`)
  const water = rewards.items.find((/** @type {any} */ r) => r.name === REWARD)
  if (water.stock < 1 || !water.active) {
    await call(admin, 'PUT', `${T}/points/rewards/${water.id}`, { code: water.code, name: water.name, description: water.description, cost: water.cost, stock: 40, station: 'h01', collectDays: water.collectDays, active: true })
  }
  const me = await call(await userToken('rider'), 'GET', `${T}/points/me`)
  if (me.balance + reportRule.points < water.cost) {
    const { id } = await call(await userToken('rider'), 'GET', `${T}/riders/registration`)
    await call(admin, 'POST', `${T}/points/corrections`, { riderId: id, points: water.cost, reason: '测试补记积分', requestId: `e2e-${RUN}` })
  }
})

after(async () => {
  if (reportRule?.configured) {
    const { action, points, dailyCap, monthlyCap, needsApproval, active } = reportRule
    await call(await userToken('beidajie-admin'), 'PUT', `${T}/points/rules`, { action, points, dailyCap, monthlyCap, needsApproval, active })
  }
  await browser?.close()
})

test('a rider earns points for an accepted report, redeems a reward and the station keeper hands it over by its code', async () => {
  const page = await openPage(browser, SMALL_PHONE)
  /** @type {string} */
  let code = ''
  let balance = 0
  let stock = 0
  let cost = 0
  await screenshotOnFailure(page, 'points-rider', async () => {
    await page.goto('/t/beidajie')
    await signIn(page, 'rider', 'fengxing')
    await page.getByText('爱心积分', { exact: true }).click()
    await page.waitForURL(/\/t\/beidajie\/points$/)
    const balanceText = page.getByTestId('points-balance')
    await balanceText.waitFor()
    balance = await numberIn(balanceText)
    await page.getByTestId('points-rules').getByText('上报隐患').waitFor()

    // the rider files a report in 青年路社区, and the duty desk sends it to 城管执法队: accepted
    const form = new FormData()
    form.set('category', 'road-damage')
    form.set('description', `青年路人行道砖松动，骑车容易绊倒 ${RUN}`)
    form.set('lon', '113.5622')
    form.set('lat', '37.8665')
    form.append('photos', new Blob([new Uint8Array(await cameraPhoto(page))], { type: 'image/jpeg' }), 'scene.jpg')
    const report = await call(await userToken('rider'), 'POST', `${T}/reports`, form)
    await call(await userToken('beidajie-admin'), 'POST', `${T}/dispatch/reports/${report.id}/dispatch`, {
      kind: 'department',
      department: 'urban-management',
      note: '请城管队处理',
    })

    // the points come with the next pass (every 2 s here)
    const earned = balance + reportRule.points
    for (let i = 0; i < 30 && (await numberIn(balanceText)) !== earned; i++) {
      await page.waitForTimeout(2000)
      await page.reload()
      await balanceText.waitFor()
    }
    assert.equal(await numberIn(balanceText), earned, 'the report earned the rule’s points')
    balance = earned
    await screenshot(page, 'points-book')

    await page.getByTestId('points-link-history').click()
    const newest = page.getByTestId('points-entry').first()
    await newest.getByText('上报隐患').waitFor()
    assert.match((await newest.textContent()) ?? '', new RegExp(`\\+${reportRule.points}.*余额 ${earned}`))
    await screenshot(page, 'points-history')

    await page.getByTestId('points-back').click()
    await page.getByTestId('points-link-leaderboard').click()
    await page.getByTestId('leaderboard-row').first().waitFor()
    await screenshot(page, 'points-leaderboard')
    await page.getByRole('tab', { name: '我的小分队' }).click()
    await page.getByTestId('leaderboard-row').getByText('我', { exact: true }).waitFor()
    await screenshot(page, 'points-leaderboard-squad')

    // the rider redeems the water, collected at h01
    await page.getByTestId('points-back').click()
    await page.getByTestId('points-link-rewards').click()
    await page.getByTestId('rewards-balance').getByText(`可用积分 ${balance}`).waitFor()
    const card = page.getByTestId('reward').filter({ hasText: REWARD })
    stock = await numberIn(card.getByTestId('reward-stock'))
    cost = await numberIn(card.locator('.cost'))
    await screenshot(page, 'points-rewards')
    await card.getByTestId('reward-redeem').click()
    const dialog = page.locator('.van-dialog')
    await dialog.getByText(`用 ${cost} 积分兑换「${REWARD}」`).waitFor()
    await settled(page)
    await screenshot(page, 'points-redeem-confirm')
    await dialog.getByRole('button', { name: '兑换' }).click()
    await page.waitForURL(/\/points\/redemptions$/)
    const mine = page.getByTestId('redemption').first()
    await mine.getByText(REWARD).waitFor()
    assert.equal(await mine.getAttribute('data-status'), 'reserved')
    code = ((await mine.getByTestId('redemption-code').textContent()) ?? '').trim()
    assert.match(code, /^[A-Z2-9]{8}$/)
    await mine.getByText('青年路社区微网格员之家').waitFor()
    await mine.getByRole('img', { name: `「${REWARD}」的兑换码二维码` }).locator('svg').waitFor()
    await page.locator('.van-toast').waitFor({ state: 'hidden' })
    await screenshot(page, 'points-redemption')
  })

  // the keeper of h01 types the code on the scan page: handed over, with the reward and the rider
  const keeper = await openPage(browser, SMALL_PHONE)
  await screenshotOnFailure(keeper, 'points-keeper', async () => {
    await keeper.goto('/t/beidajie/scan')
    await signIn(keeper, 'ningxiang-keeper', 'fengxing')
    await keeper.getByPlaceholder('输入或粘贴码').fill(code.toLowerCase())
    await keeper.getByRole('button', { name: '确认' }).click()
    const result = keeper.getByTestId('scan-result')
    await result.getByText('礼品已交付').waitFor()
    await result.getByText(REWARD, { exact: false }).waitFor()
    assert.match((await result.textContent()) ?? '', /郑小龙 · \d{3}\*{4}\d{4}/, 'the rider, with the phone masked')
    await screenshot(keeper, 'points-scan-handover')

    // the same code again: refused with the reason
    await keeper.getByPlaceholder('输入或粘贴码').fill(code)
    await keeper.getByRole('button', { name: '确认' }).click()
    await keeper.getByTestId('scan-result').and(keeper.getByRole('alert')).waitFor()
    await screenshot(keeper, 'points-scan-refused')
  })
  await keeper.context().close()

  // the rider sees it collected, the points spent and one fewer left
  await screenshotOnFailure(page, 'points-rider-after', async () => {
    await page.reload()
    await page.getByTestId('redemption').first().and(page.locator('[data-status="handed_over"]')).waitFor()
    await page.getByTestId('redemption').first().getByText('已领取').first().waitFor()
    await screenshot(page, 'points-redemption-collected')
    await page.getByTestId('points-back').click()
    await page.getByTestId('points-balance').getByText(String(balance - cost), { exact: true }).waitFor()
    await page.getByTestId('points-link-rewards').click()
    const card = page.getByTestId('reward').filter({ hasText: REWARD })
    await card.getByTestId('reward-stock').getByText(`剩余 ${stock - 1} 件`).waitFor()
  })
  await page.context().close()
})

test('the admin keeps the rules, approvals, awards, rewards, redemptions and the ledger in the console', async () => {
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'points-console', async () => {
    await page.goto('/t/beidajie/console/points')
    await signIn(page, 'beidajie-admin', 'fengxing')
    await page.getByRole('heading', { name: '爱心积分' }).waitFor()
    await page.getByTestId('points-rules').getByText('志愿服务').waitFor()
    await screenshot(page, 'console-points-rules')
    for (const [tab, name] of [
      ['待审核', 'claims'],
      ['发放积分', 'award'],
      ['礼品与库存', 'rewards'],
      ['兑换记录', 'redemptions'],
      ['积分流水', 'ledger'],
    ]) {
      await page.getByRole('tab', { name: tab }).click()
      await page.waitForTimeout(800)
      await screenshot(page, `console-points-${name}`)
    }
    await page.getByTestId('ledger-table').getByText('郑小龙').first().waitFor()
    await page.getByRole('tab', { name: '礼品与库存' }).click()
    await page.getByTestId('rewards-table').getByText(REWARD).waitFor()
  })
  await page.context().close()
})

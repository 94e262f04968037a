// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, SUBJECTS, call, ensureActiveRider, operatorToken, userToken } from './api.js'
import { DESKTOP, PHONE, approveRider, launch, openPage, registerRider, screenshot, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** Where the test township lies and where the rider stands. */
const CENTRE = { longitude: 112.5, latitude: 36.5 }

/**
 * A fresh township (the demo `rider` is no member there yet) with ningxiang-admin as its admin and
 * three stations at about 180 m, 900 m and 2.7 km east of the rider.
 * @param {string} [suffix] tells townships of one run apart
 * @param {object[]} [riders] its imported roster
 * @returns {Promise<string>} its code
 */
async function freshTownship(suffix = '', riders = []) {
  const code = `e2e-${RUN.toString(36)}${suffix}`
  const station = (/** @type {string} */ id, /** @type {string} */ name, /** @type {number} */ east) => ({
    code: id,
    name,
    kind: 'station',
    grade: 'A',
    community: 'c1',
    lon: CENTRE.longitude + east,
    lat: CENTRE.latitude,
    address: `${name}路 1 号`,
    capacity: 10,
    amenities: ['water', 'phone_charging'],
    hours: { open24h: true },
  })
  await call(await operatorToken(), 'PUT', `/api/platform/tenants/${code}`, {
    code,
    name: '测试镇',
    region: ['测试省', '测试市'],
    timeZone: 'Asia/Shanghai',
    settings: { map: { center: [CENTRE.longitude, CENTRE.latitude], zoom: 15 } },
    members: [{ subject: SUBJECTS.ningxiangAdmin, name: '管理员', roles: ['tenant_admin'] }],
    communities: [{ code: 'c1', name: '一社区' }],
    stations: [station('s1', '最近驿站', 0.002), station('s2', '中间驿站', 0.01), station('s3', '最远驿站', 0.03)],
    riders,
  })
  return code
}

test('a rider registers, the admin approves, and the rider sees the nearest stations', async () => {
  const tenant = await freshTownship()
  const phone = `139${String(RUN % 1e8).padStart(8, '0')}`

  const rider = await openPage(browser, {
    ...PHONE,
    geolocation: CENTRE,
    permissions: ['geolocation'],
  })
  await rider.goto(`/t/${tenant}`)
  await signIn(rider, 'rider', 'fengxing')
  await registerRider(rider, { name: '测试骑手', phone, depot: '城区站' })
  await screenshot(rider, 'rider-registration-pending')

  const admin = await openPage(browser, DESKTOP)
  await admin.goto(`/t/${tenant}/console/riders`)
  await signIn(admin, 'ningxiang-admin', 'fengxing')
  const row = await approveRider(admin, '测试骑手')
  assert.match((await row.textContent()) ?? '', /139\*{4}\d{4}/) // masked
  await screenshot(admin, 'console-riders')
  await admin.context().close()

  await rider.getByRole('button', { name: '刷新状态' }).click()
  await rider.getByText('驿站', { exact: true }).click()
  await rider.getByText('按手机定位排序').waitFor()
  const stations = rider.getByTestId('nearby-station')
  await stations.nth(2).waitFor()
  const texts = (await stations.allTextContents()).map((text) => text.replace(/\s+/g, ' '))
  assert.match(texts[0] ?? '', /最近驿站.*营业中.*饮用水.*[12]\d0 米/)
  assert.match(texts[1] ?? '', /中间驿站.*[89]\d0 米/)
  assert.match(texts[2] ?? '', /最远驿站.*2\.\d 公里/)
  await screenshot(rider, 'rider-nearest-stations')

  await stations.first().click()
  await rider.getByTestId('station-sheet').getByText('24 小时开放').waitFor()
  await rider.context().close()
})

test('an imported rider is bound only with the binding code the admin hands out', async () => {
  const phone = `137${String(RUN % 1e8).padStart(8, '0')}`
  const tenant = await freshTownship('-b', [{ name: '王名册', phone, platform: 'meituan', depot: '城区站' }])

  const admin = await openPage(browser, DESKTOP)
  await admin.goto(`/t/${tenant}/console/riders`)
  await signIn(admin, 'ningxiang-admin', 'fengxing')
  const row = admin.getByTestId('riders-table').locator('tr', { hasText: '王名册' })
  await row.getByText('尚未登录').waitFor()
  await row.getByTestId('rider-binding-code').click()
  await admin.getByTestId('binding-issue').click()
  const code = ((await admin.getByTestId('binding-code').textContent()) ?? '').trim()
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  await screenshot(admin, 'console-rider-binding-code')
  await admin.context().close()

  // a cheap phone's screen
  const rider = await openPage(browser, {
    ...PHONE,
    viewport: { width: 360, height: 740 },
    geolocation: CENTRE,
    permissions: ['geolocation'],
  })
  await rider.goto(`/t/${tenant}`)
  await signIn(rider, 'rider', 'fengxing')
  await rider.getByLabel('姓名').fill('王名册')
  await rider.getByLabel('手机号').fill(phone)
  await rider.getByLabel('配送平台').click()
  await rider.locator('.van-picker-column__item', { hasText: '美团' }).click()
  await rider.locator('.van-picker__confirm').click()
  // a wrong code is refused on its field, and nothing is registered
  await rider.getByLabel('绑定码').fill('AAAA-AAAA')
  await rider.getByRole('button', { name: '提交注册' }).click()
  await rider.getByText('绑定码不对').first().waitFor()
  await rider.getByLabel('绑定码').fill(code.toLowerCase())
  await screenshot(rider, 'rider-registration-binding-code')
  await rider.getByRole('button', { name: '提交注册' }).click()
  // bound at once: the rider area opens without waiting for approval
  await rider.getByText('驿站', { exact: true }).waitFor()
  await rider.context().close()
})

test('a merchant confirms a rider discount by the rider code', async () => {
  const admin = await userToken('ningxiang-admin')
  const merchant = /** @type {{ id: number, name: string }} */ (
    await call(admin, 'POST', '/api/t/ningxiang/merchants', {
      code: `e2e-${RUN}`,
      name: `测试面馆${RUN % 10000}`,
      category: 'food',
      lon: 111.19,
      lat: 37.36,
      discount: '骑手凭码9折',
      keeper: SUBJECTS.ningxiangKeeper,
    })
  )
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
  const { code } = /** @type {{ code: string }} */ (
    await call(await userToken('rider'), 'GET', '/api/t/ningxiang/rider/code')
  )

  const page = await openPage(browser, PHONE)
  await page.goto('/t/ningxiang/scan')
  await signIn(page, 'ningxiang-keeper', 'fengxing')
  await page.getByText(merchant.name).click()
  const today = page.getByTestId('today-count')
  await today.getByText(/今日优惠 \d+ 次/).waitFor()
  const before = Number(/\d+/.exec((await today.textContent()) ?? '')?.[0])

  await page.getByPlaceholder('输入或粘贴码').fill(code)
  await page.getByRole('button', { name: '确认' }).click()
  const result = page.getByTestId('scan-result')
  try {
    // generous on a loaded machine: the keeper's sign-in and the scan share two cores with the stack
    await result.waitFor({ timeout: 60_000 })
  } finally {
    await screenshot(page, 'merchant-discount')
  }
  assert.match((await result.textContent()) ?? '', /已记录.*\d{3}\*{4}\d{4}/)
  await today.getByText(`今日优惠 ${before + 1} 次`).waitFor()
  await screenshot(page, 'merchant-discount')
  await page.context().close()
})

test('the admin imports a rider roster: a bad row first imports nothing, then three riders', async () => {
  const stamp = String(RUN % 1e8).padStart(8, '0')
  const phones = [0, 1, 2].map((i) => `137${String((RUN + i) % 1e8).padStart(8, '0')}`)
  const csv = (/** @type {string} */ secondPhone) =>
    Buffer.from(
      ['姓名,手机号,平台,站点', `导入甲${stamp},${phones[0]},meituan,导入站`, `导入乙${stamp},${secondPhone},eleme,导入站`, `导入丙${stamp},${phones[2]},sf,导入站`].join('\n'),
    )

  const page = await openPage(browser, DESKTOP)
  await page.goto('/t/ningxiang/console/riders')
  await signIn(page, 'ningxiang-admin', 'fengxing')
  await page.getByRole('button', { name: '导入名册' }).click()
  const dialog = page.getByRole('dialog', { name: '导入名册' })
  const input = dialog.locator('input[type=file]')

  await input.setInputFiles({ name: 'riders.csv', mimeType: 'text/csv', buffer: csv('12345') })
  await dialog.getByRole('button', { name: '导入', exact: true }).click()
  const errors = dialog.getByTestId('import-errors')
  await errors.locator('tr', { hasText: '手机号' }).getByText('12345').waitFor()
  await screenshot(page, 'rider-import-errors')

  await input.setInputFiles({ name: 'riders.csv', mimeType: 'text/csv', buffer: csv(phones[1] ?? '') })
  await dialog.getByRole('button', { name: '导入', exact: true }).click()
  await dialog.getByTestId('import-result').getByText('新增 3').waitFor()
  await dialog.getByRole('button', { name: '取消' }).click()

  await page.getByPlaceholder('按姓名搜索').fill(stamp)
  await page.getByRole('button', { name: '查询' }).click()
  const rows = page.getByTestId('riders-table').locator('tbody tr')
  await rows.filter({ hasNotText: stamp }).first().waitFor({ state: 'detached' })
  await rows.nth(2).waitFor()
  assert.equal(await rows.count(), 3)
  await screenshot(page, 'rider-import')
  await page.context().close()
})

// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { DESKTOP, launch, openPage, screenshot, signIn } from './harness.js'

/** @typedef {import('playwright-core').Page} Page */

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** @param {string} hex #rrggbb @returns {string} as getComputedStyle gives it */
function rgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16)
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`
}

/** The console header's brand bar, in the township's primary colour. @param {Page} page */
function headerColor(page) {
  return page.locator('a.brand').evaluate((element) => getComputedStyle(element).backgroundColor)
}

/** The primary colour as text (next to the colour picker). @param {Page} page */
function colorInput(page) {
  return page.getByRole('textbox', { name: '主题色（#rrggbb）' })
}

/** @param {Page} page @param {string} color */
async function saveColor(page, color) {
  await colorInput(page).fill(color)
  await page.getByRole('button', { name: '保存', exact: true }).click()
  await page.getByText('品牌与地图设置已保存').last().waitFor()
}

test('the ningxiang admin changes the primary colour and the console header takes it at once', async () => {
  const page = await openPage(browser, DESKTOP)
  await page.goto('/t/ningxiang/console/branding')
  await signIn(page, 'ningxiang-admin', 'fengxing')
  await page.getByRole('heading', { name: '品牌与地图' }).waitFor()
  const input = colorInput(page)
  await input.waitFor()
  const original = (await input.inputValue()).toLowerCase()
  assert.match(original, /^#[0-9a-f]{6}$/)
  assert.equal(await headerColor(page), rgb(original))
  const changed = original === '#0b7a75' ? '#5e35b1' : '#0b7a75'

  try {
    await saveColor(page, changed)
    assert.equal(await headerColor(page), rgb(changed))
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'console-branding')

    // stored: a fresh load of the console shows it too
    await page.reload()
    await colorInput(page).waitFor()
    assert.equal(await headerColor(page), rgb(changed))
  } finally {
    await saveColor(page, original)
  }
  assert.equal(await headerColor(page), rgb(original))
  await page.context().close()
})

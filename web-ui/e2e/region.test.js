// @ts-check
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, test } from 'node:test'
import { DESKTOP, PHONE, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/**
 * The comparison table's township names and one figure's values (as shown, e.g. "98.1%"), in the table's order.
 * @param {import('playwright-core').Page} page
 * @param {string} figure the figure's key
 */
async function rowsBy(page, figure) {
  const rows = page.getByTestId('comparison-table').locator('.el-table__body tr')
  return rows.evaluateAll(
    (trs, figure) =>
      trs.map((tr) => ({
        name: tr.querySelector('.township')?.textContent?.trim() ?? '',
        value: tr.querySelector(`[data-figure="${figure}"] .value`)?.textContent?.trim() ?? '',
      })),
    figure,
  )
}

test('the provincial viewer compares the townships of 山西省: sorted, trends, ranking, map and the XLSX', async () => {
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'region', async () => {
    await page.goto('/region')
    await signIn(page, 'shanxi-viewer', 'fengxing')
    // lands on the region of the grant, the current year, with the data's time
    await page.getByTestId('region-name').getByText('山西省').waitFor()
    await page.getByTestId('data-as-of').getByText(/^数据截至 \S+/).waitFor()
    const table = page.getByTestId('comparison-table')
    await table.locator('.township', { hasText: '宁乡镇' }).waitFor()
    await table.locator('.township', { hasText: '北大街街道' }).waitFor()
    assert.equal(await table.getByText('ningxiang').count(), 0, 'names, never codes')
    await table.getByText('山西省（全区域）').waitFor()
    await screenshot(page, 'region-table')

    // sort by closure rate: best first, townships without a value (no reports) last; going up, first
    const header = table.locator('th', { hasText: '办结率' }).first()
    await header.locator('.sort-caret.descending').click()
    await table.locator('th.descending', { hasText: '办结率' }).waitFor()
    const down = (await rowsBy(page, 'reports.closureRate')).map((r) => r.value)
    const rates = down.filter((v) => v !== '—').map((v) => Number.parseFloat(v))
    assert.ok(rates.length >= 1, `closure rates shown: ${down}`)
    assert.deepEqual(rates, [...rates].sort((a, b) => b - a), 'highest closure rate first')
    assert.ok(down.slice(rates.length).every((v) => v === '—'), `no value last: ${down}`)
    await header.locator('.sort-caret.ascending').click()
    await table.locator('th.ascending', { hasText: '办结率' }).waitFor()
    const up = (await rowsBy(page, 'reports.closureRate')).map((r) => r.value)
    assert.deepEqual(up, [...down].reverse(), 'going up: the reverse')
    await screenshot(page, 'region-sorted')

    // compare 宁乡镇 and 北大街街道: tick both, their trends
    for (const name of ['宁乡镇', '北大街街道']) {
      await table.locator('.el-table__body tr', { hasText: name }).locator('.el-checkbox').click()
    }
    await page.getByRole('tab', { name: '趋势' }).click()
    const trend = page.getByTestId('trend')
    await trend.getByText('显示表中勾选的乡镇/街道和全区域。').waitFor()
    await trend.locator('svg text', { hasText: '宁乡镇' }).first().waitFor()
    await trend.locator('svg text', { hasText: '北大街街道' }).first().waitFor()
    await screenshot(page, 'region-trend')

    await page.getByRole('tab', { name: '排名' }).click()
    await page.getByTestId('ranking').locator('svg text', { hasText: /^1\s+\S/ }).first().waitFor()
    await screenshot(page, 'region-ranking')

    await page.getByRole('tab', { name: '地图' }).click()
    await page.getByTestId('region-map').locator('path.fx-feature').first().waitFor()
    await page.getByTestId('region-map').getByText('较好').waitFor() // the legend
    await screenshot(page, 'region-map')

    // the table as shown, as a spreadsheet
    await page.getByRole('tab', { name: '对比表' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/)
    const bytes = await readFile(/** @type {string} */ (await download.path()))
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a zip archive')
    assert.ok(bytes.includes('xl/workbook.xml'), 'an Excel workbook')
  })
  await page.context().close()
})

test('the region view works on a phone-wide screen', async () => {
  const page = await openPage(browser, PHONE)
  await screenshotOnFailure(page, 'region-phone', async () => {
    await page.goto('/region')
    await signIn(page, 'shanxi-viewer', 'fengxing')
    await page.getByTestId('comparison-table').locator('.township', { hasText: '宁乡镇' }).waitFor()
    await screenshot(page, 'region-phone')
  })
  await page.context().close()
})

test("the ningxiang admin sees the township's rank in its county, city and province on 数据", async () => {
  const page = await openPage(browser, DESKTOP)
  await screenshotOnFailure(page, 'console-figures', async () => {
    await page.goto('/t/ningxiang/console/figures')
    await signIn(page, 'ningxiang-admin', 'fengxing')
    await page.getByTestId('figure-reports').waitFor()
    await page.getByTestId('breakdown-table').locator('.el-table__body tr').first().waitFor()
    await screenshot(page, 'console-figures-breakdown')

    await page.getByRole('tab', { name: '在区域中' }).click()
    const standing = page.getByTestId('standing-table')
    for (const level of ['中阳县', '吕梁市', '山西省']) await standing.locator('th', { hasText: level }).waitFor()
    await standing.getByText(/^第 \d+ \/ \d+$/).first().waitFor()
    await page.getByTestId('township-trend').locator('svg').first().waitFor()
    await screenshot(page, 'console-figures-standing')
  })
  await page.context().close()
})

// @ts-check
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { DESKTOP, callApi, launch, openPage, screenshot, signIn } from './harness.js'

/** @typedef {import('playwright-core').Page} Page */

/** @type {import('playwright-core').Browser} */
let browser
/** @type {string} */
let dir

before(async () => {
  browser = await launch()
  dir = await mkdtemp(join(tmpdir(), 'fengxing-e2e-'))
})

after(async () => {
  await browser?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/**
 * A square ring around (lon, lat), `size` degrees wide, closed unless told otherwise.
 * @param {number} lon @param {number} lat @param {number} size @param {boolean} [closed]
 */
function square(lon, lat, size, closed = true) {
  const ring = [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
  ]
  return [closed ? [...ring, [lon, lat]] : ring]
}

/** @param {string} name @param {unknown} content @returns {Promise<string>} the file's path */
async function geojsonFile(name, content) {
  const path = join(dir, name)
  await writeFile(path, JSON.stringify(content))
  return path
}

/** Opens 网格 as the ningxiang admin and waits until the township's grids are on the map. @returns {Promise<Page>} */
async function openGrids() {
  const page = await openPage(browser, DESKTOP)
  await page.goto('/t/ningxiang/console/grids')
  await signIn(page, 'ningxiang-admin', 'fengxing')
  await page.getByRole('heading', { name: '网格' }).waitFor()
  await shapes(page).first().waitFor()
  return page
}

/** @param {Page} page */
function shapes(page) {
  return page.getByTestId('grids-map').locator('path.fx-feature')
}

/** Deletes a grid from the list, confirming. @param {Page} page @param {string} code */
async function deleteRow(page, code) {
  await page.locator('tr', { has: page.getByTestId(`grid-row-${code}`) }).getByRole('button', { name: '删除', exact: true }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '删除', exact: true }).click()
  await page.locator('.el-message-box').waitFor({ state: 'hidden' })
}

/** @param {Page} page @param {string} file */
async function chooseImportFile(page, file) {
  await page.getByRole('button', { name: '导入 GeoJSON' }).click()
  const dialog = page.getByRole('dialog', { name: '导入网格边界（GeoJSON）' })
  await dialog.getByTestId('import-file').setInputFiles(file)
  return dialog
}

test('the ningxiang admin imports a grid with a micro-grid from GeoJSON and sees it in the list and on the map', async () => {
  const run = Date.now()
  const grid = `e2e-${run}`
  const micro = `e2e-${run}-m1`
  const file = await geojsonFile(`${grid}.geojson`, {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: grid, name: `测试网格 ${run}`, community: 'c01', type: 'business', households: 120 },
        geometry: { type: 'Polygon', coordinates: square(111.1776, 37.367, 0.004) },
      },
      {
        type: 'Feature',
        properties: { code: micro, name: `测试微网格 ${run}`, community: 'c01', parent: grid, type: 'business', households: 30 },
        geometry: { type: 'Polygon', coordinates: square(111.178, 37.3675, 0.0015) },
      },
    ],
  })

  const page = await openGrids()
  const before = await shapes(page).count()

  const dialog = await chooseImportFile(page, file)
  await dialog.getByTestId('import-preview').getByText('2 个要素，其中网格 1 个、微网格 1 个').waitFor()
  await dialog.getByRole('button', { name: '导入', exact: true }).click()
  const changes = dialog.getByTestId('import-changes')
  await changes.getByText('导入完成，共 2 处变更').waitFor()
  assert.deepEqual(
    (await changes.locator('li').allTextContents()).map((text) => text.trim()),
    [`+ grid ${grid}`, `+ grid ${micro}`],
  )
  await dialog.getByRole('button', { name: '关闭', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })

  // the new grid is selected in the list, its micro-grid under it, and both are drawn on the map
  const row = page.getByTestId(`grid-row-${grid}`)
  await row.waitFor()
  await page.getByTestId(`grid-row-${micro}`).waitFor()
  assert.match((await page.locator('tr.current-row').textContent()) ?? '', new RegExp(`测试网格 ${run}.*商圈.*120`))
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-testid="grids-map"] path.fx-feature').length === expected,
    before + 2,
  )
  const selected = page.getByTestId('grids-map').locator('path.fx-grid.fx-selected')
  await selected.waitFor()
  assert.equal(await page.getByTestId('grids-map').locator('path.fx-micro').count() >= 1, true)

  // hovering a shape tells its name and households
  const micros = page.getByTestId('grids-map').locator('path.fx-micro')
  await micros.last().hover()
  await page.locator('.leaflet-tooltip').getByText(`测试微网格 ${run} · 30 户`).waitFor()
  await page.mouse.move(0, 0)

  await screenshot(page, 'console-grids-import')

  // clean up through the list: a grid with micro-grids cannot go first (409, shown), then can
  await deleteRow(page, grid)
  await page.getByRole('alert').getByText('仍有微网格').waitFor()
  await deleteRow(page, micro)
  await page.getByTestId(`grid-row-${micro}`).waitFor({ state: 'detached' })
  await deleteRow(page, grid)
  await page.getByTestId(`grid-row-${grid}`).waitFor({ state: 'detached' })
  assert.equal(await shapes(page).count(), before)
  await page.context().close()
})

test('an import file with an unclosed polygon shows the feature error and imports nothing', async () => {
  const code = `e2e-open-${Date.now()}`
  const file = await geojsonFile(`${code}.geojson`, {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code, name: '未闭合的网格', community: 'c01', type: 'basic', households: 10 },
        geometry: { type: 'Polygon', coordinates: square(111.19, 37.37, 0.003, false) },
      },
    ],
  })

  const page = await openGrids()
  const before = await shapes(page).count()

  const dialog = await chooseImportFile(page, file)
  await dialog.getByTestId('import-preview').getByText('1 个要素').waitFor()
  await dialog.getByRole('button', { name: '导入', exact: true }).click()
  const errors = dialog.getByTestId('import-errors')
  await errors.waitFor()
  const error = errors.locator('tbody tr')
  assert.equal(await error.count(), 1)
  assert.match((await error.textContent()) ?? '', /features\[0\]\.geometry.*未闭合/)
  await errors.getByText('没有导入任何网格').waitFor()
  assert.equal(await dialog.getByTestId('import-changes').count(), 0)
  await screenshot(page, 'console-grids-import-error')

  await dialog.getByRole('button', { name: '关闭', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  assert.equal(await page.getByTestId(`grid-row-${code}`).count(), 0)
  assert.equal(await shapes(page).count(), before)
  await page.context().close()
})

test('the ningxiang admin draws a new grid on the map, renames it and deletes it', async () => {
  const code = `e2e-drawn-${Date.now()}`
  const page = await openGrids()
  const before = await shapes(page).count()

  await page.getByRole('button', { name: '新建网格', exact: true }).click()
  const drawer = page.getByRole('dialog', { name: '新建网格' })
  await drawer.getByText('在右侧地图上逐个点击边界的拐点').waitFor()
  await drawer.getByRole('combobox', { name: '所属社区' }).click()
  await page.getByRole('option', { name: '城北社区（c01）' }).click()
  await drawer.getByRole('textbox', { name: '代码' }).fill(code)
  await drawer.getByRole('textbox', { name: '名称' }).fill('手绘网格')
  await drawer.getByRole('spinbutton', { name: '户数' }).fill('88')

  // four corners on the map, then the first again to close the ring
  const map = await page.getByTestId('grids-map').boundingBox()
  assert.ok(map)
  const x = map.x + map.width - 260
  const y = map.y + 120
  for (const [dx, dy] of [[0, 0], [160, 0], [160, 120], [0, 120], [0, 0]]) {
    await page.mouse.click(x + dx, y + dy)
  }
  await drawer.getByText('拖动地图上的拐点可以修改边界').waitFor()
  await drawer.getByRole('button', { name: '保存', exact: true }).click()
  await drawer.waitFor({ state: 'hidden' })
  await page.getByTestId(`grid-row-${code}`).getByText('手绘网格').waitFor()
  assert.equal(await shapes(page).count(), before + 1)

  // edit: the stored boundary comes back for editing; rename and save
  await page.locator('tr', { has: page.getByTestId(`grid-row-${code}`) }).getByRole('button', { name: '编辑' }).click()
  const editor = page.getByRole('dialog', { name: '编辑“手绘网格”' })
  await editor.getByText('拖动地图上的拐点可以修改边界').waitFor()
  await editor.getByRole('textbox', { name: '名称' }).fill('手绘网格（改）')
  await editor.getByRole('button', { name: '保存', exact: true }).click()
  await editor.waitFor({ state: 'hidden' })
  await page.getByTestId(`grid-row-${code}`).getByText('手绘网格（改）').waitFor()

  await deleteRow(page, code)
  await page.getByTestId(`grid-row-${code}`).waitFor({ state: 'detached' })
  assert.equal(await shapes(page).count(), before)
  await page.context().close()
})

test('the ningxiang admin picks the grid workers of a grid by name', async () => {
  const code = `e2e-workers-${Date.now()}`
  const page = await openGrids()
  const communities = await callApi(page, 'GET', '/api/t/ningxiang/communities?size=200')
  const grid = await callApi(page, 'POST', '/api/t/ningxiang/grids', {
    code,
    name: '网格员测试网格',
    communityId: communities.items.find((/** @type {{ code: string }} */ c) => c.code === 'c01').id,
    type: 'basic',
    boundary: { type: 'Polygon', coordinates: square(111.21, 37.37, 0.002) },
  })
  await page.reload()
  const edit = () => page.locator('tr', { has: page.getByTestId(`grid-row-${code}`) }).getByRole('button', { name: '编辑' }).click()

  await edit()
  const editor = page.getByRole('dialog', { name: '编辑“网格员测试网格”' })
  await editor.getByTestId('grid-workers').click()
  await page.keyboard.type('网格员')
  await page.getByRole('option', { name: /宁乡镇网格员/ }).click()
  await editor.getByRole('button', { name: '保存', exact: true }).click()
  await editor.waitFor({ state: 'hidden' })
  const workers = await callApi(page, 'GET', `/api/t/ningxiang/grids/${grid.id}/workers`)
  assert.deepEqual(workers.map((/** @type {{ name: string }} */ w) => w.name), ['宁乡镇网格员'])

  // opened again, the worker shows by name
  await edit()
  await editor.getByTestId('grid-workers').getByText('宁乡镇网格员').waitFor()
  await editor.getByRole('button', { name: '取消', exact: true }).click()
  await editor.waitFor({ state: 'hidden' })
  await deleteRow(page, code)
  await page.getByTestId(`grid-row-${code}`).waitFor({ state: 'detached' })
  await page.context().close()
})

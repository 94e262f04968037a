// @ts-check
/**
 * The rider's report screen, step by step, shared by the browser tests that file reports through it.
 */
import { PHONE, openPage, signIn } from './harness.js'

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').Page} Page */

/** A phone whose GPS puts the rider in 城北社区's first grid, with the permission given. */
export const RIDER_PHONE = {
  ...PHONE,
  geolocation: { longitude: 111.179, latitude: 37.363 },
  permissions: ['geolocation'],
}

/**
 * A 2400 × 1800 camera-sized JPEG, drawn by the browser itself (no file or network needed).
 * @param {Page} page
 */
export async function cameraPhoto(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 2400
    canvas.height = 1800
    const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'))
    g.fillStyle = '#8a8f98'
    g.fillRect(0, 0, 2400, 1800)
    g.fillStyle = '#2b2b2b'
    g.beginPath()
    g.ellipse(1200, 900, 520, 300, 0, 0, Math.PI * 2)
    g.fill()
    return canvas.toDataURL('image/jpeg', 0.92).split(',')[1] ?? ''
  })
  return Buffer.from(base64, 'base64')
}

/**
 * Waits until transitions (dialogs, toasts) have finished, for a still screenshot. One cancelled on the way (the map
 * zooming while it loads, say) counts as finished.
 * @param {Page} page
 */
export async function settled(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))))
}

/**
 * Signs the rider in and opens the report screen from the home page's main action.
 * @param {Browser} browser
 * @param {object} [phone] the device, by default {@link RIDER_PHONE}
 * @returns {Promise<Page>}
 */
export async function reportScreen(browser, phone = RIDER_PHONE) {
  const page = await openPage(browser, phone)
  await page.goto('/t/ningxiang')
  await signIn(page, 'rider', 'fengxing')
  await page.getByTestId('snap-report').click()
  await page.waitForURL(/\/t\/ningxiang\/report$/)
  await page.getByTestId('location-source').getByText('已按手机定位标出位置').waitFor()
  return page
}

/**
 * Picks a category in the bottom sheet: its group, then itself.
 * @param {Page} page
 * @param {string} group
 * @param {string} name
 */
export async function chooseCategory(page, group, name) {
  await page.getByTestId('category-field').click()
  const picker = page.getByTestId('category-picker')
  await picker.getByText(group, { exact: true }).click()
  await picker.getByText(name, { exact: true }).click()
  await picker.waitFor({ state: 'hidden' })
}

/**
 * Takes a photo, picks the category and describes the problem.
 * @param {Page} page
 * @param {string} group
 * @param {string} category
 * @param {string} description
 */
export async function fillIn(page, group, category, description) {
  await page.getByTestId('photo-input').setInputFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page) })
  await page.getByTestId('photo-preview').waitFor()
  await chooseCategory(page, group, category)
  await page.getByLabel('问题描述').fill(description)
}


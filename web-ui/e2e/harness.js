// @ts-check
/**
 * Browser test harness: the machine's Chromium driven by playwright-core, run by node's test runner
 * (`npm run e2e`). Env: FENGXING_BASE_URL (default http://localhost:8080), FENGXING_ISSUER (default:
 * the issuer the app signs in with, from its /api/config), CHROMIUM (default /usr/bin/chromium).
 */
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {import('playwright-core').BrowserContextOptions} BrowserContextOptions */
/** @typedef {import('playwright-core').Page} Page */

export const BASE_URL = new URL(process.env.FENGXING_BASE_URL ?? 'http://localhost:8080').origin

/** Rider screens. @type {BrowserContextOptions} */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/** The console and the regional dashboard. @type {BrowserContextOptions} */
export const DESKTOP = { viewport: { width: 1440, height: 900 } }

const SCREENSHOTS = fileURLToPath(new URL('../target/screenshots/', import.meta.url))

/** @type {Promise<string> | undefined} */
let issuerUrl

/** @returns {Promise<string>} */
export function issuer() {
  issuerUrl ??= process.env.FENGXING_ISSUER
    ? Promise.resolve(process.env.FENGXING_ISSUER)
    : fetch(`${BASE_URL}/api/config`).then(async (response) => {
        if (!response.ok) throw new Error(`GET ${BASE_URL}/api/config: ${response.status}`)
        return (await response.json()).oidc.issuer
      })
  return issuerUrl
}

/** @returns {Promise<Browser>} */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/**
 * A page in a fresh context (no session, zh-CN). Requests go only to the app and the OIDC provider:
 * anything else (map tiles on the internet …) fails at once, as it would offline.
 * @param {Browser} browser
 * @param {BrowserContextOptions} device PHONE or DESKTOP
 * @returns {Promise<Page>}
 */
export async function openPage(browser, device) {
  const allowed = new Set([BASE_URL, new URL(await issuer()).origin])
  const context = await browser.newContext({ ...device, baseURL: BASE_URL, locale: 'zh-CN' })
  await context.route((url) => !allowed.has(url.origin), (route) => route.abort('internetdisconnected'))
  return context.newPage()
}

/**
 * Signs in on the provider's real login page, which the app has just sent the page to, and waits
 * until the app has taken the user back to where they were going.
 * @param {Page} page
 * @param {string} username
 * @param {string} password
 */
export async function signIn(page, username, password) {
  const provider = new URL(await issuer()).origin
  await page.waitForURL((url) => url.origin === provider)
  await page.fill('#username', username)
  await page.fill('#password', password)
  await page.click('#kc-login')
  await page.waitForURL((url) => url.origin === BASE_URL && url.pathname !== '/auth/callback')
}

/**
 * A person's first sign-in with the one-time password they were handed: Keycloak's login page, then its page to
 * choose their own password, then (when the realm's profile asks for it) their e-mail; back in the app at the end.
 * @param {Page} page
 * @param {string} username
 * @param {string} oneTimePassword
 * @param {string} newPassword
 */
export async function firstSignIn(page, username, oneTimePassword, newPassword) {
  const provider = new URL(await issuer()).origin
  await page.waitForURL((url) => url.origin === provider)
  await page.fill('#username', username)
  await page.fill('#password', oneTimePassword)
  await page.click('#kc-login')
  await page.locator('#password-new').waitFor()
  await page.fill('#password-new', newPassword)
  await page.fill('#password-confirm', newPassword)
  await page.locator('form [type=submit]').first().click()
  const back = page.waitForURL((url) => url.origin === BASE_URL && url.pathname !== '/auth/callback')
  const profile = page.locator('#email').waitFor().then(async () => {
    await page.fill('#email', `${username}@example.cn`)
    await page.locator('form [type=submit]').first().click()
  })
  await Promise.race([back, profile.catch(() => {})])
  await back
}

/**
 * Saves the viewport as target/screenshots/<name>.png.
 * @param {Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true })
  // dialogs fade in: wait (at most a second) for finite transitions, so the picture shows what the person sees
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 1000)),
    ]),
  )
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` })
}

/**
 * Calls the API as the user signed in on `page` (the app's access token from its session), for
 * test set-up the screens under test do not do themselves.
 * @param {Page} page
 * @param {string} method
 * @param {string} path e.g. `/api/t/ningxiang/riders/registration`
 * @param {unknown} [body]
 * @returns {Promise<any>} the parsed JSON answer
 */
export async function callApi(page, method, path, body) {
  const { status, text } = await page.evaluate(
    async ({ method, path, body }) => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('oidc.user:'))
      const token = key ? JSON.parse(localStorage.getItem(key) ?? '{}').access_token : undefined
      const response = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, text: await response.text() }
    },
    { method, path, body },
  )
  if (status >= 400) throw new Error(`${method} ${path}: ${status} ${text}`)
  return text ? JSON.parse(text) : undefined
}

/**
 * Runs `steps` on `page`; when one fails, keeps a screenshot of where it stopped
 * (`<name>-failed.png`) before the failure propagates.
 * @param {Page} page
 * @param {string} name
 * @param {() => Promise<void>} steps
 */
export async function screenshotOnFailure(page, name, steps) {
  try {
    await steps()
  } catch (error) {
    await screenshot(page, `${name}-failed`).catch(() => {})
    throw error
  }
}

// Steps on screens that several tests walk through.

/**
 * Confirms an Element Plus message box.
 * @param {Page} page
 */
export async function confirmBox(page) {
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
}

/**
 * On the rider app's sign-up screen (a signed-in user who is no member of the township yet): fills in
 * the registration with 美团 as the platform, submits it, and waits until it is pending.
 * @param {Page} page
 * @param {{ name: string, phone: string, depot: string }} rider
 */
export async function registerRider(page, rider) {
  await page.getByLabel('姓名').fill(rider.name)
  await page.getByLabel('手机号').fill(rider.phone)
  await page.getByLabel('配送平台').click()
  await page.locator('.van-picker-column__item', { hasText: '美团' }).click()
  await page.locator('.van-picker__confirm').click()
  await page.getByLabel('站点').fill(rider.depot)
  await page.getByRole('button', { name: '提交注册' }).click()
  await page.getByTestId('registration-status').getByText('待审核').waitFor()
}

/**
 * On the console's roster (骑手): finds the pending rider by name and approves them.
 * @param {Page} admin
 * @param {string} name
 * @returns {Promise<import('playwright-core').Locator>} the rider's row, now 在岗
 */
export async function approveRider(admin, name) {
  await admin.getByPlaceholder('按姓名搜索').fill(name)
  await admin.getByRole('button', { name: '查询' }).click()
  const row = admin.getByTestId('riders-table').locator('tr', { hasText: name })
  await row.getByText('待审核').waitFor()
  await row.getByRole('button', { name: '通过' }).click()
  await confirmBox(admin)
  await row.getByText('在岗').waitFor()
  return row
}

/**
 * On the console's 友好小区与通行证 section: issues the rider an e-pass for one friendly community
 * with the dialog's default validity, and waits for it at the top of the list, valid.
 * @param {Page} admin
 * @param {string} riderName
 * @param {string} community
 * @returns {Promise<import('playwright-core').Locator>} the new pass's row
 */
export async function issueEpass(admin, riderName, community) {
  await admin.getByRole('tab', { name: '电子通行证' }).click()
  await admin.getByTestId('issue-open').click()
  const dialog = admin.getByRole('dialog', { name: '签发通行证' })
  await dialog.getByTestId('issue-rider').click()
  await admin.keyboard.type(riderName)
  await admin.getByRole('option', { name: new RegExp(riderName) }).first().click()
  await dialog.getByTestId('issue-communities').click()
  await admin.getByRole('option', { name: community, exact: true }).click()
  await dialog.locator('.el-dialog__title').click() // closes the multiple choice's list
  await dialog.getByTestId('dialog-save').click()
  await dialog.waitFor({ state: 'hidden' })
  const newest = admin.getByTestId('epass-table').locator('.el-table__body tr').first()
  await newest.getByText(riderName).waitFor()
  await newest.getByText(community).waitFor()
  await newest.getByText('有效').waitFor()
  return newest
}

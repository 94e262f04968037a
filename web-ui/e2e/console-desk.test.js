// @ts-check
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { RUN, SUBJECTS, call, ensureActiveRider, userToken } from './api.js'
import { BASE_URL, DESKTOP, launch, openPage, screenshot, screenshotOnFailure, signIn } from './harness.js'
import { RIDER_PHONE, cameraPhoto } from './reporting.js'

/** @type {import('playwright-core').Browser} */
let browser

before(async () => {
  browser = await launch()
  await ensureActiveRider('ningxiang', 'ningxiang-admin')
})

after(async () => {
  await browser?.close()
})

/**
 * Files a report in 城北社区: as the demo rider with a photo, or through Open311 (the hotline's
 * reports come without one).
 * @param {string} description
 * @param {Buffer} [photo]
 * @returns {Promise<number>} its id
 */
async function file(description, photo) {
  const { longitude, latitude } = RIDER_PHONE.geolocation
  if (photo) {
    const form = new FormData()
    form.set('category', 'road-damage')
    form.set('description', description)
    form.set('lon', String(longitude))
    form.set('lat', String(latitude))
    form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'scene.jpg')
    return (await call(await userToken('rider'), 'POST', '/api/t/ningxiang/reports', form)).id
  }
  hotlineKey ??= call(await userToken('ningxiang-admin'), 'POST', '/api/t/ningxiang/open311/keys', { name: `12345 e2e-${RUN}` })
  const response = await fetch(`${BASE_URL}/api/t/ningxiang/open311/v2/requests.json`, {
    method: 'POST',
    body: new URLSearchParams({
      api_key: (await hotlineKey).secret,
      service_code: 'road-damage',
      lat: String(latitude),
      long: String(longitude),
      description,
    }),
  })
  if (response.status !== 201) throw new Error(`Open311 request: ${response.status} ${await response.text()}`)
  return (await response.json())[0].service_request_id
}

/** @type {Promise<any> | undefined} */
let hotlineKey

test('the duty desk shows the whole time left in its SLA column, the deadline on hover, and no empty photo cells', async () => {
  const desk = await openPage(browser, DESKTOP)
  await screenshotOnFailure(desk, 'desk-columns', async () => {
    await desk.goto('/t/ningxiang/console/dispatch')
    await signIn(desk, 'ningxiang-dispatcher', 'fengxing')
    const table = desk.getByTestId('report-table')
    await table.waitFor()

    const withPhoto = await file(`井盖松动 e2e-desk-${RUN}`, await cameraPhoto(desk))
    const waiting = await file(`路灯不亮 e2e-desk-${RUN}`)
    const dispatched = await file(`路面坑洼 e2e-desk-${RUN}`)
    await call(await userToken('ningxiang-dispatcher'), 'POST', `/api/t/ningxiang/dispatch/reports/${dispatched}/dispatch`, {
      kind: 'handler',
      subject: SUBJECTS.ningxiangHandler,
    })
    await desk.reload()
    /** @param {number} id */
    const row = (id) => table.locator('tr', { hasText: new RegExp(`#${id}(?!\\d)`) })
    await row(withPhoto).locator('img').waitFor()

    // days and hours of the resolution deadline, whole and uncut; minutes and seconds to dispatch
    const resolveSla = row(dispatched).getByTestId('sla')
    assert.match(((await resolveSla.textContent()) ?? '').trim(), /^处置剩 \d+天\d+时$/)
    assert.match(((await row(waiting).getByTestId('sla').textContent()) ?? '').trim(), /^派单剩 \d+(时|分)\d+(分|秒)$/)
    for (const id of [dispatched, waiting]) {
      const clipped = await row(id).getByTestId('sla').evaluate((el) => {
        const cell = /** @type {HTMLElement} */ (el.closest('.cell'))
        return el.getBoundingClientRect().right > cell.getBoundingClientRect().right
      })
      assert.equal(clipped, false, `the SLA of #${id} fits its column`)
    }

    // a report without a photo shows a neutral icon, not an empty box
    await row(waiting).getByTestId('no-photo').waitFor()
    assert.equal(await row(withPhoto).getByTestId('no-photo').count(), 0)

    await resolveSla.hover()
    await desk.getByRole('tooltip').getByText(/^处置期限 /).waitFor()
    await screenshot(desk, 'desk-sla-and-photos')
  })
  await desk.context().close()
})

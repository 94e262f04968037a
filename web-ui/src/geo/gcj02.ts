/**
 * WGS84 ⇄ GCJ-02, the obfuscated datum that Chinese map providers (高德, 腾讯 …) draw their tiles in.
 * Fengxing stores WGS84 only; a map on GCJ-02 tiles converts for display and back on input.
 * Outside mainland China both are the same.
 */

/** [longitude, latitude] in degrees, GeoJSON order. */
export type LonLat = [number, number]

/** Krasovsky 1940 ellipsoid, as the GCJ-02 algorithm uses it. */
const A = 6378245.0
const EE = 0.00669342162296594323

export function outOfChina([lon, lat]: LonLat): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function offset([lon, lat]: LonLat): LonLat {
  const x = lon - 105.0
  const y = lat - 35.0
  const common = ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + common
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + common
  dLon += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  dLon += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0

  const radLat = (lat / 180.0) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) ** 2
  const sqrtMagic = Math.sqrt(magic)
  return [
    (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
    (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
  ]
}

export function wgs84ToGcj02(point: LonLat): LonLat {
  if (outOfChina(point)) return point
  const [dLon, dLat] = offset(point)
  return [point[0] + dLon, point[1] + dLat]
}

/** The inverse has no closed form: iterate until the forward transform lands within ~1 mm. */
export function gcj02ToWgs84(point: LonLat): LonLat {
  if (outOfChina(point)) return point
  let [lon, lat] = point
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02([lon, lat])
    const eLon = gLon - point[0]
    const eLat = gLat - point[1]
    lon -= eLon
    lat -= eLat
    if (Math.abs(eLon) < 1e-9 && Math.abs(eLat) < 1e-9) break
  }
  return [lon, lat]
}

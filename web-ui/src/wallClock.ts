/**
 * The township's wall clock: turning a day or a time picked on it into an instant and back, whatever the device's
 * zone. Apart from format.ts, which every page loads, as only console forms need it.
 */

/** The instant a township calendar day (YYYY-MM-DD) begins in the zone. */
export function startOfDay(day: string, zone: string): Date {
  return zonedInstant(`${day}T00:00`, zone)
}

/** The zone's wall clock at an instant, as the parts of a date and time. */
function wallParts(instant: Date, zone: string): Record<string, number> {
  return Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  )
}

/**
 * The instant a township's wall clock shows `wall` (YYYY-MM-DDTHH:mm): what an organiser picks as an event's start
 * means the township's clock, whatever the computer's zone.
 */
export function zonedInstant(wall: string, zone: string): Date {
  const [day, time = '00:00'] = wall.split('T')
  const [y, m, d] = day!.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const utc = Date.UTC(y!, m! - 1, d!, hh!, mm!)
  // the zone's offset then: its wall clock at that instant, read back as if it were UTC
  const parts = wallParts(new Date(utc), zone)
  const wallThen = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
  return new Date(utc - (wallThen - utc))
}

/** The township's wall clock (YYYY-MM-DDTHH:mm) at an instant: the reverse of {@link zonedInstant}. */
export function wallClock(value: string | Date, zone: string): string {
  const p = wallParts(new Date(value), zone)
  const two = (n: number | undefined) => String(n).padStart(2, '0')
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`
}

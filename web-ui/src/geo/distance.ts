/** A distance for people: metres under one kilometre (rounded to 10 m), else kilometres with one decimal. */
export function formatDistance(metres: number, units: { m: string; km: string }): string {
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)} ${units.m}`
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)} ${units.km}`
}

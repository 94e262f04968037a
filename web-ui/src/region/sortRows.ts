import type { TableSort } from './exportQuery'

/**
 * The rows in the table's order, by a figure, where no value counts as the smallest, as in the API's export (first
 * going up, last going down); unsorted, the API's order.
 */
export function sortRows<R extends { values?: Record<string, number | null | undefined> }>(
  rows: readonly R[],
  sort: TableSort | null,
): R[] {
  if (!sort) return [...rows]
  const sign = sort.order === 'asc' ? 1 : -1
  const value = (r: R) => r.values?.[sort.key] ?? null
  return [...rows].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    if (x === null || y === null) return x === y ? 0 : sign * (x === null ? -1 : 1)
    return sign * (x - y)
  })
}

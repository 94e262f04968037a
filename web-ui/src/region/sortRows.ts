import type { TableSort } from './exportQuery'

/** A row as the table sorts it: a name, and figure values by key. */
interface SortableRow {
  name: string
  values?: Record<string, number | null | undefined>
}

/** The rows in the table's order: by name (Chinese collation) or by a figure, rows without a value last either way. */
export function sortRows<R extends SortableRow>(rows: readonly R[], sort: TableSort | null, locale: string): R[] {
  if (!sort) return [...rows]
  const sign = sort.order === 'asc' ? 1 : -1
  if (sort.key === 'name') {
    const collator = new Intl.Collator(locale)
    return [...rows].sort((a, b) => sign * collator.compare(a.name, b.name))
  }
  const value = (r: R) => r.values?.[sort.key] ?? null
  return [...rows].sort((a, b) => {
    const x = value(a)
    const y = value(b)
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return sign * (x - y)
  })
}

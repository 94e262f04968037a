/** The comparison table's sort: by a figure's key. */
export interface TableSort {
  key: string
  order: 'asc' | 'desc'
}

/** Element Plus's sort-change event as a {@link TableSort}; null once the table is unsorted. */
export function tableSort(prop: string | null | undefined, order: string | null | undefined): TableSort | null {
  if (!prop || (order !== 'ascending' && order !== 'descending')) return null
  return { key: prop, order: order === 'ascending' ? 'asc' : 'desc' }
}

/**
 * The export's query: the file holds exactly the table as shown, the visible figures in their order and
 * the rows in the table's order.
 */
export function exportQuery(region: string, period: string, figures: readonly string[], sort: TableSort | null) {
  return {
    region,
    period,
    figures: figures.join(','),
    ...(sort ? { sort: sort.key, order: sort.order } : {}),
  }
}

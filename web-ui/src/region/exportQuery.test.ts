import { describe, expect, it } from 'vitest'
import { exportQuery, tableSort } from './exportQuery'

describe('the export of the comparison table', () => {
  it('names the visible figures in their order and the current sort', () => {
    const sort = tableSort('reports.closureRate', 'descending')
    expect(exportQuery('山西省/吕梁市', '2026-Q4', ['reports.closureRate', 'riders.active'], sort)).toEqual({
      region: '山西省/吕梁市',
      period: '2026-Q4',
      figures: 'reports.closureRate,riders.active',
      sort: 'reports.closureRate',
      order: 'desc',
    })
  })
  it('leaves the order to the API when the table is not sorted', () => {
    expect(tableSort('reports.closureRate', null)).toBeNull()
    expect(exportQuery('山西省', '2026', ['riders.active'], null)).toEqual({
      region: '山西省',
      period: '2026',
      figures: 'riders.active',
    })
    expect(tableSort('riders.active', 'ascending')).toEqual({ key: 'riders.active', order: 'asc' })
  })
})

import { describe, expect, it } from 'vitest'
import { sortRows } from './sortRows'

const rows = [
  { name: '宁乡镇', values: { 'reports.closureRate': 0.9 } },
  { name: '城关镇', values: { 'reports.closureRate': null } },
  { name: '北大街街道', values: { 'reports.closureRate': 0.95 } },
]

describe('the comparison table order', () => {
  it('sorts by a figure, no value counting as the smallest (as the export)', () => {
    const by = (order: 'asc' | 'desc') => sortRows(rows, { key: 'reports.closureRate', order }).map((r) => r.name)
    expect(by('desc')).toEqual(['北大街街道', '宁乡镇', '城关镇'])
    expect(by('asc')).toEqual(['城关镇', '宁乡镇', '北大街街道'])
  })
  it("keeps the API's order unsorted", () => {
    expect(sortRows(rows, null)).toEqual(rows)
  })
})

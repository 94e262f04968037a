import { describe, expect, it } from 'vitest'
import { sortRows } from './sortRows'

const rows = [
  { name: '宁乡镇', values: { 'reports.closureRate': 0.9 } },
  { name: '城关镇', values: { 'reports.closureRate': null } },
  { name: '北大街街道', values: { 'reports.closureRate': 0.95 } },
]

describe('the comparison table order', () => {
  it('sorts by a figure with the townships without a value last in both directions', () => {
    const by = (order: 'asc' | 'desc') =>
      sortRows(rows, { key: 'reports.closureRate', order }, 'zh-CN').map((r) => r.name)
    expect(by('desc')).toEqual(['北大街街道', '宁乡镇', '城关镇'])
    expect(by('asc')).toEqual(['宁乡镇', '北大街街道', '城关镇'])
  })
  it('keeps the given order unsorted and sorts names by the language', () => {
    expect(sortRows(rows, null, 'zh-CN')).toEqual(rows)
    expect(sortRows(rows, { key: 'name', order: 'asc' }, 'zh-CN').map((r) => r.name)).toEqual([
      '北大街街道',
      '城关镇',
      '宁乡镇',
    ])
  })
})

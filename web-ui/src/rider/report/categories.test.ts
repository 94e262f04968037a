import { describe, expect, it } from 'vitest'
import { groupCategories, hotlineNumbers, type Category } from './categories'

const c = (id: number, code: string, parentId?: number): Category => ({
  id,
  code,
  nameZh: code,
  nameEn: code,
  parentId,
  urgent: false,
  emergencyStop: false,
  active: true,
  sortOrder: id,
})

describe('report categories', () => {
  it('offers a group its sub-categories, or the group itself when it has none', () => {
    const groups = groupCategories([c(1, 'municipal'), c(2, 'street-light', 1), c(3, 'road-damage', 1), c(4, 'stray-animal')])
    expect(groups.map((g) => [g.group.code, g.choices.map((x) => x.code)])).toEqual([
      ['municipal', ['street-light', 'road-damage']],
      ['stray-animal', ['stray-animal']],
    ])
  })

  it('finds the numbers to call in a hotline text', () => {
    expect(hotlineNumbers('请立即拨打 110 或 120')).toEqual(['110', '120'])
    expect(hotlineNumbers('请立即拨打 119')).toEqual(['119'])
    expect(hotlineNumbers('请注意安全')).toEqual([])
    expect(hotlineNumbers(undefined)).toEqual([])
  })
})

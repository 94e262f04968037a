import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { i18n, loadMessages } from '../i18n'
import { bySection, changeOf, formatChange, formatFigure, levels, rankBy } from './figures'

const closureRate = { key: 'reports.closureRate', unit: 'share', direction: 'higher', section: 'reports' }
const dispatchMinutes = { key: 'reports.medianDispatchMinutes', unit: 'minutes', direction: 'lower', section: 'reports' }
const riders = { key: 'riders.enrolled', unit: 'count', direction: 'neutral', section: 'riders' }

beforeAll(() => Promise.all([loadMessages('console', 'zh-CN'), loadMessages('console', 'en')]))

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('a figure in its unit', () => {
  it('shows shares as percentages and durations with their unit', () => {
    expect(formatFigure('share', 0.8125)).toBe('81.3%')
    expect(formatFigure('minutes', 7.25)).toBe('7.3 分钟')
    expect(formatFigure('count', 12345)).toBe('12,345')
    expect(formatFigure('rating', null)).toBe('—')
    i18n.global.locale.value = 'en'
    expect(formatFigure('hours', 30)).toBe('30 h')
    expect(formatFigure('per100', 12.5)).toBe('12.5 per 100')
  })
})

describe('the change against an earlier period', () => {
  it('counts shares in percentage points and colours by direction', () => {
    const up = changeOf(closureRate, 0.9, 0.85)!
    expect(up).toMatchObject({ inPoints: true, trend: 'up', verdict: 'better' })
    expect(up.amount).toBeCloseTo(5)
    expect(formatChange(up)).toBe('↑ 5 个百分点')
  })
  it('is relative for amounts; faster dispatch is better', () => {
    const faster = changeOf(dispatchMinutes, 6, 8)!
    expect(faster).toMatchObject({ inPoints: false, trend: 'down', verdict: 'better', amount: -0.25 })
    expect(formatChange(faster)).toBe('↓ 25%')
    expect(changeOf(dispatchMinutes, 10, 8)).toMatchObject({ trend: 'up', verdict: 'worse' })
    expect(changeOf(riders, 120, 100)).toMatchObject({ trend: 'up', verdict: 'neutral' })
  })
  it('is flat below what is shown, and nothing without both values or from 0', () => {
    expect(changeOf(closureRate, 0.8, 0.8004)).toMatchObject({ trend: 'flat', verdict: 'neutral' })
    expect(formatChange(changeOf(riders, 5, 5)!)).toBe('→ 0%')
    expect(changeOf(closureRate, 0.8, null)).toBeNull()
    expect(changeOf(riders, 3, 0)).toBeNull()
    expect(changeOf(riders, 0, 0)).toMatchObject({ trend: 'flat' })
  })
})

describe('ranking by direction', () => {
  const towns = [
    { name: '宁乡镇', rate: 0.9, minutes: 6 },
    { name: '北大街街道', rate: 0.95, minutes: 12 },
    { name: '城关镇', rate: null, minutes: 6 },
    { name: '金罗镇', rate: 0.9, minutes: 9 },
  ]
  it('puts the best first, shares ties and leaves the unmeasured unranked and last', () => {
    const byRate = rankBy(towns, (t) => t.rate, 'higher')
    expect(byRate.map((r) => [r.item.name, r.rank])).toEqual([
      ['北大街街道', 1],
      ['宁乡镇', 2],
      ['金罗镇', 2],
      ['城关镇', null],
    ])
  })
  it('ranks the lowest first where lower is better', () => {
    expect(rankBy(towns, (t) => t.minutes, 'lower').map((r) => r.rank)).toEqual([1, 1, 3, 4])
    expect(rankBy(towns, (t) => t.minutes, 'lower')[3]!.item.name).toBe('北大街街道')
  })
})

describe('sections', () => {
  it('groups figures by section in the given order', () => {
    expect(bySection([riders, closureRate, dispatchMinutes]).map((s) => [s.section, s.figures.length])).toEqual([
      ['riders', 1],
      ['reports', 2],
    ])
  })
})

describe('the map scale', () => {
  it('puts the best values in the top step by direction', () => {
    const higher = levels([0.5, 0.7, 1, null], 'higher')
    expect([0.5, 0.7, 1, null].map(higher.level)).toEqual([0, 2, 4, null])
    const lower = levels([6, 8, 16], 'lower')
    expect([6, 8, 16].map(lower.level)).toEqual([4, 3, 0])
    expect(lower.bounds[0]).toEqual({ from: 14, to: 16, level: 0 })
    expect(levels([3, 3], 'higher').level(3)).toBe(4)
    expect(levels([3, 3], 'higher').bounds).toEqual([{ from: 3, to: 3, level: 4 }])
  })
})

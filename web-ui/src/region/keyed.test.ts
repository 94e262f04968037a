import { describe, expect, it } from 'vitest'
import { keyed } from './keyed'

describe('keyed', () => {
  it('keys every value list of the rows and the region row by the figures, in their order', () => {
    // (a value not measured comes as null, which the schema's number lists do not say)
    const c = keyed({
      figures: [{ key: 'reports' }, { key: 'reports.closureRate' }],
      rows: [{ code: 'a', name: '甲镇', values: [3, null] as number[], previous: [1, 0.5], lastYear: [0, 1] }],
      regionRow: { values: [3, 0.75], previous: [1, 0.5], lastYear: [0, 1] },
    })
    expect(c.rows[0]).toMatchObject({
      code: 'a',
      values: { reports: 3, 'reports.closureRate': null },
      previous: { reports: 1, 'reports.closureRate': 0.5 },
    })
    expect(c.regionRow.values).toEqual({ reports: 3, 'reports.closureRate': 0.75 })
    expect(c.regionRow.lastYear).toEqual({ reports: 0, 'reports.closureRate': 1 })
  })

  it("takes a year's 同比 from its 环比, the year before, which the API sends once", () => {
    const c = keyed({
      previousPeriod: { key: '2025' },
      lastYearPeriod: { key: '2025' },
      figures: [{ key: 'reports' }],
      rows: [{ code: 'a', values: [5], previous: [4] }],
      regionRow: { values: [5], previous: [4] },
    })
    expect(c.rows[0]!.lastYear).toEqual({ reports: 4 })
    expect(c.regionRow.lastYear).toEqual({ reports: 4 })
  })

  it('reads a missing list as values not measured', () => {
    const c = keyed({ figures: [{ key: 'reports' }], rows: [{ code: 'a' }] })
    expect(c.rows[0]!.values).toEqual({ reports: null })
    expect(c.regionRow.previous).toEqual({ reports: null })
  })
})

import { describe, expect, it } from 'vitest'
import {
  RequestIds,
  calendarMonth,
  earningRules,
  entryLabelKey,
  newRequestId,
  previousMonth,
  redeemBlock,
  signedPoints,
  type PointsRule,
} from './points'

describe('points', () => {
  it('shows points with their sign', () => {
    expect(signedPoints(10)).toBe('+10')
    expect(signedPoints(-30)).toBe('\u221230')
    expect(signedPoints(0)).toBe('0')
  })

  it('names a history line by its action for awards, by its kind otherwise', () => {
    expect(entryLabelKey({ kind: 'award', action: 'report_accepted' })).toBe('points.actions.report_accepted')
    expect(entryLabelKey({ kind: 'spend', action: undefined })).toBe('points.kinds.spend')
    expect(entryLabelKey({ kind: 'correction', action: undefined })).toBe('points.kinds.correction')
  })

  it('says why a reward cannot be redeemed', () => {
    expect(redeemBlock({ cost: 30, stock: 5, active: true }, 30)).toBeNull()
    expect(redeemBlock({ cost: 30, stock: 5, active: true }, 29)).toBe('balance')
    expect(redeemBlock({ cost: 30, stock: 5, active: true }, undefined)).toBe('balance')
    expect(redeemBlock({ cost: 30, stock: 0, active: true }, 100)).toBe('stock')
    expect(redeemBlock({ cost: 30, stock: 5, active: false }, 100)).toBe('inactive')
  })

  it('lists the active rules in the usual order', () => {
    const rule = (action: PointsRule['action'], configured: boolean, active: boolean) =>
      ({ action, configured, active, points: 1, needsApproval: false }) as PointsRule
    const rules = [rule('manual', true, true), rule('meeting', true, false), rule('training', false, false), rule('report_accepted', true, true)]
    expect(earningRules(rules).map((r) => r.action)).toEqual(['report_accepted', 'manual'])
  })

  it('reads the month on the township calendar', () => {
    // 16:30 UTC on 31 January is 1 February in Shanghai
    expect(calendarMonth('Asia/Shanghai', new Date('2026-01-31T16:30:00Z'))).toBe('2026-02')
    expect(calendarMonth('UTC', new Date('2026-01-31T16:30:00Z'))).toBe('2026-01')
    expect(previousMonth('2026-01')).toBe('2025-12')
    expect(previousMonth('2026-11')).toBe('2026-10')
  })

  it('keeps a request id for a retry until the server has answered', () => {
    let n = 0
    const ids = new RequestIds(() => `id-${++n}`)
    expect(ids.for('reward:1')).toBe('id-1')
    ids.answered('reward:1', 0)
    expect(ids.for('reward:1')).toBe('id-1')
    ids.answered('reward:1', 503)
    expect(ids.for('reward:1')).toBe('id-1')
    expect(ids.for('reward:2')).toBe('id-2')
    ids.answered('reward:1', 201)
    expect(ids.for('reward:1')).toBe('id-3')
    ids.answered('reward:1', 409)
    expect(ids.for('reward:1')).toBe('id-4')
    expect(newRequestId()).not.toBe(newRequestId())
  })
})

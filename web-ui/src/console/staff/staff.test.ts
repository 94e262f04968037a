import { describe, expect, it } from 'vitest'
import { inviteBody, mergeStaff, staffRolesOf } from './staff'

describe('staff', () => {
  it('keeps only staff roles, in the page order', () => {
    expect(staffRolesOf(['station_keeper', 'rider', 'tenant_admin'])).toEqual(['tenant_admin', 'station_keeper'])
    expect(staffRolesOf(undefined)).toEqual([])
  })

  it('names the person by one handle only', () => {
    expect(inviteBody({ kind: 'phone', handle: ' 13800138000 ', family: '王', given: '强' }, ['handler'])).toEqual({
      phone: '13800138000',
      name: '王强',
      roles: ['handler'],
    })
  })

  it('merges the lists of each staff role: everyone once, by name, unnamed last, riders left out', () => {
    const admin = { subject: 's1', name: '王强', roles: ['tenant_admin', 'handler'] }
    const both = { subject: 's2', name: '李明', roles: ['dispatcher', 'handler'] }
    const unnamed = { subject: 's3', roles: ['handler'] }
    const rider = { subject: 's4', name: '赵骑手', roles: ['rider'] }
    expect(mergeStaff([[admin], [both], [admin, both, unnamed, rider], []]).map((m) => m.subject)).toEqual([
      's2',
      's1',
      's3',
    ])
  })
})

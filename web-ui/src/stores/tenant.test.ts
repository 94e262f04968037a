import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { CONSOLE_SECTIONS } from '../console/sections'
import { useSessionStore } from './session'
import { useTenantStore } from './tenant'

function signedInAs(tenant: string, roles: string[]) {
  useSessionStore().me = {
    subject: 's',
    name: '张建国',
    memberships: [
      { tenant, tenantName: '宁乡镇', tenantStatus: 'active', roles },
      { tenant: 'beidajie', tenantName: '北大街街道', tenantStatus: 'suspended', roles: ['rider'] },
    ],
    grants: [],
  }
  const store = useTenantStore()
  store.code = tenant
  return store
}

function sectionsFor(store: ReturnType<typeof useTenantStore>): string[] {
  return CONSOLE_SECTIONS.filter((s) => store.can(...s.roles)).map((s) => s.key)
}

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('roles in the current township', () => {
  it('opens the configuration sections (and scanning, for every place) to a tenant admin', () => {
    const store = signedInAs('ningxiang', ['tenant_admin'])
    expect(store.can('tenant_admin')).toBe(true)
    expect(store.can('rider', 'dispatcher')).toBe(false)
    expect(sectionsFor(store)).toEqual([
      'dispatch',
      'figures',
      'scan',
      'grids',
      'riders',
      'stations',
      'passes',
      'merchants',
      'points',
      'events',
      'suggestions',
      'care',
      'pairing',
      'reportSettings',
      'staff',
      'audit',
      'branding',
    ])
  })

  it('opens the duty desk, the to-do list and the figures to dispatchers, the to-do list and care pairing 捎带手 to handlers, the rider roster (read-only) and points awards to dispatchers, suggestions to dispatchers, scanning to station keepers, the events to all of them', () => {
    expect(sectionsFor(signedInAs('ningxiang', ['dispatcher']))).toEqual(['dispatch', 'tasks', 'figures', 'riders', 'points', 'events', 'suggestions'])
    expect(sectionsFor(signedInAs('ningxiang', ['handler', 'station_keeper']))).toEqual(['tasks', 'scan', 'events', 'pairing'])
    expect(sectionsFor(signedInAs('ningxiang', ['station_keeper']))).toEqual(['scan', 'events'])
  })

  it('opens nothing to a rider, and nothing in a township one is not a member of', () => {
    expect(sectionsFor(signedInAs('ningxiang', ['rider']))).toEqual([])
    const store = signedInAs('ningxiang', ['tenant_admin'])
    store.code = 'yuetan'
    expect(store.membership).toBeUndefined()
    expect(store.can('tenant_admin', 'rider')).toBe(false)
  })

  it('ignores roles the UI does not know and marks suspended townships', () => {
    signedInAs('ningxiang', ['tenant_admin', 'astronaut'])
    const session = useSessionStore()
    expect(session.membership('ningxiang')?.roles).toEqual(['tenant_admin'])
    expect(session.membership('beidajie')?.suspended).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { proposedTarget } from './proposal'
import type { Proposal } from './reports'

const rule = { id: 1, categoryId: 2, category: 'garbage', level: 'community' as const }

describe("the rules' proposal", () => {
  it('names the department with its code', () => {
    const proposal: Proposal = {
      routing: {
        matched: true,
        rule: { ...rule, level: 'department', target: 'department', department: 'cg' },
        department: { id: 3, code: 'cg', name: '城管中队', contacts: [], active: true },
      },
    }
    expect(proposedTarget(proposal)).toEqual({ kind: 'department', department: 'cg', name: '城管中队' })
  })

  it("names a rule's handler, or the first grid worker of the report's grid", () => {
    expect(
      proposedTarget({ routing: { matched: true, rule: { ...rule, target: 'handler', handler: 'h-1', handlerName: '王网格' } } }),
    ).toEqual({ kind: 'handler', subject: 'h-1', name: '王网格' })
    const byGrid: Proposal = {
      routing: { matched: true, rule: { ...rule, target: 'grid_worker_of_grid' } },
      gridWorkers: [{ subject: 'h-2', name: '李网格' }, { subject: 'h-3' }],
    }
    expect(proposedTarget(byGrid)).toEqual({ kind: 'handler', subject: 'h-2', name: '李网格' })
  })

  it('proposes nothing without a matching rule or without a worker in the grid', () => {
    expect(proposedTarget({ routing: { matched: false }, gridWorkers: [{ subject: 'h-2' }] })).toBeNull()
    expect(proposedTarget({ routing: { matched: true, rule: { ...rule, target: 'grid_worker_of_grid' } }, gridWorkers: [] })).toBeNull()
    expect(proposedTarget(null)).toBeNull()
  })
})

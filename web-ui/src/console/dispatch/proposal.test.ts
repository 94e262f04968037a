import { describe, expect, it } from 'vitest'
import { proposedTarget } from './proposal'
import type { Proposal } from './reports'

const rule = { id: 1, categoryId: 2, category: 'garbage', level: 'community' as const }

describe("the server's proposal", () => {
  it('names the department the server proposes', () => {
    const proposal: Proposal = {
      routing: {
        matched: true,
        rule: { ...rule, level: 'department', target: 'department', department: 'cg' },
        assignee: { kind: 'department', department: 'cg', name: '城管中队' },
      },
    }
    expect(proposedTarget(proposal)).toEqual({ kind: 'department', department: 'cg', name: '城管中队' })
  })

  it('names the grid worker the server picked, not the first one listed', () => {
    const byGrid: Proposal = {
      routing: {
        matched: true,
        rule: { ...rule, target: 'grid_worker_of_grid' },
        assignee: { kind: 'handler', subject: 'h-3', name: '赵网格' },
      },
      gridWorkers: [{ subject: 'h-2', name: '李网格' }, { subject: 'h-3', name: '赵网格' }],
    }
    expect(proposedTarget(byGrid)).toEqual({ kind: 'handler', subject: 'h-3', name: '赵网格' })
  })

  it('proposes nothing when the server names nobody', () => {
    expect(proposedTarget({ routing: { matched: false }, gridWorkers: [{ subject: 'h-2' }] })).toBeNull()
    expect(
      proposedTarget({ routing: { matched: true, rule: { ...rule, target: 'grid_worker_of_grid' } }, gridWorkers: [{ subject: 'h-2' }] }),
    ).toBeNull()
    expect(proposedTarget(null)).toBeNull()
  })
})

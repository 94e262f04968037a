import type { Proposal } from './reports'

/** Whom a report would go to: a handler (by subject) or a department (by code), with a name to show. */
export type Target = { kind: 'handler'; subject: string; name: string } | { kind: 'department'; department: string; name: string }

/**
 * The assignee the server proposes (routing.assignee: the rule's department or handler, or the grid
 * worker the server picked); null when it names nobody.
 */
export function proposedTarget(proposal: Proposal | null | undefined): Target | null {
  const assignee = proposal?.routing?.matched ? proposal.routing.assignee : undefined
  if (assignee?.kind === 'department' && assignee.department) {
    return { kind: 'department', department: assignee.department, name: assignee.name ?? assignee.department }
  }
  if (assignee?.kind === 'handler' && assignee.subject) {
    return { kind: 'handler', subject: assignee.subject, name: assignee.name ?? assignee.subject }
  }
  return null
}

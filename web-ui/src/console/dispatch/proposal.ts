import type { Proposal } from './reports'

/** Whom a report would go to: a handler (by subject) or a department (by code), with a name to show. */
export type Target = { kind: 'handler'; subject: string; name: string } | { kind: 'department'; department: string; name: string }

/**
 * The assignee the routing rules propose: the rule's department or handler, or for a "grid worker of
 * the grid" rule the first worker of the report's grid; null when no rule matched or the grid has no
 * worker.
 */
export function proposedTarget(proposal: Proposal | null | undefined): Target | null {
  const routing = proposal?.routing
  const rule = routing?.rule
  if (!routing?.matched || !rule) return null
  if (rule.target === 'department') {
    const code = routing.department?.code ?? rule.department
    return code ? { kind: 'department', department: code, name: routing.department?.name ?? code } : null
  }
  if (rule.target === 'handler') {
    return rule.handler ? { kind: 'handler', subject: rule.handler, name: rule.handlerName ?? rule.handler } : null
  }
  const worker = proposal?.gridWorkers?.[0]
  return worker?.subject ? { kind: 'handler', subject: worker.subject, name: worker.name ?? worker.subject } : null
}

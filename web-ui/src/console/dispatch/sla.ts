import type { components } from '../../api/schema'

type ReportState = components['schemas']['ReportState']

/** What an SLA clock reads from a report (summary or full view). */
export interface Clocked {
  state?: ReportState
  dispatchDue?: string
  resolveDue?: string
}

/** The deadline a report is running against, in epoch milliseconds. */
export interface Deadline {
  kind: 'dispatch' | 'resolve'
  due: number
}

/**
 * Waiting for dispatch (new or reopened): the dispatch deadline; dispatched or being handled: the
 * resolution deadline; resolved or concluded: none (the township has done its part).
 */
export function deadline(report: Clocked): Deadline | null {
  const due = (kind: Deadline['kind'], at?: string) => (at ? { kind, due: Date.parse(at) } : null)
  switch (report.state) {
    case 'submitted':
    case 'reopened':
      return due('dispatch', report.dispatchDue)
    case 'dispatched':
    case 'in_progress':
      return due('resolve', report.resolveDue)
    default:
      return null
  }
}

/**
 * A time span in its two largest units, for a narrow column and a quick read: days and hours
 * (1天16时), hours and minutes (3时5分), or minutes and seconds under an hour; sign ignored. `unit`
 * names the pair (locale key `dispatch.sla.span.<unit>`).
 */
export function shortSpan(ms: number): { unit: 'dh' | 'hm' | 'ms'; major: number; minor: number } {
  const total = Math.floor(Math.abs(ms) / 1000)
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  if (days) return { unit: 'dh', major: days, minor: hours }
  if (hours) return { unit: 'hm', major: hours, minor: minutes }
  return { unit: 'ms', major: minutes, minor: total % 60 }
}

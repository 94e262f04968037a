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

/** A time span as whole days and the rest on a clock (`H:MM:SS`, or `MM:SS` under an hour); sign ignored. */
export function span(ms: number): { days: number; clock: string } {
  const total = Math.floor(Math.abs(ms) / 1000)
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const two = (n: number) => String(n).padStart(2, '0')
  const clock = hours || days ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`
  return { days, clock }
}

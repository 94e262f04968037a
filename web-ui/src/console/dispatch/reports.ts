import type { components } from '../../api/schema'

type Schemas = components['schemas']
export type ReportSummary = Schemas['ReportSummary']
export type ReportView = Schemas['ReportView']
export type ReportState = Schemas['ReportState']
export type Proposal = Schemas['DispatchProposal']

/** Every state, in the order of the case flow. */
export const STATES: readonly ReportState[] = [
  'submitted',
  'dispatched',
  'in_progress',
  'resolved',
  'reopened',
  'closed_fixed',
  'closed_not_fixed',
  'rejected',
  'duplicate',
]

/** Still being worked on (the API's ReportState.OPEN). */
export const OPEN_STATES: readonly ReportState[] = ['submitted', 'dispatched', 'in_progress', 'reopened']

/** Waiting for the dispatcher: new, or reopened by the rider. */
export const AWAITING_DISPATCH: readonly ReportState[] = ['submitted', 'reopened']

/** Element Plus tag colour of a state: waiting red-ish, under way blue, done green, concluded grey. */
export function stateTag(state: ReportState | undefined): 'danger' | 'warning' | 'primary' | 'success' | 'info' {
  switch (state) {
    case 'submitted':
    case 'reopened':
      return 'danger'
    case 'dispatched':
      return 'warning'
    case 'in_progress':
      return 'primary'
    case 'resolved':
    case 'closed_fixed':
      return 'success'
    default:
      return 'info'
  }
}

/**
 * The queue's filters as the screen holds them: states, category (a group includes its
 * sub-categories), community, urgent only, escalated to the tenant admin only.
 */
export interface Filters {
  state: ReportState[]
  category: string
  community: string
  urgent: boolean
  escalated: boolean
}

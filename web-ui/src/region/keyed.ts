import type { components } from '../api/schema'
import type { Comparison, RowValues, Values } from './types'

type Sent = components['schemas']['Comparison']
type SentValues = { values?: (number | null)[]; previous?: (number | null)[]; lastYear?: (number | null)[] }

/** The API's value lists (in the order of the figures) as values by figure key. */
export function keyed(sent: Sent): Comparison {
  const keys = (sent.figures ?? []).map((f) => f.key!)
  const byKey = (list: (number | null)[] | undefined): Values =>
    Object.fromEntries(keys.map((key, i) => [key, list?.[i] ?? null]))
  // a year's 同比 is its 环比 (the year before), which the API sends once, as previous
  const sameBaseline = sent.previousPeriod !== undefined && sent.lastYearPeriod?.key === sent.previousPeriod.key
  const values = (row: SentValues | undefined): RowValues => ({
    values: byKey(row?.values),
    previous: byKey(row?.previous),
    lastYear: byKey(sameBaseline ? row?.previous : row?.lastYear),
  })
  return {
    ...sent,
    rows: (sent.rows ?? []).map((row) => ({ ...row, ...values(row) })),
    regionRow: values(sent.regionRow),
  }
}

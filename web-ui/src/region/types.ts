// The regional comparison as the API sends it (GET /api/regions …).
import type { components } from '../api/schema'

type Schemas = components['schemas']
export type FigureDef = Schemas['FigureView']
export type RegionNode = Schemas['RegionNode']
export type RegionTownship = Schemas['TownshipRef']
export type RegionTrend = Schemas['Trend']

/** Figure values by key. */
export type Values = Record<string, number | null | undefined>

/** A row's values for the period, 环比 and 同比, by figure key. */
export interface RowValues {
  values: Values
  previous: Values
  lastYear: Values
}

/** A township's row as the views use it: the API sends the values as lists in the order of the figures. */
export type ComparisonRow = Omit<Schemas['ComparisonRow'], keyof RowValues> & RowValues

/** The comparison as the views use it, values by figure key. */
export type Comparison = Omit<Schemas['Comparison'], 'rows' | 'regionRow'> & {
  rows: ComparisonRow[]
  regionRow: RowValues
}

/** Which earlier period the changes compare with: 环比 or 同比. */
export type Baseline = 'previous' | 'lastYear'

// The regional comparison as the API sends it (GET /api/regions …).
import type { components } from '../api/schema'

type Schemas = components['schemas']
export type FigureDef = Schemas['FigureView']
export type RegionNode = Schemas['RegionNode']
export type RegionTownship = Schemas['TownshipRef']
export type Comparison = Schemas['Comparison']
export type ComparisonRow = Schemas['ComparisonRow']
export type RegionTrend = Schemas['Trend']

/** Figure values by key. */
export type Values = Record<string, number | null | undefined>

/** Which earlier period the changes compare with: 环比 or 同比. */
export type Baseline = 'previous' | 'lastYear'

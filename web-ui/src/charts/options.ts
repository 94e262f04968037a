import { formatFigure, type FigureMeta, type Ranked } from '../figures/figures'
import { monthLabel } from '../figures/period'
import type { EChartsCoreOption } from './echarts'

// Chart options of the figures, built from data only (no chart library here): the views stay light.

/** A ranked figure as horizontal bars, best at the top, each labelled "1  宁乡镇" and with its value. */
export function rankingOption(figure: FigureMeta, ranked: Ranked<{ name: string }>[], color: string): EChartsCoreOption {
  const measured = ranked.filter((r) => r.value !== null).reverse() // ECharts draws the first category at the bottom
  return {
    grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatFigure(figure.unit, v) } },
    yAxis: { type: 'category', data: measured.map((r) => `${r.rank}  ${r.item.name}`) },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatFigure(figure.unit, v) },
    series: [
      {
        type: 'bar',
        name: figure.label,
        barMaxWidth: 28,
        data: measured.map((r) => r.value),
        itemStyle: { color },
        label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => formatFigure(figure.unit, value) },
      },
    ],
  }
}

/** A figure month by month, one line per series (the region's dashed). */
export function trendOption(
  figure: FigureMeta,
  months: string[],
  series: { name: string; values: (number | null)[]; region?: boolean }[],
): EChartsCoreOption {
  return {
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => formatFigure(figure.unit, v) },
    xAxis: {
      type: 'category',
      data: months.map((m, i) => monthLabel(m, i === 0 || m.endsWith('-01'))),
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatFigure(figure.unit, v) } },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      symbolSize: 6,
      lineStyle: s.region ? { type: 'dashed', width: 3 } : undefined,
    })),
  }
}

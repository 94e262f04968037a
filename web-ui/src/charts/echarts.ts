// ECharts with only the parts the figures draw (tree-shaken from echarts/core), in the chunks that chart.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

// SVG: crisp on any screen, and its text is in the page (found by tests and screen readers' find)
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export { echarts }
export type { EChartsCoreOption } from 'echarts/core'

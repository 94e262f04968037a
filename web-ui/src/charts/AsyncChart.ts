import { defineAsyncComponent } from 'vue'

/** The chart component, fetched with ECharts the first time a screen shows a chart. */
export const AsyncChart = defineAsyncComponent(() => import('./EChart.vue'))

/** The UI's primary colour (the township's, or Element Plus's), for charts that cannot read CSS variables. */
export function primaryColor(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--el-color-primary').trim() || '#409eff'
}

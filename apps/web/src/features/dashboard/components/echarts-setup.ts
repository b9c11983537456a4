/**
 * Apache ECharts with only what the dashboard draws (bar charts, grid, legend, tooltip, the SVG
 * renderer), loaded by `import()` from the chart components so it lands in its own chunk and only
 * the dashboard route downloads it. SVG rather than canvas: a few hundred bars render as crisply,
 * and it also draws in DOMs without canvas (happy-dom in the web tests).
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components'
// `use` renamed: it is ECharts' module registry, not React's `use` hook
import { init, use as registerModules, type ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'

registerModules([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type BarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>
export { init }

import { BarChart, LineChart } from 'echarts/charts'
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'

// Only the pieces the statistics page draws, so the lazy chart chunk stays small (UI.md: charts load on demand).
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer])

export interface ChartSeries {
  name: string
  kind: 'bar' | 'line'
  /** Counts on the left axis; rates (0–100 %) on the right one. */
  axis: 'count' | 'rate'
  values: (number | null)[]
}

/**
 * A bar/line chart over categories (units, towns, categories or months): counts as bars on the left axis, the
 * rates as lines in per cent on the right axis. Loaded lazily by the statistics page.
 */
export default function StatsChart({
  categories,
  series,
  height = 340,
  label,
}: {
  categories: string[]
  series: ChartSeries[]
  height?: number
  /** Accessible name of the chart (the canvas itself says nothing to a screen reader). */
  label: string
}) {
  const hasRate = series.some((s) => s.axis === 'rate')
  const option = {
    aria: { enabled: true, label: { description: label } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: hasRate ? 56 : 24, top: 40, bottom: categories.length > 8 ? 72 : 40 },
    dataZoom: categories.length > 12 ? [{ type: 'slider', height: 18, bottom: 8, endValue: 11 }] : [],
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0, width: 96, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      ...(hasRate ? [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }] : []),
    ],
    series: series.map((s) => ({
      name: s.name,
      type: s.kind,
      yAxisIndex: s.axis === 'rate' ? 1 : 0,
      data: s.values,
      barMaxWidth: 28,
      connectNulls: true,
      ...(s.axis === 'rate' ? { tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) } } : {}),
    })),
  }
  return (
    <div role="img" aria-label={label} data-testid="stats-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  )
}

import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'

// Only the pieces the profile draws, so the lazy chart chunk stays small (UI.md: charts load on demand).
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export interface ProfileBar {
  name: string
  value: number
  /** Left axis (万元) or right axis (people / counts). */
  axis: 'money' | 'count'
  color: string
}

/**
 * Bars of an enterprise's figures: money (万元) on the left axis, head counts on the right one. Loaded lazily by the
 * profile page. With `horizontal` it draws one series of counts per category (requests by module).
 */
export default function ProfileChart({
  bars,
  label,
  height = 260,
  moneyUnit,
  countUnit,
}: {
  bars: ProfileBar[]
  label: string
  height?: number
  moneyUnit: string
  countUnit: string
}) {
  const hasMoney = bars.some((b) => b.axis === 'money')
  const hasCount = bars.some((b) => b.axis === 'count')
  const option = {
    aria: { enabled: true, label: { description: label } },
    tooltip: { trigger: 'item' },
    grid: { left: 64, right: hasMoney && hasCount ? 56 : 24, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0 } },
    yAxis: [
      ...(hasMoney ? [{ type: 'value', name: moneyUnit }] : []),
      ...(hasCount ? [{ type: 'value', name: countUnit, minInterval: 1 }] : []),
    ],
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: bars.map((b) =>
          b.axis === 'money' || !hasMoney ? { value: b.value, itemStyle: { color: b.color } } : '-',
        ),
        yAxisIndex: 0,
        label: { show: true, position: 'top' },
      },
      ...(hasMoney && hasCount
        ? [
            {
              type: 'bar',
              barMaxWidth: 40,
              barGap: '-100%',
              data: bars.map((b) => (b.axis === 'count' ? { value: b.value, itemStyle: { color: b.color } } : '-')),
              yAxisIndex: 1,
              label: { show: true, position: 'top' },
            },
          ]
        : []),
    ],
  }
  return (
    <div role="img" aria-label={label} data-testid="profile-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  )
}

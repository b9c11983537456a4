/**
 * A bar chart drawn by ECharts (loaded on first mount, see echarts-setup.ts) at an explicit height
 * and the container's width (720 px when the container has none, as in happy-dom), resized with its
 * container. `onBarClick` gets the series index and the category index of a clicked bar.
 */
import { useEffect, useRef } from 'react'
import type { BarChartOption } from './echarts-setup.ts'

type Props = {
  option: BarChartOption
  height: number
  /** the chart's accessible name (the numbers themselves are in the tables beside it) */
  label: string
  onBarClick?: (seriesIndex: number, dataIndex: number) => void
}

export function BarChartView({ option, height, label, onBarClick }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const onClick = useRef(onBarClick)
  useEffect(() => {
    onClick.current = onBarClick
  })

  useEffect(() => {
    let isDisposed = false
    let dispose: (() => void) | undefined
    void import('./echarts-setup.ts').then(({ init }) => {
      const el = ref.current
      if (isDisposed || !el) return
      const chart = init(el, null, { renderer: 'svg', width: el.clientWidth || 720, height })
      chart.setOption(option)
      chart.on('click', (p) => onClick.current?.(p.seriesIndex ?? 0, p.dataIndex))
      const observer =
        typeof ResizeObserver === 'undefined'
          ? null
          : new ResizeObserver(() => chart.resize({ width: el.clientWidth || 720, height }))
      observer?.observe(el)
      dispose = () => {
        observer?.disconnect()
        chart.dispose()
      }
    })
    return () => {
      isDisposed = true
      dispose?.()
    }
  }, [option, height])

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
}

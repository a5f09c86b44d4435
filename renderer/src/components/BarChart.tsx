import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([Bars, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  data: number[];
  color?: string;
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
}

/** A bar chart (ECharts, canvas): categories along x, one bar per series; resizes with its box. */
export function BarChart({
  categories,
  series,
  height = 280,
  unit = '',
  label,
}: {
  categories: string[];
  series: Series[];
  height?: number;
  unit?: string;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        textStyle: { fontFamily: 'inherit' },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}${unit}` },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: categories.length > 8 ? 64 : 32 },
        xAxis: {
          type: 'category',
          data: categories,
          axisLabel: { interval: 0, rotate: categories.length > 8 ? 40 : 0 },
        },
        yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          data: s.data,
          stack: s.stack,
          itemStyle: s.color ? { color: s.color } : undefined,
          barMaxWidth: 28,
        })),
      },
      true,
    );
  }, [categories, series, unit]);
  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

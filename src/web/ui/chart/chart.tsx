import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatAxis, formatValue, type NumberKind } from '../number-format.ts';
import { TableScroll } from '../table-scroll.tsx';

// Tree-shaken: only what Visitator's charts use, drawn as SVG (sharp at any zoom, printable).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartSeries = {
  name: string;
  values: readonly (number | null)[];
  type?: 'bar' | 'line';
  /** Series with the same stack key are stacked (bars or areas). */
  stack?: string;
  /** A dashed line: told apart without colour (WCAG 1.4.1). */
  dashed?: boolean;
  color?: string;
};

export type ChartProps = {
  title: string;
  /** What the chart shows and what to notice, for screen readers and everyone else (shown under the chart). */
  description: string;
  /** The label of the category axis (the first column of the table). */
  categoryLabel: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  format?: NumberKind;
  height?: number;
  /** Show the table alternative open instead of folded. */
  tableOpen?: boolean;
  testId?: string;
};

/** DKFDS-friendly colours with enough contrast on white (≥ 3:1 for graphics). */
const PALETTE = ['#0059b3', '#008139', '#b35900', '#6b3fa0', '#a6192e', '#545454'];

/**
 * A chart (Apache ECharts, SVG) that always comes with its table alternative: the same numbers as a table under
 * the chart, in Danish number formats, so nothing is only visual. General: bars, lines and stacks; used by economy
 * and capacity and meant for the agreement dashboards.
 */
export function Chart({
  title,
  description,
  categoryLabel,
  categories,
  series,
  format = 'number',
  height = 280,
  tableOpen,
  testId,
}: ChartProps) {
  const { lang, t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const descriptionId = useId();

  // Redraw when the data changes, not when a parent re-renders with equal data.
  const data = JSON.stringify({ categories, series, format, lang });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `data` stands for categories, series, format and lang
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length] ?? '#0059b3'),
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { fontSize: 13 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatValue(v, format, lang) : '–'),
      },
      xAxis: { type: 'category', data: [...categories], axisLabel: { fontSize: 12, color: '#333' } },
      yAxis: {
        type: 'value',
        axisLabel: { fontSize: 12, color: '#333', formatter: (v: number) => formatAxis(v, format, lang) },
      },
      series: series.map((s) => ({
        name: s.name,
        type: s.type ?? 'bar',
        data: [...s.values],
        ...(s.stack ? { stack: s.stack } : {}),
        ...(s.type === 'line'
          ? { symbolSize: 6, connectNulls: false, lineStyle: { width: 2, type: s.dashed ? 'dashed' : 'solid' } }
          : {}),
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data]);

  return (
    <figure className="vt-chart" data-testid={testId}>
      <figcaption className="vt-chart__title">{title}</figcaption>
      <div role="img" aria-label={title} aria-describedby={descriptionId}>
        <div ref={ref} className="vt-chart__canvas" style={{ height }} />
      </div>
      <p id={descriptionId} className="vt-chart__description">
        {description}
      </p>
      <details className="vt-chart__table" open={tableOpen}>
        <summary>{t('chart.showTable')}</summary>
        <TableScroll label={title}>
          <table className="table table--compact">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {series.map((s) => (
                  <th scope="col" key={s.name} className="vt-num">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  {series.map((s) => (
                    <td key={s.name} className="vt-num">
                      {formatValue(s.values[i] ?? null, format, lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}

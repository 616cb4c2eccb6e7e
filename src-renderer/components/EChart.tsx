import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What was clicked: a data item (`dataIndex`) or, on an axis with `triggerEvent`, a label (`value`). */
export interface ChartClick {
  componentType: string;
  dataIndex?: number;
  value?: unknown;
}

interface Props {
  option: EChartsCoreOption;
  height?: number;
  /** For tests and screen readers. */
  ariaLabel?: string;
  /** Click-through from a bar, a point or an axis label. */
  onClick?: (e: ChartClick) => void;
}

/** Draws an option; `data-drawn` once its first frame is on the canvas: what tests and the bench wait for. */
function draw(instance: echarts.ECharts, el: HTMLElement, option: EChartsCoreOption, first: boolean): void {
  delete el.dataset.drawn;
  const drawn = () => {
    el.dataset.drawn = 'true';
    instance.off('rendered', drawn);
  };
  instance.off('rendered');
  instance.on('rendered', drawn);
  // The first drawing is shown at once: an entrance animation would hold the CPU for a second while the
  // screen's other charts and cards are still being drawn (issue 12 item 11); later changes animate.
  instance.setOption(first ? { ...option, animation: false } : option, { notMerge: true });
}

/**
 * A minimal React wrapper around ECharts: one instance per element, resized with its container.
 *
 * The chart is created in the first ResizeObserver callback, with the size the browser has just laid out,
 * and resized from the same callbacks: ECharts reading the element's size itself forces a layout of the
 * whole page each time (about a tenth of the dashboard's first opening, issue 12 item 11), and the
 * observer's first callback would otherwise draw every chart a second time.
 */
export function EChart({ option, height = 320, ariaLabel, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  const latest = useRef(option);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      if (width <= 0 || height <= 0) return; // hidden (a closed tab): drawn when it shows
      const instance = chart.current;
      if (!instance) {
        const created = echarts.init(el, undefined, { renderer: 'canvas', width, height });
        chart.current = created;
        created.on('click', (e) => click.current?.(e as unknown as ChartClick));
        draw(created, el, latest.current, true);
      } else if (instance.getWidth() !== width || instance.getHeight() !== height) {
        instance.resize({ width, height });
      }
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    const instance = chart.current;
    const el = ref.current;
    // Not created yet: the observer's first callback draws the latest option.
    if (instance && el) draw(instance, el, option, false);
  }, [option]);

  return <div ref={ref} className="wb-chart" style={{ width: '100%', height }} role="img" aria-label={ariaLabel} />;
}

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

/** A minimal React wrapper around ECharts: one instance per element, resized with its container. */
export function EChart({ option, height = 320, ariaLabel, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  const drawnOnce = useRef(false);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!ref.current) return undefined;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => click.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    const el = ref.current;
    if (!instance || !el) return undefined;
    delete el.dataset.drawn;
    // The first drawing is shown at once: an entrance animation would hold the CPU for a second while the
    // screen's other charts and cards are still being drawn (issue 12 item 11); later changes animate.
    const first = !drawnOnce.current;
    drawnOnce.current = true;
    instance.setOption(first ? { ...option, animation: false } : option, { notMerge: true });
    // `data-drawn` once this option's first frame is on the canvas: what tests and the bench wait for.
    const drawn = () => {
      el.dataset.drawn = 'true';
      instance.off('rendered', drawn);
    };
    instance.on('rendered', drawn);
    return () => {
      if (!instance.isDisposed()) instance.off('rendered', drawn);
    };
  }, [option]);

  return <div ref={ref} className="wb-chart" style={{ width: '100%', height }} role="img" aria-label={ariaLabel} />;
}

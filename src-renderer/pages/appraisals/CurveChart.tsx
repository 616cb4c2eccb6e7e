import { useMemo } from 'react';
import { EChart } from '../../components/EChart';

interface Props {
  curve: [number, number][];
  unit: string;
  label: string;
}

/** A data KPI's scoring curve (value → score), flat beyond the end points where it is capped. */
export function CurveChart({ curve, unit, label }: Props) {
  const option = useMemo(() => {
    const span = Math.max(1, curve[curve.length - 1][0] - curve[0][0]);
    const pad = span * 0.25;
    const data = [
      [curve[0][0] - pad, curve[0][1]],
      ...curve,
      [curve[curve.length - 1][0] + pad, curve[curve.length - 1][1]],
    ];
    return {
      grid: { left: 30, right: 8, top: 8, bottom: 20 },
      xAxis: {
        type: 'value',
        min: data[0][0],
        max: data[data.length - 1][0],
        axisLabel: { formatter: `{value}${unit}`, fontSize: 9 },
      },
      yAxis: { type: 'value', min: 0, axisLabel: { fontSize: 9 } },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'line', data, symbolSize: 5, lineStyle: { width: 2 } }],
    };
  }, [curve, unit]);
  return <EChart option={option} height={110} ariaLabel={label} />;
}

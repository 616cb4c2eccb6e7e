import { CustomChart, ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// The survey charts draw confidence intervals (custom whiskers, scatter points) and a zero line on top of
// what components/EChart.tsx registers; echarts.use is idempotent and global.
echarts.use([CustomChart, ScatterChart, MarkLineComponent]);

/** Low → high: red for the worst boxes, green for the best (satisfaction, NPS classes). */
export const SCALE_COLORS: Record<number, string[]> = {
  5: ['#d64545', '#f08c5a', '#c9ccd3', '#7cc28a', '#2f9e58'],
  7: ['#d64545', '#e8744f', '#f3a56b', '#c9ccd3', '#a3d3a9', '#6cbd7d', '#2f9e58'],
};
const NPS_COLORS = { detractor: '#d64545', passive: '#c9ccd3', promoter: '#2f9e58' };
export const NPS_VALUE_COLOR = (v: number) =>
  v >= 9 ? NPS_COLORS.promoter : v >= 7 ? NPS_COLORS.passive : NPS_COLORS.detractor;
export const BLUE = '#1f5fd6';

/** A customer segment and how its customers buy. */
export interface Segment {
  name: string;
  share: number;
  /** Multiplies order quantities. */
  scale: number;
  /** Usual discount range in percent. */
  discount: [number, number];
  visitDays: number;
  /** Order channels with their relative frequency. */
  channels: [string, number][];
  /** Relative preference for product categories (1 when absent). */
  affinity: Record<string, number>;
}

export const SEGMENTS: readonly Segment[] = [
  {
    name: '企业',
    share: 0.3,
    scale: 1.6,
    discount: [3, 8],
    visitDays: 30,
    channels: [
      ['直销', 8],
      ['线上商城', 1],
      ['渠道', 1],
    ],
    affinity: { 智能终端: 1.4, 软件平台: 1.4, 服务器: 1.3, 云服务: 1.2 },
  },
  {
    name: '中小企业',
    share: 0.35,
    scale: 0.8,
    discount: [0, 5],
    visitDays: 60,
    channels: [
      ['直销', 6],
      ['线上商城', 3],
      ['渠道', 1],
    ],
    affinity: { 门禁考勤: 1.3, 网络设备: 1.2, 服务器: 0.4, 软件平台: 0.6 },
  },
  {
    name: '政府',
    share: 0.15,
    scale: 1.4,
    discount: [5, 10],
    visitDays: 45,
    channels: [
      ['招投标', 7],
      ['直销', 3],
    ],
    affinity: { 安防监控: 1.4, 门禁考勤: 1.2, 软件平台: 1.5, 服务: 1.2 },
  },
  {
    name: '经销商',
    share: 0.1,
    scale: 2.2,
    discount: [12, 18],
    visitDays: 30,
    channels: [['渠道', 1]],
    affinity: { 安防监控: 1.6, 网络设备: 1.5, 配件耗材: 1.5, 服务: 0.3, 软件平台: 0.5 },
  },
  {
    name: '个人',
    share: 0.1,
    scale: 0.25,
    discount: [0, 2],
    visitDays: 90,
    channels: [
      ['线上商城', 6],
      ['直销', 4],
    ],
    affinity: { 安防监控: 1.5, 配件耗材: 1.5, 网络设备: 1.2, 云服务: 1.2, 智能终端: 0.3, 服务器: 0, 软件平台: 0 },
  },
];

export const SEGMENT_INDEX = { enterprise: 0, sme: 1, government: 2, dealer: 3, individual: 4 } as const;

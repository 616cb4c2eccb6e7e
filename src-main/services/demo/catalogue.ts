import type { Database } from 'better-sqlite3';

/** One product of the demo catalogue (prices in yuan here; stored in fen). */
interface DemoProduct {
  code: string;
  name: string;
  category: string;
  positioning: string;
  listYuan: number;
  costYuan: number;
  /** Relative number of orders. */
  weight: number;
  /** Typical quantity range of one order. */
  qtyMin: number;
  qtyMax: number;
}

const P = (
  code: string,
  name: string,
  category: string,
  positioning: string,
  listYuan: number,
  costYuan: number,
  weight: number,
  qtyMin: number,
  qtyMax: number,
): DemoProduct => ({
  code,
  name,
  category,
  positioning,
  listYuan,
  costYuan,
  weight,
  qtyMin,
  qtyMax,
});

/** A smart-building equipment maker's catalogue: terminals, access control, video, network, software and services. */
export const PRODUCTS: readonly DemoProduct[] = [
  P('P001', '智能会议平板 65英寸', '智能终端', '中端主力', 12800, 8300, 6, 1, 6),
  P('P002', '智能会议平板 86英寸', '智能终端', '高端旗舰', 25800, 16500, 3, 1, 4),
  P('P003', '人脸识别考勤机 F3', '门禁考勤', '入门走量', 1280, 620, 9, 2, 30),
  P('P004', '人脸识别门禁一体机 F8', '门禁考勤', '中端主力', 3680, 2050, 8, 2, 20),
  P('P005', '人行通道闸机 G5', '门禁考勤', '项目型', 18600, 11800, 2, 2, 8),
  P('P006', '网络摄像机 400万像素', '安防监控', '入门走量', 680, 360, 10, 8, 120),
  P('P007', '星光级球机 800万像素', '安防监控', '中端主力', 4980, 2990, 6, 2, 20),
  P('P008', '网络硬盘录像机 32路', '安防监控', '中端', 6500, 4100, 5, 1, 6),
  P('P009', '千兆PoE交换机 24口', '网络设备', '走量', 2380, 1450, 7, 1, 12),
  P('P010', '企业级无线AP', '网络设备', '走量', 980, 520, 7, 4, 60),
  P('P011', '边缘计算服务器 E200', '服务器', '高端', 48000, 33500, 1.5, 1, 4),
  P('P012', '智慧园区管理平台（授权）', '软件平台', '战略产品', 36000, 6000, 1.5, 1, 3),
  P('P013', '访客管理系统（年度订阅）', '软件平台', '战略新品', 9800, 1500, 3, 1, 5),
  P('P014', '云存储服务（每TB·年）', '云服务', '增值服务', 1200, 520, 4, 2, 40),
  P('P015', '安装调试服务（人天）', '服务', '配套服务', 1500, 900, 6, 1, 20),
  P('P016', '三年延保服务包', '服务', '增值服务', 2800, 600, 4, 1, 20),
  P('P017', 'IC门禁卡（百张装）', '配件耗材', '耗材', 260, 110, 6, 1, 30),
  P('P018', '监控级硬盘 8TB', '配件耗材', '耗材', 1680, 1220, 5, 2, 32),
  P('P019', '智能储物柜 24门', '智能终端', '中端', 15800, 9900, 2, 1, 6),
  P('P020', 'AI行为分析盒子', '安防监控', '战略新品', 8800, 4600, 3, 1, 10),
];

/** Writes the catalogue; product ids are 1..n in catalogue order. */
export function insertProducts(db: Database, createdAt: string): number {
  const stmt = db.prepare(
    'INSERT INTO products (id, code, name, category, positioning, list_price, cost, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)',
  );
  PRODUCTS.forEach((p, i) =>
    stmt.run(i + 1, p.code, p.name, p.category, p.positioning, p.listYuan * 100, p.costYuan * 100, createdAt),
  );
  return PRODUCTS.length;
}

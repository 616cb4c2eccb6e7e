/** A regional sales team of the demo: its name, the area it covers and its relative headcount. */
interface TeamPlan {
  name: string;
  /** The large region (华东, 华北…) the team belongs to. */
  area: string;
  provinces: string[];
  weight: number;
}

/** How big each demo company is. */
export interface DemoSize {
  teams: TeamPlan[];
  /** Everyone in sales, including the director (and, with several areas, the area directors). */
  staff: number;
  /** People who left during the two years (status 'inactive'). */
  leavers: number;
  /** People hired during last year (they ramp up and have a short history). */
  newHires: number;
  customers: number;
  orders: number;
  /** Average order value in yuan (sets the company's revenue: small ≈ ¥1亿 a year). */
  averageOrderYuan: number;
  tickets: number;
  /** Survey responses wanted; the small survey asks each customer at most once. */
  responses: number;
  /** The large survey asks ~20 questions, the small one 10. */
  longSurvey: boolean;
  /** With more than one area, area directors sit between the director and the team managers. */
  areaDirectors: boolean;
}

const T = (name: string, area: string, provinces: string[], weight: number): TeamPlan => ({
  name,
  area,
  provinces,
  weight,
});

export const SIZES: Record<'small' | 'large', DemoSize> = {
  small: {
    teams: [
      T('华东区', '华东', ['上海', '江苏', '浙江', '安徽'], 7),
      T('华北区', '华北', ['北京', '天津', '河北', '山东'], 7),
      T('华南区', '华南', ['广东', '福建', '广西'], 6),
    ],
    staff: 24,
    leavers: 2,
    newHires: 2,
    customers: 300,
    orders: 8_000,
    averageOrderYuan: 24_000,
    tickets: 150,
    responses: 260,
    longSurvey: false,
    areaDirectors: false,
  },
  large: {
    teams: [
      T('上海一部', '华东', ['上海'], 1.3),
      T('上海二部', '华东', ['上海'], 1.2),
      T('苏南部', '华东', ['江苏'], 1.2),
      T('苏北部', '华东', ['江苏'], 0.9),
      T('杭州部', '华东', ['浙江'], 1.1),
      T('宁波部', '华东', ['浙江'], 0.9),
      T('皖赣部', '华东', ['安徽', '江西'], 0.9),
      T('山东部', '华东', ['山东'], 1.1),
      T('北京一部', '华北', ['北京'], 1.3),
      T('北京二部', '华北', ['北京'], 1.1),
      T('津冀部', '华北', ['天津', '河北'], 1.0),
      T('晋蒙部', '华北', ['山西', '内蒙古'], 0.7),
      T('广州部', '华南', ['广东'], 1.2),
      T('深圳部', '华南', ['广东'], 1.3),
      T('福建部', '华南', ['福建'], 1.0),
      T('桂琼部', '华南', ['广西', '海南'], 0.7),
      T('湖北部', '华中', ['湖北'], 1.0),
      T('湖南部', '华中', ['湖南'], 0.9),
      T('河南部', '华中', ['河南'], 0.9),
      T('川渝部', '西南', ['四川', '重庆'], 1.1),
      T('云贵部', '西南', ['云南', '贵州'], 0.8),
      T('陕西部', '西北', ['陕西'], 0.8),
      T('甘宁青新部', '西北', ['甘肃', '宁夏', '青海', '新疆'], 0.6),
      T('辽宁部', '东北', ['辽宁'], 0.8),
      T('吉黑部', '东北', ['吉林', '黑龙江'], 0.7),
    ],
    staff: 1_000,
    leavers: 30,
    newHires: 50,
    customers: 20_000,
    orders: 1_000_000,
    averageOrderYuan: 9_000,
    tickets: 10_000,
    responses: 100_000,
    longSurvey: true,
    areaDirectors: true,
  },
};

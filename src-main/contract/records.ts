import { empty, pageRequest, type Page } from './common';
import { op } from './define';

export interface CustomerRow {
  id: number;
  code: string | null;
  name: string;
  stage: string;
  segment: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  ownerName: string | null;
  ownerNo: string | null;
  contactName: string | null;
  phone: string | null;
  orders: number;
  revenue: number;
  lastOrderDate: string | null;
}

export interface OrderRow {
  id: number;
  orderNo: string;
  /** The line within the order (1, 2, 3…): each row is one order line (P2.6). */
  line: number;
  date: string;
  customerName: string | null;
  salespersonName: string | null;
  salespersonNo: string | null;
  teamName: string | null;
  productName: string | null;
  category: string | null;
  quantity: number;
  /** yuan */
  unitPrice: number;
  amount: number;
  profit: number | null;
  channel: string | null;
}

export interface DashboardSummary {
  year: number;
  months: { month: number; sales: number; lastYear: number; profit: number }[];
  ytdSales: number;
  ytdLastYear: number;
  ytdProfit: number;
  activeStaff: number;
  customers: number;
  openTickets: number;
  topPeople: { employeeNo: string; name: string; team: string | null; sales: number }[];
  teams: { name: string; sales: number }[];
}

export const recordOps = {
  'customers/page': op<Page<CustomerRow>>()(pageRequest.strict()),
  'orders/page': op<Page<OrderRow>>()(pageRequest.strict()),
  'dashboard/summary': op<DashboardSummary>()(empty),
};

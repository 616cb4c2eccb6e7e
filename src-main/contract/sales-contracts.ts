import { z } from 'zod';
import { employeeNo } from './team';
import { empty, id, isoDate, optionalDate, optionalText } from './common';
import { op } from './define';
import { fileIn, type FileOut } from './files';

/** P3.3: a contract's life; completed and terminated end it. */
export const CONTRACT_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'signed',
  'in_force',
  'completed',
  'terminated',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** P3.3: what the review checks before approval. */
export const CHECKLIST_ITEMS = ['price', 'payment', 'delivery', 'penalty', 'legal'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/** The approval a contract needs: none beyond review, the owner's manager, or the manager and the second approver. */
export type ApprovalLevel = 'standard' | 'manager' | 'second';

/**
 * P2.4 → P3.3: the strategy's discount band that applied to the contract's discount, from the one
 * definition (`strategy/discount-check`): the band's approver raises the rule to the manager ('manager')
 * or to the second approver ('director', 'general-manager'); a discount beyond the last band is not
 * allowed, and the contract cannot be approved.
 */
export interface StrategyBandCheck {
  year: number;
  productLine: string;
  /** where the line came from: the contract itself, or its opportunity's product */
  lineFrom: 'contract' | 'opportunity';
  discountPct: number;
  allowed: boolean;
  approver: 'salesperson' | 'manager' | 'director' | 'general-manager' | null;
  maxDiscountPct: number | null;
}

export interface ApprovalRule {
  level: ApprovalLevel;
  /**
   * why: which thresholds the contract passes ('discount', 'amount', 'payment', 'second-discount',
   * 'second-amount', and from the strategy 'strategy-manager', 'strategy-second', 'strategy-beyond')
   */
  reasons: string[];
  /** the roles still to approve, in order */
  pending: ('manager' | 'second')[];
  /** the strategy's band, when the contract has a discount and its product line a strategy for the year */
  strategy: StrategyBandCheck | null;
}

export interface ContractSettings {
  /** percent; a discount above it needs the manager */
  managerDiscountPct: number;
  /** yuan; an amount above it needs the manager */
  managerAmount: number;
  secondDiscountPct: number;
  secondAmount: number;
  /** employee number of the second approver named in Settings */
  secondApprover: string | null;
}

export interface Instalment {
  id: number;
  seq: number;
  dueDate: string;
  amount: number;
  paidDate: string | null;
}

export interface ContractRow {
  id: number;
  contractNo: string;
  customerId: number;
  customerName: string;
  ownerId: number | null;
  ownerName: string | null;
  ownerNo: string | null;
  opportunityId: number | null;
  /** the product line whose strategy's discount bands apply (P2.4); null: the opportunity's product's, if any */
  productLine: string | null;
  amount: number;
  listAmount: number | null;
  /** percent off the list price, null without a list amount */
  discountPct: number | null;
  products: string | null;
  standardPayment: boolean;
  paymentTerms: string | null;
  deliveryTerms: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ContractStatus;
  signedDate: string | null;
  rule: ApprovalRule;
  checklist: Record<ChecklistItem, boolean> | null;
  checklistBy: string | null;
  approvals: { role: 'manager' | 'second'; approver: string; at: string }[];
}

export interface ContractDetail extends ContractRow {
  instalments: Instalment[];
  files: { id: number; name: string; sha256: string; bytes: number; addedAt: string; path: string }[];
}

export interface Receivable {
  contractNo: string;
  customerName: string;
  ownerName: string | null;
  seq: number;
  dueDate: string;
  amount: number;
  overdueDays: number;
  state: 'due' | 'overdue';
}

const yuan = z.number().positive().max(1e12);
const contractRef = z.union([id, z.string().trim().min(1).max(50)]);

export const contractFields = z.object({
  contractNo: z.string().trim().min(1).max(50),
  customerId: id,
  ownerId: id.nullish(),
  opportunityId: id.nullish(),
  amount: yuan,
  listAmount: yuan.nullish(),
  productLine: optionalText(100),
  products: optionalText(500),
  standardPayment: z.boolean().default(true),
  paymentTerms: optionalText(500),
  deliveryTerms: optionalText(500),
  startDate: optionalDate,
  endDate: optionalDate,
  instalments: z
    .array(z.object({ dueDate: isoDate, amount: yuan }).strict())
    .min(1)
    .max(60),
});

export const salesContractOps = {
  'contracts/settings': op<ContractSettings>()(empty),
  'contracts/set-settings': op<ContractSettings>()(
    z
      .object({
        managerDiscountPct: z.number().min(0).max(100).optional(),
        managerAmount: z.number().min(0).optional(),
        secondDiscountPct: z.number().min(0).max(100).optional(),
        secondAmount: z.number().min(0).optional(),
        secondApprover: employeeNo.nullish(),
      })
      .strict(),
    { mutates: true },
  ),
  'contracts/list': op<ContractRow[]>()(
    z
      .object({ status: z.enum(CONTRACT_STATUSES).optional(), ownerId: id.optional() })
      .strict()
      .default({}),
  ),
  'contracts/get': op<ContractDetail>()(z.object({ contract: contractRef }).strict()),
  'contracts/create': op<ContractDetail>()(contractFields.strict(), { mutates: true }),
  'contracts/checklist': op<ContractDetail>()(
    z
      .object({
        contract: contractRef,
        items: z.partialRecord(z.enum(CHECKLIST_ITEMS), z.boolean()),
        note: optionalText(500),
      })
      .strict(),
    { mutates: true },
  ),
  'contracts/submit': op<ContractDetail>()(z.object({ contract: contractRef }).strict(), { mutates: true }),
  'contracts/approve': op<ContractDetail>()(z.object({ contract: contractRef, as: employeeNo.optional() }).strict(), {
    mutates: true,
  }),
  'contracts/reject': op<ContractDetail>()(
    z.object({ contract: contractRef, reason: z.string().trim().min(1).max(500) }).strict(),
    { mutates: true },
  ),
  'contracts/set-status': op<ContractDetail>()(
    z
      .object({
        contract: contractRef,
        status: z.enum(['signed', 'in_force', 'completed', 'terminated']),
        date: isoDate.optional(),
        reason: optionalText(500),
      })
      .strict(),
    { mutates: true },
  ),
  'contracts/pay': op<ContractDetail>()(
    z.object({ contract: contractRef, seq: z.number().int().min(1), paidDate: isoDate }).strict(),
    { mutates: true },
  ),
  'contracts/attach': op<ContractDetail>()(
    z.object({ contract: contractRef, file: fileIn, name: optionalText(200) }).strict(),
    { mutates: true },
  ),
  /**
   * P3.3: a signed scan's bytes, after its SHA-256 is checked against the one recorded when it was attached
   * (`contracts/scan-changed` otherwise): the browser saves it as a download. `stored` is its place in the
   * data folder, relative; no door names a disk path.
   */
  'contracts/scan': op<FileOut & { sha256: string; stored: string }>()(
    z.object({ contract: contractRef, fileId: id }).strict(),
  ),
  /** Desktop only: the checked scan opened with the system's viewer (src-main/electron/scan-viewer.ts). */
  'contracts/open-scan': op<{ opened: boolean; name: string }>()(
    z.object({ contract: contractRef, fileId: id }).strict(),
    { doors: ['ipc'] },
  ),
  'contracts/receivables': op<Receivable[]>()(
    z
      .object({ asOf: isoDate.optional(), withinDays: z.number().int().min(0).max(365).default(30) })
      .strict()
      .default({ withinDays: 30 }),
  ),
  'contracts/renewals': op<ContractRow[]>()(
    z
      .object({ asOf: isoDate.optional(), withinDays: z.number().int().min(1).max(365).default(90) })
      .strict()
      .default({ withinDays: 90 }),
  ),
};

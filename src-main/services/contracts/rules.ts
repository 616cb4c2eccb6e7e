import type { Database } from 'better-sqlite3';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { ApprovalRule, ContractSettings, StrategyBandCheck } from '../../contract/sales-contracts';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { discountApprover } from '../plans/market';
import { getSetting, putSetting } from '../system/settings';

const KEY = 'contracts.settings';

/** P3.3: the company's thresholds (editable in Settings); amounts in yuan. */
export const DEFAULT_CONTRACT_SETTINGS: ContractSettings = {
  managerDiscountPct: 10,
  managerAmount: 500_000,
  secondDiscountPct: 20,
  secondAmount: 2_000_000,
  secondApprover: null,
};

export function contractSettings(db: Database): ContractSettings {
  const raw = getSetting(db, KEY);
  return raw
    ? { ...DEFAULT_CONTRACT_SETTINGS, ...(JSON.parse(raw) as Partial<ContractSettings>) }
    : DEFAULT_CONTRACT_SETTINGS;
}

export function setContractSettings(
  ctx: ServiceContext,
  input: ParsedInput<'contracts/set-settings'>,
): ContractSettings {
  return ctx.db.transaction(() => {
    const before = contractSettings(ctx.db);
    const after: ContractSettings = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    if (
      after.secondApprover &&
      !ctx.db.prepare('SELECT 1 FROM staff WHERE employee_no = ?').get(after.secondApprover)
    ) {
      throw new WorkbenchError('contracts/unknown-approver', { employeeNo: after.secondApprover });
    }
    if (after.secondAmount < after.managerAmount || after.secondDiscountPct < after.managerDiscountPct)
      throw new WorkbenchError('contracts/thresholds-order');
    putSetting(ctx.db, KEY, JSON.stringify(after));
    audit(ctx.db, { actor: ctx.actor, entity: 'settings', entityId: KEY, oldValue: before, newValue: after });
    return after;
  })();
}

/** Percent off the list price, to two decimals; null without a list amount. */
export function discountPct(amountFen: number, listFen: number | null): number | null {
  if (!listFen || listFen <= 0) return null;
  return Math.round(((listFen - amountFen) / listFen) * 10000) / 100;
}

/**
 * P2.4 → P3.3: the strategy's discount band for a contract, through the one definition
 * (`discountApprover`, services/plans/market.ts): the year is the contract's start (else its creation),
 * the line its own or its opportunity's product's. Null when there is no discount to check, no line, or
 * no strategy for that line and year.
 */
export function strategyBand(
  db: Database,
  c: {
    amountFen: number;
    listFen: number | null;
    productLine: string | null;
    lineFrom: 'contract' | 'opportunity';
    year: number;
  },
): StrategyBandCheck | null {
  const discount = discountPct(c.amountFen, c.listFen);
  if (discount === null || !c.productLine) return null;
  const r = discountApprover(db, c.year, c.productLine, Math.max(0, discount));
  if (!r.strategy) return null;
  return {
    year: c.year,
    productLine: c.productLine,
    lineFrom: c.lineFrom,
    discountPct: discount,
    allowed: r.allowed,
    approver: r.approver,
    maxDiscountPct: r.band?.maxDiscountPct ?? null,
  };
}

/**
 * P3.3: which approval a contract needs. A threshold is passed only when the value is strictly above it
 * ("above a discount or amount threshold"): a contract exactly at a threshold stays below it. Non-standard
 * payment terms always need the manager. Above the higher thresholds the second approver signs too. The
 * strategy's band (P2.4) can only raise the level: its 'manager' needs the manager, its 'director' or
 * 'general-manager' the second approver; beyond its last band the contract cannot be approved.
 */
export function approvalRule(
  c: { amountFen: number; listFen: number | null; standardPayment: boolean },
  s: ContractSettings,
  approved: ('manager' | 'second')[] = [],
  strategy: StrategyBandCheck | null = null,
): ApprovalRule {
  const discount = discountPct(c.amountFen, c.listFen) ?? 0;
  const amount = c.amountFen / 100;
  const reasons: string[] = [];
  if (discount > s.managerDiscountPct) reasons.push('discount');
  if (amount > s.managerAmount) reasons.push('amount');
  if (!c.standardPayment) reasons.push('payment');
  if (strategy?.approver === 'manager') reasons.push('strategy-manager');
  if (strategy && !strategy.allowed) reasons.push('strategy-beyond');
  const second: string[] = [];
  if (discount > s.secondDiscountPct) second.push('second-discount');
  if (amount > s.secondAmount) second.push('second-amount');
  if (strategy?.approver === 'director' || strategy?.approver === 'general-manager') second.push('strategy-second');
  const level = second.length ? 'second' : reasons.length ? 'manager' : 'standard';
  const roles: ('manager' | 'second')[] = level === 'second' ? ['manager', 'second'] : ['manager'];
  return { level, reasons: [...reasons, ...second], pending: roles.filter((r) => !approved.includes(r)), strategy };
}

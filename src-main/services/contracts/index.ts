import { salesContractOps } from '../../contract/sales-contracts';
import type { HandlersOf } from '../handler-types';
import { WorkbenchError } from '../../contract/errors';
import { attachScan, readScan, receivables, renewals } from './money';
import { contractSettings, setContractSettings } from './rules';
import { getContract, listContracts } from './store';
import {
  approveContract,
  createContract,
  payInstalment,
  rejectContract,
  saveChecklist,
  setContractStatus,
  submitContract,
} from './workflow';

export const salesContractHandlers = {
  'contracts/settings': (ctx) => contractSettings(ctx.db),
  'contracts/set-settings': (ctx, input) => setContractSettings(ctx, input),
  'contracts/list': (ctx, input) => listContracts(ctx.db, input),
  'contracts/get': (ctx, input) => getContract(ctx.db, input.contract),
  'contracts/create': (ctx, input) => createContract(ctx, input),
  'contracts/checklist': (ctx, input) => saveChecklist(ctx, input),
  'contracts/submit': (ctx, input) => submitContract(ctx, input),
  'contracts/approve': (ctx, input) => approveContract(ctx, input),
  'contracts/reject': (ctx, input) => rejectContract(ctx, input),
  'contracts/set-status': (ctx, input) => setContractStatus(ctx, input),
  'contracts/pay': (ctx, input) => payInstalment(ctx, input),
  'contracts/attach': (ctx, input) => attachScan(ctx, input),
  'contracts/scan': (ctx, input) => readScan(ctx, input),
  // the desktop's main process answers this itself (src-main/electron/scan-viewer.ts); elsewhere the scan downloads
  'contracts/open-scan': () => {
    throw new WorkbenchError('contracts/open-desktop-only');
  },
  'contracts/receivables': (ctx, input) => receivables(ctx.db, input),
  'contracts/renewals': (ctx, input) => renewals(ctx.db, input),
} satisfies HandlersOf<typeof salesContractOps>;

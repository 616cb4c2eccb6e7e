import type { QueryClient } from '@tanstack/react-query';
import type { AppraisalComputed, AppraisalShow } from '../../../src-main/contract/appraisal';
import { opKey, useOpMutation } from '../../backend/useOp';
import { computedShow } from './computedShow';

/** Sets the quarter's appraisal from the computation's answer; answers the key it set (none when it could not). */
export function applyComputed(queryClient: QueryClient, c: AppraisalComputed): readonly (readonly unknown[])[] {
  const key = opKey('appraisal/show', { quarter: c.quarter });
  const next = computedShow(queryClient.getQueryData<AppraisalShow>(key), c);
  if (!next) return [];
  // a fetch of the appraisal under way may have been answered before the computation ran: older than this
  void queryClient.cancelQueries({ queryKey: key, exact: true });
  queryClient.setQueryData(key, next);
  return [key];
}

/** The appraisal's computation, as the workflow bar and the empty page start it. */
export const useComputeAppraisal = () =>
  useOpMutation('appraisal/compute', { update: (queryClient, value) => applyComputed(queryClient, value) });

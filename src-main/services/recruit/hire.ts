import dayjs from 'dayjs';
import type { ParsedInput } from '../../contract';
import { WorkbenchError } from '../../contract/errors';
import type { Candidate } from '../../contract/recruit';
import type { StaffMember } from '../../contract/team';
import { audit } from '../audit';
import type { ServiceContext } from '../context';
import { createStaff, getStaff } from '../team/staff';
import { getCandidate } from './candidates';
import { getPlan, staffIdOf } from './plans';

/** An offer, made after at least one interview and not before the application. */
export function makeOffer(ctx: ServiceContext, input: ParsedInput<'recruit/offer'>): Candidate {
  const { db } = ctx;
  return db.transaction(() => {
    const c = getCandidate(db, input.candidateId);
    if (c.status === 'hired' || c.status === 'rejected')
      throw new WorkbenchError('recruit/offer-not-open', { name: c.name });
    const last = db.prepare('SELECT max(date) FROM interviews WHERE candidate_id = ?').pluck().get(c.id) as
      string | null;
    if (!last) throw new WorkbenchError('recruit/offer-without-interview', { name: c.name });
    if (input.date < last)
      throw new WorkbenchError('recruit/offer-before-interview', { date: input.date, interview: last });
    db.prepare(
      "UPDATE candidates SET offer_date = ?, offer_response = NULL, offer_reason = NULL, status = 'offer' WHERE id = ?",
    ).run(input.date, c.id);
    audit(db, {
      actor: ctx.actor,
      entity: 'candidate',
      entityId: c.id,
      field: 'offer',
      oldValue: c.offerDate,
      newValue: input.date,
    });
    return getCandidate(db, c.id);
  })();
}

/** The candidate's answer to the offer; a declined offer keeps its reason for the funnel's lessons. */
export function offerResponse(ctx: ServiceContext, input: ParsedInput<'recruit/offer-response'>): Candidate {
  const { db } = ctx;
  return db.transaction(() => {
    const c = getCandidate(db, input.candidateId);
    if (c.status !== 'offer' || !c.offerDate) throw new WorkbenchError('recruit/no-offer', { name: c.name });
    if (input.response === 'declined' && !input.reason) throw new WorkbenchError('recruit/reason-required');
    db.prepare('UPDATE candidates SET offer_response = ?, offer_reason = ? WHERE id = ?').run(
      input.response,
      input.reason ?? null,
      c.id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'candidate',
      entityId: c.id,
      field: 'offer_response',
      oldValue: c.offerResponse,
      newValue: input.response,
      reason: input.reason ?? null,
    });
    return getCandidate(db, c.id);
  })();
}

/**
 * Hire: an accepted offer becomes exactly one staff record — name, phone and e-mail from the candidate,
 * team and title from the plan unless given, the start date and the end of probation. A second hire of
 * the same candidate is refused.
 */
export function hire(
  ctx: ServiceContext,
  input: ParsedInput<'recruit/hire'>,
): { candidate: Candidate; staff: StaffMember } {
  const { db } = ctx;
  return db.transaction(() => {
    const c = getCandidate(db, input.candidateId);
    if (c.employeeNo) throw new WorkbenchError('recruit/already-hired', { name: c.name });
    if (c.offerResponse !== 'accepted') throw new WorkbenchError('recruit/offer-not-accepted', { name: c.name });
    if (c.offerDate && input.startDate < c.offerDate)
      throw new WorkbenchError('recruit/start-before-offer', { date: input.startDate, offer: c.offerDate });
    const plan = getPlan(db, c.planId!);
    const managerId = input.manager
      ? staffIdOf(db, input.manager)
      : ((db
          .prepare('SELECT manager_id FROM teams WHERE id = ?')
          .pluck()
          .get(input.teamId ?? plan.teamId ?? -1) as number | null | undefined) ?? null);
    const staff = createStaff(ctx, {
      employeeNo: input.employeeNo,
      name: c.name,
      teamId: input.teamId ?? plan.teamId,
      title: input.title ?? plan.jobTitle,
      managerId,
      hireDate: input.startDate,
      phone: c.phone,
      email: c.email,
    });
    const probationEnd = dayjs(input.startDate)
      .add(input.probationMonths, 'month')
      .subtract(1, 'day')
      .format('YYYY-MM-DD');
    db.prepare('UPDATE staff SET probation_end = ? WHERE id = ?').run(probationEnd, staff.id);
    db.prepare("UPDATE candidates SET staff_id = ?, hired_date = ?, status = 'hired' WHERE id = ?").run(
      staff.id,
      input.startDate,
      c.id,
    );
    audit(db, {
      actor: ctx.actor,
      entity: 'candidate',
      entityId: c.id,
      field: 'hired',
      newValue: { employeeNo: staff.employeeNo, startDate: input.startDate, probationEnd },
    });
    return { candidate: getCandidate(db, c.id), staff: getStaff(db, staff.id) };
  })();
}

/**
 * Who may manage clinicians, and how. The clinic owner (its first clinician) and administrators
 * add clinicians, deactivate and reactivate them, give them a new password and grant or remove
 * administrator; a clinician changes only their own password and details.
 *
 * Every administrative act:
 * - is allowed by the acting clinician's role as stored in the records (read here, in the main
 *   process; nothing the page says about roles is trusted);
 * - asks for the acting clinician's own password again (`session.reauthenticate`, throttled like
 *   sign-in), so an unlocked screen left for a minute is not an administrator's account;
 * - is audited in the same transaction as the change;
 * - never leaves the clinic without an active administrator.
 * The owner is always an administrator, cannot be deactivated, and only the owner changes the
 * owner's password (or the recovery key does).
 */
import type { z } from 'zod';
import type {
  ClinicianCreate,
  ClinicianSetActive,
  ClinicianSetPassword,
  ClinicianSetRole,
  ClinicianUpdate,
  ClinicianWithAccess,
  Clinician,
} from '../../../shared/domain/settings';
import { passwordStrengthProblem } from '../../../shared/domain/password-strength';
import { createClinician, getClinician, requireSettings, updateClinician } from '../../records/clinic';
import {
  activeAdministrators,
  isAdministratorRole,
  roleOf,
  rolesById,
  setActive,
  setRole,
} from '../../records/clinician-roles';
import { AppError } from '../../util/errors';
import type { ClinicContext } from '../handler-types';

type Ctx = Pick<ClinicContext, 'db' | 'clock' | 'clinician' | 'session'>;

const LAST_ADMINISTRATOR = 'You are the last administrator: make someone else administrator first.';

/** The clinicians with their role and whether they can sign in. */
export function withRoles(ctx: Ctx, clinicians: Clinician[]): ClinicianWithAccess[] {
  const roles = rolesById(ctx.db);
  return ctx.session.withAccess(clinicians).map((c) => ({ ...c, role: roles.get(c.id) ?? 'clinician' }));
}

function one(ctx: Ctx, id: number): ClinicianWithAccess {
  return withRoles(ctx, [getClinician(ctx.db, id)])[0]!;
}

/** Refuses anyone but the owner and administrators (their role as the records hold it now). */
export function requireAdministrator(ctx: Ctx): void {
  if (!isAdministratorRole(roleOf(ctx.db, ctx.clinician.id))) {
    throw new AppError(
      'forbidden',
      'Only the clinic owner or an administrator can manage clinicians. Ask one of them; you can change your own password under “Change my password”.',
    );
  }
}

/** The acting clinician's password, checked again in main before any administrative act. */
async function confirm(ctx: Ctx, yourPassword: string | undefined): Promise<void> {
  if (!yourPassword) {
    const message = 'Enter your own password to confirm this change.';
    throw new AppError('invalid_request', message, { yourPassword: message });
  }
  await ctx.session.reauthenticate(yourPassword);
}

function refuse(message: string, field?: string): never {
  throw new AppError('conflict', message, field ? { [field]: message } : undefined);
}

export async function addClinician(ctx: Ctx, req: z.infer<typeof ClinicianCreate>): Promise<ClinicianWithAccess> {
  requireAdministrator(ctx);
  ctx.session.requireKeys();
  // Check the new password before anything is written, so a refused request changes nothing.
  const problem = await passwordStrengthProblem(req.password, {
    clinicianName: req.clinician.name,
    clinicName: requireSettings(ctx.db).clinicName,
  });
  if (problem) throw new AppError('invalid_request', problem, { password: problem });
  await confirm(ctx, req.yourPassword);
  requireAdministrator(ctx); // the role may have changed while the password was checked
  const created = createClinician(ctx.db, ctx.clock, ctx.clinician.id, req.clinician);
  await ctx.session.setClinicianPassword(created.id, req.password);
  return one(ctx, created.id);
}

export async function updateDetails(ctx: Ctx, req: z.infer<typeof ClinicianUpdate>): Promise<ClinicianWithAccess> {
  const self = req.id === ctx.clinician.id;
  if (!self) {
    requireAdministrator(ctx);
    await confirm(ctx, req.yourPassword);
    requireAdministrator(ctx);
  }
  const before = getClinician(ctx.db, req.id);
  const updated = updateClinician(ctx.db, ctx.clock, ctx.clinician.id, req.id, req.changes, before.active);
  if (updated.active) ctx.session.renameClinicianAccess(updated.id, updated.name);
  return one(ctx, updated.id);
}

function checkResetPassword(ctx: Ctx, clinicianId: number): void {
  requireAdministrator(ctx);
  if (clinicianId === ctx.clinician.id) {
    refuse('To change your own password, use “Change my password”: it asks for your current one.');
  }
  const target = getClinician(ctx.db, clinicianId);
  if (roleOf(ctx.db, clinicianId) === 'owner') {
    refuse(
      `Only ${target.name}, the clinic owner, can change the owner’s password (with “Change my password”), or the recovery key can.`,
    );
  }
  if (!target.active) refuse(`${target.name} is deactivated: reactivate them first, then give them a password.`);
}

export async function resetPassword(ctx: Ctx, req: z.infer<typeof ClinicianSetPassword>): Promise<void> {
  checkResetPassword(ctx, req.clinicianId);
  const target = getClinician(ctx.db, req.clinicianId);
  const problem = await passwordStrengthProblem(req.password, {
    clinicianName: target.name,
    clinicName: requireSettings(ctx.db).clinicName,
  });
  if (problem) throw new AppError('invalid_request', problem, { password: problem });
  await confirm(ctx, req.yourPassword);
  checkResetPassword(ctx, req.clinicianId);
  await ctx.session.setClinicianPassword(req.clinicianId, req.password);
}

function checkRole(ctx: Ctx, req: z.infer<typeof ClinicianSetRole>): void {
  requireAdministrator(ctx);
  const target = getClinician(ctx.db, req.clinicianId);
  const current = roleOf(ctx.db, req.clinicianId);
  if (current === 'owner') refuse(`${target.name} is the clinic owner, who is always an administrator.`);
  if (!target.active) refuse(`${target.name} is deactivated: reactivate them first.`);
  if (req.role === 'clinician' && current === 'administrator' && activeAdministrators(ctx.db) <= 1) {
    refuse(LAST_ADMINISTRATOR);
  }
}

export async function changeRole(ctx: Ctx, req: z.infer<typeof ClinicianSetRole>): Promise<ClinicianWithAccess> {
  checkRole(ctx, req);
  await confirm(ctx, req.yourPassword);
  ctx.db
    .transaction(() => {
      // Checked again with the change, in one write transaction: another window on this folder
      // cannot demote the other administrator in between.
      checkRole(ctx, req);
      if (roleOf(ctx.db, req.clinicianId) !== req.role)
        setRole(ctx.db, ctx.clock, ctx.clinician.id, req.clinicianId, req.role);
    })
    .immediate();
  return one(ctx, req.clinicianId);
}

function checkActive(ctx: Ctx, req: z.infer<typeof ClinicianSetActive>): void {
  requireAdministrator(ctx);
  const target = getClinician(ctx.db, req.clinicianId);
  if (req.active) return;
  if (req.clinicianId === ctx.clinician.id) {
    refuse('You cannot deactivate yourself while signed in. Ask another administrator to do it.');
  }
  const role = roleOf(ctx.db, req.clinicianId);
  if (role === 'owner') refuse(`${target.name} is the clinic owner and cannot be deactivated.`);
  if (target.active && isAdministratorRole(role) && activeAdministrators(ctx.db) <= 1) refuse(LAST_ADMINISTRATOR);
}

export async function changeActive(ctx: Ctx, req: z.infer<typeof ClinicianSetActive>): Promise<ClinicianWithAccess> {
  checkActive(ctx, req);
  await confirm(ctx, req.yourPassword);
  ctx.db
    .transaction(() => {
      checkActive(ctx, req);
      if (getClinician(ctx.db, req.clinicianId).active !== req.active)
        setActive(ctx.db, ctx.clock, ctx.clinician.id, req.clinicianId, req.active);
    })
    .immediate();
  // Their key slot goes: their password no longer opens the records, their name leaves the
  // sign-in list, and a session of theirs in another window ends at its next request.
  if (!req.active) ctx.session.removeClinicianAccess(req.clinicianId);
  return one(ctx, req.clinicianId);
}

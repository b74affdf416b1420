/** Clinic settings, clinicians and their access, and the audit trail's check. */
import { verifyAuditTrail } from '../../audit/verify-trail';
import {
  createClinician,
  getClinician,
  listClinicians,
  requireSettings,
  updateClinician,
  writeSettings,
} from '../../records/clinic';
import { AppError } from '../../util/errors';
import { passwordStrengthProblem } from '../../../shared/domain/password-strength';
import type { HandlersFor } from '../handler-types';

export const settingsHandlers: HandlersFor<
  | 'settings.get'
  | 'settings.update'
  | 'clinicians.list'
  | 'clinicians.create'
  | 'clinicians.update'
  | 'clinicians.setPassword'
  | 'audit.verify'
> = {
  'settings.get': (_req, { db }) => {
    const { isDemo: _isDemo, ...settings } = requireSettings(db);
    return settings;
  },
  'settings.update': (req, { db, clock, clinician }) => {
    const { isDemo: _isDemo, ...settings } = writeSettings(db, clock, clinician.id, req);
    return settings;
  },
  'clinicians.list': (_req, { db, session }) => session.withAccess(listClinicians(db, { activeOnly: false })),
  'clinicians.create': async (req, { db, clock, clinician, session }) => {
    // Check the password before anything is written, so a refused request changes nothing.
    const problem = await passwordStrengthProblem(req.password, {
      clinicianName: req.clinician.name,
      clinicName: requireSettings(db).clinicName,
    });
    if (problem) throw new AppError('invalid_request', problem, { password: problem });
    session.requireKeys();
    const created = createClinician(db, clock, clinician.id, req.clinician);
    await session.setClinicianPassword(created.id, req.password);
    return session.withAccess([getClinician(db, created.id)])[0]!;
  },
  'clinicians.update': (req, { db, clock, clinician, session }) => {
    if (req.id === clinician.id && !req.active) {
      throw new AppError(
        'invalid_request',
        'You cannot mark yourself as no longer active while signed in. Ask another clinician to do it.',
        {
          active: 'You cannot deactivate yourself.',
        },
      );
    }
    const updated = updateClinician(db, clock, clinician.id, req.id, req.changes, req.active);
    if (!updated.active) session.removeClinicianAccess(updated.id);
    else session.renameClinicianAccess(updated.id, updated.name);
    return session.withAccess([updated])[0]!;
  },
  'clinicians.setPassword': async (req, { session }) => {
    await session.setClinicianPassword(req.clinicianId, req.password);
    return {};
  },
  'audit.verify': (_req, { db, dataDir, session }) => {
    const key = session.auditAnchorKey();
    try {
      return verifyAuditTrail(db, dataDir, key);
    } finally {
      key?.fill(0);
    }
  },
};

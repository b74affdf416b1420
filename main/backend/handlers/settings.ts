/** Clinic settings, clinicians and their access (rules in session/clinician-admin.ts), the audit trail's check. */
import { verifyAuditTrail } from '../../audit/verify-trail';
import { listClinicians, requireSettings, writeSettings } from '../../records/clinic';
import {
  addClinician,
  changeActive,
  changeRole,
  resetPassword,
  updateDetails,
  withRoles,
} from '../session/clinician-admin';
import type { HandlersFor } from '../handler-types';

export const settingsHandlers: HandlersFor<
  | 'settings.get'
  | 'settings.update'
  | 'clinicians.list'
  | 'clinicians.create'
  | 'clinicians.update'
  | 'clinicians.setPassword'
  | 'clinicians.setRole'
  | 'clinicians.setActive'
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
  'clinicians.list': (_req, ctx) => withRoles(ctx, listClinicians(ctx.db, { activeOnly: false })),
  'clinicians.create': (req, ctx) => addClinician(ctx, req),
  'clinicians.update': (req, ctx) => updateDetails(ctx, req),
  'clinicians.setPassword': async (req, ctx) => {
    await resetPassword(ctx, req);
    return {};
  },
  'clinicians.setRole': (req, ctx) => changeRole(ctx, req),
  'clinicians.setActive': (req, ctx) => changeActive(ctx, req),
  'audit.verify': (_req, { db, dataDir, session }) => {
    const key = session.auditAnchorKey();
    try {
      return verifyAuditTrail(db, dataDir, key);
    } finally {
      key?.fill(0);
    }
  },
};

/** Clinic settings and clinicians. */
import { createClinician, listClinicians, requireSettings, updateClinician, writeSettings } from '../../records/clinic';
import { AppError } from '../../util/errors';
import type { HandlersFor } from '../handler-types';

export const settingsHandlers: HandlersFor<
  'settings.get' | 'settings.update' | 'clinicians.list' | 'clinicians.create' | 'clinicians.update'
> = {
  'settings.get': (_req, { db }) => {
    const { isDemo: _isDemo, ...settings } = requireSettings(db);
    return settings;
  },
  'settings.update': (req, { db, clock, clinician }) => {
    const { isDemo: _isDemo, ...settings } = writeSettings(db, clock, clinician.id, req);
    return settings;
  },
  'clinicians.list': (_req, { db }) => listClinicians(db, { activeOnly: false }),
  'clinicians.create': (req, { db, clock, clinician }) => createClinician(db, clock, clinician.id, req),
  'clinicians.update': (req, { db, clock, clinician }) => {
    if (req.id === clinician.id && !req.active) {
      throw new AppError(
        'invalid_request',
        'You cannot mark yourself as no longer active while signed in. Ask another clinician to do it.',
        {
          active: 'You cannot deactivate yourself.',
        },
      );
    }
    return updateClinician(db, clock, clinician.id, req.id, req.changes, req.active);
  },
};

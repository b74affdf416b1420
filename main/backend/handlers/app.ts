/** First start, encryption of older records, sign-in, locking, and the demo clinic. */
import type { HandlersFor } from '../handler-types';

export const appHandlers: HandlersFor<
  | 'app.status'
  | 'app.platform'
  | 'app.setup'
  | 'app.encrypt'
  | 'app.openDemo'
  | 'app.leaveDemo'
  | 'session.clinicians'
  | 'session.signIn'
  | 'session.unlock'
  | 'session.recover'
  | 'session.lock'
  | 'session.signOut'
  | 'session.touch'
  | 'session.changePassword'
> = {
  'app.status': (_req, { session }) => session.status(),
  'app.platform': (_req, { platform }) => ({ kind: platform ? 'desktop' : 'browser' }),
  'app.setup': (req, { session }) => session.setup(req),
  'app.encrypt': (req, { session }) => session.encryptExisting(req.clinicianId, req.password),
  'app.openDemo': (_req, { session }) => session.openDemo(),
  'app.leaveDemo': (_req, { session }) => session.leaveDemo(),
  'session.clinicians': (_req, { session }) => session.clinicians(),
  'session.signIn': (req, { session }) => session.signIn(req.clinicianId, req.password),
  'session.unlock': (req, { session }) => session.unlock(req.password),
  'session.recover': (req, { session }) => session.recover(req.recoveryKey, req.clinicianId, req.newPassword),
  'session.lock': (_req, { session }) => session.lock(),
  'session.signOut': (_req, { session }) => session.signOut(),
  'session.touch': (_req, { session }) => {
    session.touch();
    return {};
  },
  'session.changePassword': async (req, { session }) => {
    await session.changePassword(req.currentPassword, req.newPassword);
    return {};
  },
};

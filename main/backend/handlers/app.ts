/** First start, sign-in and the demo clinic. These work before anyone has signed in. */
import type { HandlersFor } from '../handler-types';

export const appHandlers: HandlersFor<
  | 'app.status'
  | 'app.setup'
  | 'app.openDemo'
  | 'app.leaveDemo'
  | 'session.clinicians'
  | 'session.signIn'
  | 'session.signOut'
> = {
  'app.status': (_req, { session }) => session.status(),
  'app.setup': (req, { session }) => session.setup(req),
  'app.openDemo': (_req, { session }) => session.openDemo(),
  'app.leaveDemo': (_req, { session }) => session.leaveDemo(),
  'session.clinicians': (_req, { session }) => session.clinicians(),
  'session.signIn': (req, { session }) => session.signIn(req.clinicianId),
  'session.signOut': (_req, { session }) => session.signOut(),
};

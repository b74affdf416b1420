/** "Change the records key" (session/key-rotation.ts, docs/key-rotation.md). */
import { requireAdministrator } from '../../backup/delete-snapshot';
import type { HandlersFor } from '../handler-types';

export const keyHandlers: HandlersFor<'keys.rotate'> = {
  'keys.rotate': async (req, ctx) => {
    // An administrator's act: refused before the password is asked, then confirmed with it
    // (re-authentication is throttled and audited like sign-in).
    requireAdministrator(ctx.db, ctx.clinician.id);
    ctx.session.requireKeys();
    await ctx.session.reauthenticate(req.yourPassword);
    return ctx.records.progress.follow(req.progressId, (report) => ctx.session.rotateKey(report));
  },
};

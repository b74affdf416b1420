/**
 * The names of every backend channel, and nothing else: the preload imports only this list, so
 * the bridge stays tiny. contract.ts must define exactly these channels (the compiler checks).
 */
export const CHANNEL_NAMES = [
  'app.status',
  'app.platform',
  'app.setup',
  'app.encrypt',
  'app.openDemo',
  'app.leaveDemo',
  'session.clinicians',
  'session.signIn',
  'session.unlock',
  'session.recover',
  'session.lock',
  'session.signOut',
  'session.touch',
  'session.changePassword',
  'patients.search',
  'patients.get',
  'patients.create',
  'patients.update',
  'patients.archive',
  'episodes.list',
  'episodes.get',
  'episodes.create',
  'episodes.close',
  'settings.get',
  'settings.update',
  'clinicians.list',
  'clinicians.create',
  'clinicians.update',
  'clinicians.setPassword',
  'audit.verify',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * The names of every backend channel, and nothing else: the preload imports only this list, so
 * the bridge stays tiny. contract.ts must define exactly these channels (the compiler checks).
 */
export const CHANNEL_NAMES = [
  'app.status',
  'app.setup',
  'app.openDemo',
  'app.leaveDemo',
  'session.clinicians',
  'session.signIn',
  'session.signOut',
  'patients.search',
  'patients.get',
  'patients.create',
  'patients.update',
  'patients.archive',
  'episodes.list',
  'episodes.get',
  'episodes.create',
  'episodes.close',
  'running.library',
  'running.episode',
  'running.assign',
  'running.summaries',
  'ruleSets.copy',
  'ruleSets.save',
  'ruleSets.setDefault',
  'programmes.duplicate',
  'programmes.save',
  'checkIns.preview',
  'checkIns.create',
  'checkIns.list',
  'settings.get',
  'settings.update',
  'clinicians.list',
  'clinicians.create',
  'clinicians.update',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

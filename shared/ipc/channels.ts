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
  'exercises.listClinic',
  'exercises.getClinic',
  'exercises.createClinic',
  'exercises.updateClinic',
  'exercises.retireClinic',
  'exercises.image',
  'prescriptions.current',
  'prescriptions.history',
  'prescriptions.get',
  'prescriptions.save',
  'prescriptions.forPatient',
  'prescriptionTemplates.list',
  'prescriptionTemplates.save',
  'prescriptionTemplates.remove',
  'settings.get',
  'settings.update',
  'clinicians.list',
  'clinicians.create',
  'clinicians.update',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Running programmes, soreness rule sets and check-in visits. */
import {
  copyClinicRuleSet,
  duplicateClinicProgramme,
  readLibrary,
  saveClinicProgramme,
  saveClinicRuleSet,
  setDefaultRuleSet,
} from '../../records/running-library';
import { assignProgramme } from '../../records/running-assign';
import { listCheckIns, readEpisodeRunning, runningSummaries } from '../../records/running-history';
import { previewCheckIn, recordCheckIn } from '../../records/running';
import type { HandlersFor } from '../handler-types';

export const runningHandlers: HandlersFor<
  | 'running.library'
  | 'running.episode'
  | 'running.assign'
  | 'running.summaries'
  | 'ruleSets.copy'
  | 'ruleSets.save'
  | 'ruleSets.setDefault'
  | 'programmes.duplicate'
  | 'programmes.save'
  | 'checkIns.preview'
  | 'checkIns.create'
  | 'checkIns.list'
> = {
  'running.library': (_req, { db }) => readLibrary(db),
  'running.episode': (req, { db, clock }) => readEpisodeRunning(db, clock, req.episodeId),
  'running.assign': (req, { db, clock, clinician }) => assignProgramme(db, clock, clinician.id, req),
  'running.summaries': (req, { db }) => runningSummaries(db, req.patientId),
  'ruleSets.copy': (req, { db, clock, clinician }) => copyClinicRuleSet(db, clock, clinician.id, req),
  'ruleSets.save': (req, { db, clock, clinician }) => saveClinicRuleSet(db, clock, clinician.id, req.ruleSet),
  'ruleSets.setDefault': (req, { db, clock, clinician }) => setDefaultRuleSet(db, clock, clinician.id, req.id),
  'programmes.duplicate': (req, { db, clock, clinician }) => duplicateClinicProgramme(db, clock, clinician.id, req),
  'programmes.save': (req, { db, clock, clinician }) => saveClinicProgramme(db, clock, clinician.id, req.programme),
  'checkIns.preview': (req, { db, clock }) => previewCheckIn(db, clock, req),
  'checkIns.create': (req, { db, clock, clinician }) => recordCheckIn(db, clock, clinician.id, req),
  'checkIns.list': (req, { db }) => listCheckIns(db, req.episodeId, req.beforeId, req.limit),
};

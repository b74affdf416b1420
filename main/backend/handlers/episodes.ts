/** Episodes of care. */
import { createEpisode, getEpisode, listEpisodes, setEpisodeClosed } from '../../records/episodes';
import type { HandlersFor } from '../handler-types';

export const episodeHandlers: HandlersFor<'episodes.list' | 'episodes.get' | 'episodes.create' | 'episodes.close'> = {
  'episodes.list': (req, { db }) => listEpisodes(db, req.patientId),
  'episodes.get': (req, { db }) => getEpisode(db, req.id),
  'episodes.create': (req, { db, clock, clinician }) => createEpisode(db, clock, clinician.id, req),
  'episodes.close': (req, { db, clock, clinician }) => setEpisodeClosed(db, clock, clinician.id, req),
};

/** Episodes of care. */
import { createEpisode, getEpisode, listEpisodes, setEpisodeClosed } from '../../records/episodes';
import { episodeTimeline } from '../../records/timeline';
import { auditRead } from '../../audit/read-audit';
import type { HandlersFor } from '../handler-types';

export const episodeHandlers: HandlersFor<
  'episodes.list' | 'episodes.get' | 'episodes.create' | 'episodes.close' | 'episodes.timeline'
> = {
  'episodes.list': (req, { db }) => listEpisodes(db, req.patientId),
  'episodes.get': (req, { db }) => getEpisode(db, req.id),
  'episodes.create': (req, { db, clock, clinician }) => createEpisode(db, clock, clinician.id, req),
  'episodes.close': (req, { db, clock, clinician }) => setEpisodeClosed(db, clock, clinician.id, req),
  'episodes.timeline': (req, { db, clock, clinician }) => {
    const timeline = episodeTimeline(db, req.episodeId);
    // The whole history of an episode is the patient's record: who read it is recorded.
    auditRead(db, clock, {
      clinicianId: clinician.id,
      entity: 'episode',
      entityId: req.episodeId,
      patientId: timeline.patientId,
      summary: `Opened the history of the episode “${getEpisode(db, req.episodeId).title}”`,
    });
    return timeline;
  },
};

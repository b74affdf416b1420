/**
 * One episode with every kind of history, made through the channels the page uses (so the same
 * seeding serves backend tests, through `must`, and end-to-end tests, through the preview's API):
 * a signed intake with LEFS and PSFS, a running programme, three check-ins (a clean run, a
 * step-back with two days off, and an override with its reason), a signed visit note with an
 * addendum, a home exercise programme and a handout.
 */
import { TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import type { SorenessReport } from '../../shared/clinical/soreness-report';
import type { EpisodeRunning } from '../../shared/domain/running';
import { shownDecision } from '../../shared/domain/running';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { IsoDate } from '../../shared/time/dates';
import { addDays } from '../../shared/time/dates';
import { item } from './exercises';
import { hamstringIntake, TYPED_NOTE } from './intake';

export type Call = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;

export const OVERRIDE_REASON = 'Tendon ache settled within the hour; strength and hop normal today.';
export const ADDENDUM = 'Phoned the next day: no pain overnight.';

/** What the seeded runs report: pain during/after, and the soreness answers. */
export interface SeededRun {
  daysAgo: number;
  answers: Omit<SorenessReport, 'runDate' | 'levelRun'>;
  /** The clinician changes the rules' days off (none instead of some, or one instead of none). */
  override?: true;
}

/** The answers these runs did not need to vary: every question is answered (format 2 reports). */
const ANSWERED = { completed: 'as_written', painStartedInRun: false, limp: false, swelling: false } as const;

export const SEEDED_RUNS: SeededRun[] = [
  {
    daysAgo: 12,
    answers: { ...ANSWERED, warmUp: 'none', cameBackDuringRun: null, nextDay: 'none', painDuring: 1, painAfter: 0 },
  },
  {
    daysAgo: 9,
    answers: {
      ...ANSWERED,
      warmUp: 'went_away',
      cameBackDuringRun: true,
      nextDay: 'none',
      painDuring: 4,
      painAfter: 3,
    },
  },
  {
    daysAgo: 5,
    answers: {
      ...ANSWERED,
      warmUp: 'none',
      cameBackDuringRun: null,
      nextDay: 'not_muscular',
      painDuring: 2,
      painAfter: 2,
    },
    override: true,
  },
];

export interface SeededHistory {
  patientId: number;
  episodeId: number;
  noteId: number;
  running: EpisodeRunning;
}

/** A patient (already created) gets an episode with the whole history above. */
export async function seedEpisodeHistory(
  call: Call,
  patientId: number,
  today: IsoDate,
  runs: readonly SeededRun[] = SEEDED_RUNS,
): Promise<SeededHistory> {
  const episode = await call('episodes.create', {
    patientId,
    diagnosis: 'hamstring_strain',
    diagnosisDetail: '',
    side: 'right',
    onsetDate: addDays(today, -30),
  });
  const started = await call('intake.start', { episodeId: episode.id });
  const draft = hamstringIntake();
  const saved = await call('intake.saveDraft', {
    episodeId: episode.id,
    expectedVersion: started.version,
    draft: { ...draft, episode: { ...draft.episode, onsetDate: addDays(today, -30) } },
    typed: TYPED_NOTE,
  });
  const chosen = await call('intake.chooseStart', {
    episodeId: episode.id,
    expectedVersion: saved.version,
    choice: { stage: 'walking' },
    reason: '',
  });
  await call('intake.sign', { episodeId: episode.id, expectedVersion: chosen.version });

  let running = await call('running.assign', {
    episodeId: episode.id,
    programmeId: TIME_WALK_RUN.id,
    startLevel: 5,
    ruleSetId: null,
    reason: '',
    expectedAssignmentId: null,
  });
  for (const run of runs) {
    const assignmentId = running.assignment!.id;
    const report: SorenessReport = {
      runDate: addDays(today, -run.daysAgo),
      levelRun: running.state!.progress.currentLevel,
      ...run.answers,
    };
    const preview = await call('checkIns.preview', {
      episodeId: episode.id,
      assignmentId,
      report,
      entryCheckLevel: null,
      correctsId: null,
    });
    running = await call('checkIns.create', {
      episodeId: episode.id,
      assignmentId,
      report,
      entryCheckLevel: null,
      outcome: run.override
        ? {
            kind: 'override',
            levelAfter: preview.decision.levelAfter,
            daysOff: preview.decision.daysOff === 0 ? 1 : 0,
            reason: OVERRIDE_REASON,
          }
        : { kind: 'confirm' },
      correction: null,
      expectedLatestId: running.history.items[0]?.id ?? null,
      shown: shownDecision(preview.decision),
    });
  }

  const note = await call('notes.create', { episodeId: episode.id, visitDate: today });
  const written = await call('notes.update', {
    id: note.id,
    expectedVersion: note.version,
    visitDate: today,
    content: { subjective: 'Ran twice.', objective: 'Full strength.', assessment: 'Improving.', plan: 'Continue.' },
  });
  await call('notes.sign', { id: note.id, expectedVersion: written.version });
  await call('notes.addAddendum', { noteId: note.id, text: ADDENDUM });
  await call('prescriptions.save', {
    episodeId: episode.id,
    basedOnVersion: null,
    items: [item('plank-side-knees'), item('ankle-knee-to-wall')],
  });
  await call('handouts.issue', { episodeId: episode.id });
  return { patientId, episodeId: episode.id, noteId: note.id, running };
}

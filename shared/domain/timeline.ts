/**
 * An episode's history as the patient page and episode page show it: a timeline of what happened
 * (newest first) and the series the charts draw (oldest first). Built from the stored facts by
 * `buildTimeline` (shared/records/timeline.ts); carried by the `episodes.timeline` channel.
 */
import { z } from 'zod';
import { NEXT_DAY_ANSWERS, WARM_UP_ANSWERS } from '../clinical/soreness-report';
import { isoDate, RecordId, Timestamp } from '../text/fields';

export const TIMELINE_KINDS = [
  'episode_opened',
  'episode_discharged',
  'episode_reopened',
  'intake_started',
  'intake_signed',
  'note',
  'addendum',
  'programme_assigned',
  'check_in',
  'programme_complete',
  'prescription',
  'handout',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Where the detail of an event lives: a page of its own, or a section of the episode page. */
export const TimelineLink = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('note'), noteId: RecordId }),
  z.strictObject({ to: z.literal('intake') }),
  z.strictObject({ to: z.literal('section'), section: z.enum(['running', 'notes', 'exercises', 'handouts']) }),
]);
export type TimelineLink = z.infer<typeof TimelineLink>;

export const BADGE_TONES = ['neutral', 'up', 'down', 'rest', 'override', 'warning'] as const;
export const TimelineBadge = z.strictObject({ label: z.string(), tone: z.enum(BADGE_TONES) });
export type TimelineBadge = z.infer<typeof TimelineBadge>;

export const TimelineEvent = z.strictObject({
  /** Unique within the timeline: kind and record id ("check_in-12"). */
  key: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** The clinic's day it happened on. */
  date: isoDate('Date'),
  /** The instant, where one is stored (orders events of the same day). */
  at: Timestamp.nullable(),
  title: z.string(),
  /** Lines of detail, already in words (dates in the clinic's format). */
  details: z.array(z.string()),
  /** The clinician, named as stored (a signer as on the day). */
  by: z.string().nullable(),
  badges: z.array(TimelineBadge),
  link: TimelineLink.nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

const Score = z.number().int().min(0).max(10);

export const PainPoint = z.strictObject({
  checkInId: RecordId,
  runDate: isoDate('Run date'),
  painDuring: Score.nullable(),
  painAfter: Score.nullable(),
  warmUp: z.enum(WARM_UP_ANSWERS),
  /** Warm-up soreness that went away and came back during the run. */
  cameBack: z.union([z.boolean(), z.literal('unknown')]),
  nextDay: z.enum(NEXT_DAY_ANSWERS),
  swelling: z.union([z.boolean(), z.literal('unknown')]),
});
export type PainPoint = z.infer<typeof PainPoint>;

export const LevelPoint = z.strictObject({
  date: isoDate('Date'),
  level: z.number().int().min(1),
  /** start: a programme given; then what the check-in did to the level. */
  change: z.enum(['start', 'up', 'same', 'down']),
  override: z.boolean(),
  checkInId: RecordId.nullable(),
});
export type LevelPoint = z.infer<typeof LevelPoint>;

export const RestSpan = z.strictObject({
  checkInId: RecordId,
  /** First and last full day without running. */
  from: isoDate('From'),
  to: isoDate('To'),
  days: z.number().int().min(1),
});
export type RestSpan = z.infer<typeof RestSpan>;

export const StepBack = z.strictObject({
  checkInId: RecordId,
  date: isoDate('Date'),
  from: z.number().int().min(1),
  to: z.number().int().min(1),
});
export type StepBack = z.infer<typeof StepBack>;

export const OutcomePoint = z.strictObject({
  date: isoDate('Date'),
  value: z.number(),
  /** "Intake (this episode)", "Intake: Left Achilles tendinopathy"... */
  label: z.string(),
  thisEpisode: z.boolean(),
});
export type OutcomePoint = z.infer<typeof OutcomePoint>;

/** Scores within `meaningfulChange` of the first score (clamped to the scale) are not a meaningful change. */
export const MeaningfulChangeBand = z.strictObject({
  baseline: z.number(),
  date: isoDate('Date'),
  meaningfulChange: z.number(),
  lower: z.number(),
  upper: z.number(),
});
export type MeaningfulChangeBand = z.infer<typeof MeaningfulChangeBand>;

/** "LEFS 52 -> 63: +11, more than the 9-point minimal important change", with the facts behind it. */
export const OutcomeChangeLine = z.strictObject({
  measure: z.enum(['lefs', 'psfs', 'visaA']),
  fromDate: isoDate('Date'),
  toDate: isoDate('Date'),
  change: z.number(),
  reached: z.boolean(),
  direction: z.enum(['better', 'worse', 'same']),
  words: z.string(),
});
export type OutcomeChangeLine = z.infer<typeof OutcomeChangeLine>;

export const TimelineSeries = z.strictObject({
  /** Standing check-ins (corrected ones left out) in run order. */
  pain: z.array(PainPoint),
  level: z.strictObject({
    /** The largest level count of the episode's programmes (the chart's top); null without one. */
    levelCount: z.number().int().min(1).nullable(),
    points: z.array(LevelPoint),
    rests: z.array(RestSpan),
    stepBacks: z.array(StepBack),
  }),
  outcomes: z.strictObject({
    lefs: z.array(OutcomePoint),
    /** The meaningful-change band around the first LEFS score; null without a LEFS score. */
    lefsBand: MeaningfulChangeBand.nullable(),
    visaA: z.array(OutcomePoint),
    /** The same band around the first VISA-A score (6.5 points); null without one. */
    visaABand: MeaningfulChangeBand.nullable(),
    psfs: z.array(OutcomePoint),
    /** The same band around the first PSFS average (2 points); null without one. */
    psfsBand: MeaningfulChangeBand.nullable(),
    /** The change from the first to the last score of each measure with two scores or more. */
    changes: z.array(OutcomeChangeLine),
  }),
});
export type TimelineSeries = z.infer<typeof TimelineSeries>;

export const EpisodeTimeline = z.strictObject({
  episodeId: RecordId,
  patientId: RecordId,
  /** Newest first. */
  events: z.array(TimelineEvent).max(20_000),
  series: TimelineSeries,
});
export type EpisodeTimeline = z.infer<typeof EpisodeTimeline>;

import { describe, expect, it } from 'vitest';
import {
  describeDiagnosis,
  DIAGNOSES,
  Episode,
  EpisodeDraft,
  episodeDraftOn,
  episodeOn,
  hadSurgery,
  isKneeEpisode,
  type EpisodeDraft as EpisodeDraftType,
} from '../../../shared/clinical/intake/episode';
import { checkWith } from '../../../shared/clinical/intake/fields';
import { TODAY } from './fixtures';

const complete: EpisodeDraftType = {
  region: 'thigh',
  side: 'right',
  diagnosis: 'hamstring_strain',
  onsetDate: '2026-10-02',
  onsetType: 'sudden',
  mechanism: 'Felt a pull sprinting at the end of a 10 km race',
  surgery: { performed: 'no' },
  referralSource: 'self',
};

describe('episode draft', () => {
  it('accepts an empty draft and a partial one', () => {
    expect(episodeDraftOn(TODAY).safeParse({}).success).toBe(true);
    expect(episodeDraftOn(TODAY).safeParse({ region: 'knee' }).success).toBe(true);
  });

  it('accepts an onset today', () => {
    expect(episodeDraftOn(TODAY).safeParse({ onsetDate: TODAY }).success).toBe(true);
  });

  it.each([
    [
      'an onset after today',
      { onsetDate: '2026-11-28' },
      'onsetDate',
      'Date of onset (2026-11-28) is after today (2026-11-27): enter the day the symptoms started.',
    ],
    [
      'an onset that is not a real date',
      { onsetDate: '2026-02-30' },
      'onsetDate',
      'Date of onset is not a real date: enter it like 1988-04-12.',
    ],
    [
      'an empty diagnosis',
      { diagnosis: '' },
      'diagnosis',
      'Choose a diagnosis from the list, or choose "Other" and describe it.',
    ],
    [
      'a side that is not on the list',
      { side: 'middle' },
      'side',
      'Choose the injured side: left, right, both or not applicable.',
    ],
    [
      'surgery before onset',
      { onsetDate: '2026-06-01', surgery: { performed: 'yes', date: '2026-05-01' } },
      'surgery.date',
      'Date of surgery (2026-05-01) is before the date of onset (2026-06-01): check both dates.',
    ],
    [
      'surgery after today',
      { surgery: { performed: 'yes', date: '2026-12-01' } },
      'surgery.date',
      'Date of surgery (2026-12-01) is after today (2026-11-27): enter the date of the operation already done.',
    ],
    [
      'a surgery date with surgery marked "no"',
      { surgery: { performed: 'no', date: '2026-05-01' } },
      'surgery.performed',
      'Surgery is marked "no" but a type or date of surgery is filled in: change one of them.',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    expect(checkWith(episodeDraftOn(TODAY), input)).toEqual({ ok: false, problems: [{ path, message }] });
  });

  it('checks the future only with a date: the static schema has no clock', () => {
    expect(EpisodeDraft.safeParse({ onsetDate: '2099-01-01' }).success).toBe(true);
  });
});

describe('episode complete enough to sign', () => {
  it('accepts a complete episode', () => {
    expect(checkWith(episodeOn(TODAY), complete)).toEqual({ ok: true, value: complete });
  });

  it('names every missing required field', () => {
    const checked = checkWith(Episode, {});
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { path: 'region', message: 'Choose the injured region from the list.' },
      { path: 'side', message: 'Choose the injured side: left, right, both or not applicable.' },
      { path: 'diagnosis', message: 'Choose a diagnosis from the list, or choose "Other" and describe it.' },
      { path: 'onsetDate', message: 'Date of onset is missing.' },
      { path: 'onsetType', message: 'Choose how it started: gradually or suddenly.' },
      { path: 'surgery', message: 'Say whether the patient had surgery for this injury: yes or no.' },
    ]);
  });

  it.each([
    [
      '"Other" without a description',
      { diagnosis: 'other' },
      'diagnosisDetail',
      'Describe the diagnosis: you chose "Other".',
    ],
    [
      'a bone stress injury without its site',
      { diagnosis: 'bone_stress_injury' },
      'boneStressSite',
      'Choose the site of the bone stress injury (tibia, metatarsal...).',
    ],
    [
      'a bone stress site for another diagnosis',
      { boneStressSite: 'tibia' },
      'boneStressSite',
      'A bone stress site is filled in but the diagnosis is not a bone stress injury: clear the site.',
    ],
    [
      'an ACL reconstruction without surgery',
      { region: 'knee', diagnosis: 'acl_reconstruction' },
      'surgery.performed',
      'ACL reconstruction is an operation: mark surgery "yes" and give its type and date.',
    ],
    [
      'surgery without its type',
      { surgery: { performed: 'yes', date: '2026-10-10' } },
      'surgery.type',
      'Enter the type of surgery.',
    ],
    [
      'surgery without its date',
      { surgery: { performed: 'yes', type: 'Repair' } },
      'surgery.date',
      'Enter the date of surgery.',
    ],
  ])('refuses %s', (_name, change, path, message) => {
    const checked = checkWith(episodeOn(TODAY), { ...complete, ...change });
    expect(checked).toEqual({ ok: false, problems: [{ path, message }] });
  });
});

describe('episode helpers', () => {
  it('has unique diagnosis codes', () => {
    expect(new Set(DIAGNOSES.map((d) => d.code)).size).toBe(DIAGNOSES.length);
  });

  it.each([
    [{ diagnosis: 'hamstring_strain' }, 'Hamstring strain'],
    [{ diagnosis: 'bone_stress_injury', boneStressSite: 'navicular' }, 'Bone stress injury (navicular)'],
    [{ diagnosis: 'other', diagnosisDetail: 'Cuboid syndrome' }, 'Other: Cuboid syndrome'],
    [{ diagnosis: 'calf_strain', diagnosisDetail: 'medial gastrocnemius' }, 'Calf strain: medial gastrocnemius'],
    [{}, undefined],
  ] as const)('describes %j as %s', (episode, text) => {
    expect(describeDiagnosis(episode)).toBe(text);
  });

  it.each([
    [{ region: 'knee' }, true],
    [{ region: 'thigh', diagnosis: 'acl_reconstruction' }, false],
    [{ diagnosis: 'patellofemoral_pain' }, true],
    [{ diagnosis: 'calf_strain' }, false],
    [{}, undefined],
  ] as const)('tells whether %j is a knee episode', (episode, knee) => {
    expect(isKneeEpisode(episode)).toBe(knee);
  });

  it.each([
    [{ surgery: { performed: 'yes' } }, true],
    [{ surgery: { performed: 'no' } }, false],
    [{ diagnosis: 'meniscus_surgery' }, true],
    [{ diagnosis: 'calf_strain' }, undefined],
  ] as const)('tells whether %j included surgery', (episode, surgery) => {
    expect(hadSurgery(episode)).toBe(surgery);
  });
});

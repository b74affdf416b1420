import { describe, expect, it } from 'vitest';
import { checkWith } from '../../../shared/clinical/intake/fields';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import { objectiveLines, objectiveText, SoapNote, VISA_A_REFERENCE } from '../../../shared/clinical/intake/soap';
import { copy, readyAchillesIntake, readyKneeIntake, TODAY } from './fixtures';
import { fullVisaA } from './measure-fixtures';

function linesWith(change: (i: IntakeDraft) => void, base = readyKneeIntake()): string[] {
  const intake = copy(base);
  change(intake);
  return objectiveLines(intake, { today: TODAY });
}

describe('SOAP objective from the recorded data', () => {
  it('writes the whole objective of a knee intake', () => {
    expect(objectiveText(readyKneeIntake(), { today: TODAY })).toBe(
      [
        'LEFS: 66/80',
        'PSFS: 5/10, mean of 2 activities (Run 30 minutes: 3/10; Stairs down: 7/10)',
        'Single-leg heel raises: L 22, R 25 (LSI 88%)',
        'Knee-to-wall: L 10.5 cm, R 12 cm (difference 1.5 cm)',
        'Single-leg hop for distance: L 120 cm, R 140 cm (LSI 85.7%)',
        'Triple hop for distance: L 400 cm, R 450 cm (LSI 88.9%)',
        'Single-leg squat: L fair, R good',
        'Knee effusion (sweep test): L trace, R not tested',
        'Knee range: flexion L 130°, R 135°; extension deficit L 0°, R 0° (range 96.3%)',
        'Quadriceps strength: L 300, R 380 (LSI 78.9%), hand-held dynamometer',
        'Hamstring strength: L 180, R 200 (LSI 90%), hand-held dynamometer',
        'Brisk walk: 30 min, pain-free',
        'Readiness to run: start running at level 1; 12 of 12 criteria met',
        // The ACL gates record findings, so the met ones are written too.
        '- Met: 13 weeks since surgery (2026-08-28) meets 12 weeks.',
        '- Met: Knee range of motion LSI 96.3% (flexion minus extension deficit) meets 95%.',
        '- Met: Quadriceps strength LSI 78.9% (hand-held dynamometer) meets 70%.',
        '- Met: Hamstring strength LSI 90% (hand-held dynamometer) meets 70%.',
        '- Met: Single-leg hop LSI 85.7% meets 70%. Triple hop LSI 88.9% meets 70%.',
      ].join('\n'),
    );
  });

  it('writes the heel raises as a clinician would', () => {
    const lines = linesWith((i) => (i.physicalTests!.heelRaises = { left: 18, right: 25 }));
    expect(lines).toContain('Single-leg heel raises: L 18, R 25 (LSI 72%)');
  });

  it.each([
    ['a side not tested', { left: 18 }, 'Single-leg heel raises: L 18, R not tested'],
    [
      'the uninvolved side at 0',
      { left: 3, right: 0 },
      'Single-leg heel raises: L 3, R 0 (LSI not computable: uninvolved side 0)',
    ],
  ])('writes heel raises with %s', (_name, heelRaises, line) => {
    expect(linesWith((i) => (i.physicalTests!.heelRaises = heelRaises))).toContain(line);
  });

  it('notes that both sides are involved instead of an LSI', () => {
    const lines = linesWith((i) => (i.episode!.side = 'both'));
    expect(lines).toContain('Single-leg heel raises: L 22, R 25 (both sides involved: no LSI)');
  });

  it('lists what is not met and not tested under the readiness line', () => {
    const lines = linesWith((i) => {
      i.physicalTests!.singleHopCm = { left: 96, right: 150 };
      delete i.physicalTests!.tripleHopCm;
      delete i.physicalTests!.briskWalk;
    });
    expect(lines.slice(-8, -4)).toEqual([
      'Readiness to run: walking stage (comfortable, then brisk walking); 9 of 12 criteria met',
      '- Not met: Single-leg hop LSI 64% is below 75%.',
      '- Not met: Single-leg hop LSI 64% is below 70%.',
      '- Not tested: Brisk walk not tested.',
    ]);
  });

  it('counts only applicable criteria, and writes the VISA-A', () => {
    const lines = objectiveLines(readyAchillesIntake(), { today: TODAY });
    expect(lines).toContain(`VISA-A: 55/100 (${VISA_A_REFERENCE})`);
    expect(lines).toContain('Readiness to run: start running at level 1; 6 of 6 criteria met');
  });

  it('gives the VISA-A published reference, not a "healthy above 96" cut-off', () => {
    expect(VISA_A_REFERENCE).toBe('0-100, 100 = no symptoms; healthy adults average about 96 (Robinson 2001)');
    const lines = linesWith(
      (i) =>
        (i.measures = {
          visaA: fullVisaA({
            item1: 10,
            item2: 10,
            item3: 10,
            item4: 10,
            item5: 10,
            item6: 10,
            item7: 'same_or_higher',
            item8: { part: 'a', duration: 'over_30' },
          }),
        }),
      readyAchillesIntake(),
    );
    expect(lines).toContain(
      'VISA-A: 100/100 (0-100, 100 = no symptoms; healthy adults average about 96 (Robinson 2001))',
    );
    expect(lines.join('\n')).not.toMatch(/healthy range|above 96|> ?96/);
  });

  it.each([
    [
      { total: 57, date: '2026-10-01' },
      'LEFS: 66/80 (since 2026-10-01: 57 -> 66, +9, as much as the 9-point minimal important change)',
    ],
    [
      { total: 58, date: '2026-10-01' },
      'LEFS: 66/80 (since 2026-10-01: 58 -> 66, +8, less than the 9-point minimal important change)',
    ],
    [
      { total: 76, date: '2026-10-01' },
      'LEFS: 66/80 (since 2026-10-01: 76 -> 66, -10, worse by more than the 9-point minimal important change)',
    ],
  ])('shows the LEFS change from %j', (previousLefs, line) => {
    expect(objectiveLines(readyKneeIntake(), { previousLefs, today: TODAY })[0]).toBe(line);
  });

  it('shows the VISA-A and PSFS change since an earlier score, against their minimal important changes', () => {
    const visa = objectiveLines(readyAchillesIntake(), {
      previousScores: { visaA: { total: 47, date: '2026-09-01' } },
    });
    expect(visa).toContain(
      `VISA-A: 55/100 (${VISA_A_REFERENCE}) (since 2026-09-01: 47 -> 55, +8, more than the 6.5-point minimal important change)`,
    );
    const psfs = objectiveLines(readyKneeIntake(), { previousScores: { psfs: { total: 3.5, date: '2026-09-01' } } });
    expect(psfs[1]).toBe(
      'PSFS: 5/10, mean of 2 activities (Run 30 minutes: 3/10; Stairs down: 7/10) ' +
        '(since 2026-09-01: 3.5 -> 5, +1.5, less than the 2-point minimal important change)',
    );
  });

  it('says a started measure is not computable, and leaves out one never started', () => {
    const lines = linesWith((i) => {
      i.measures!.lefs!.items[3] = null;
      i.measures!.lefs!.items[6] = null;
      i.measures!.psfs = { activities: [] };
    });
    expect(lines[0]).toBe('LEFS total not computable: items 4 and 7 are missing.');
    expect(lines.some((l) => l.startsWith('PSFS'))).toBe(false);
  });

  it('writes a painful or unfinished brisk walk', () => {
    expect(linesWith((i) => (i.physicalTests!.briskWalk = { minutes: 12, painFree: false }))).toContain(
      'Brisk walk: 12 min, with pain',
    );
    expect(linesWith((i) => (i.physicalTests!.briskWalk = { painFree: true }))).toContain(
      'Brisk walk: duration not recorded, pain-free',
    );
  });

  it('writes only the readiness result for an empty intake', () => {
    expect(objectiveLines({})).toEqual([
      'Readiness to run: walking stage (comfortable, then brisk walking); 0 of 7 criteria met',
      '- Not tested: Red-flag screen incomplete: 0 of 21 questions asked.',
      '- Not tested: Walking pain not recorded.',
      '- Not tested: Brisk walk not tested.',
      '- Not tested: Hopping pain not recorded.',
      '- Not tested: Heel-raise LSI needs the injured side: choose it in the episode.',
      '- Not tested: Hop LSI needs the injured side: choose it in the episode.',
      '- Not tested: Choose the injured region: knee swelling applies to knee episodes.',
    ]);
  });
});

describe('SOAP note schema', () => {
  it('accepts four texts, empty ones too', () => {
    expect(SoapNote.safeParse({ subjective: '', objective: 'LEFS: 66/80', assessment: '', plan: '' }).success).toBe(
      true,
    );
  });

  it('refuses an over-long section with a message', () => {
    const checked = checkWith(SoapNote, { subjective: 'x'.repeat(20_001), objective: '', assessment: '', plan: '' });
    expect(checked).toEqual({
      ok: false,
      problems: [{ path: 'subjective', message: 'Subjective is too long: keep it under 20000 characters.' }],
    });
  });
});

describe('SOAP objective with a red flag', () => {
  it('a refer item: says not ready, refer to a doctor, and names the flag', () => {
    const lines = linesWith((i) => (i.symptoms!.redFlags!.knee_gives_way_or_locks = 'yes'));
    expect(lines).toContain('Readiness to run: not ready, refer to a doctor before running; 11 of 12 criteria met');
    expect(lines).toContain('- Not met: Refer to a doctor before running: knee giving way or locking.');
    expect(lines.at(-1)).toBe('Advice: Refer to a doctor before running: knee giving way or locking.');
  });

  it('an urgent sign: says so plainly, never "refer"', () => {
    const lines = linesWith((i) => (i.symptoms!.redFlags!.fainting = 'yes'));
    expect(lines).toContain(
      'Readiness to run: not ready, URGENT SIGNS: stop, urgent medical care now; 11 of 12 criteria met',
    );
    expect(lines).toContain('- Not met: Urgent sign: fainting or near-fainting. Stop: urgent medical care now.');
  });
});

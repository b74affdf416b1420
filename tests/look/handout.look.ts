/**
 * The handout as a patient sees it: the fixture handouts rendered to PDF, then every page to PNG
 * with pdftoppm (poppler-utils) at 80 dpi, into tests/look/out/handout/. Open each page and read
 * it as the patient would before calling a layout change done: big clear headings, short
 * sentences, tables that fit, pictures about 4 cm wide, no exercise or table row cut by a page
 * break, nothing that needs colour to be understood.
 *
 * Variants: the full fixture (eight exercises) on A4 and on Letter, a handout after surgery with
 * no exercises, an exercise-only handout in miles, and the plainest handout (no programme, no
 * exercises) the app can issue today.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHandout } from '../../main/pdf/render-handout';
import { MILITARY_RETURN_TO_RUN } from '../../shared/clinical/programme-templates';
import type { HandoutData } from '../../shared/handout/handout-data';
import { plannedRunDates } from '../../shared/handout/plan';
import { eightExerciseHandout, fixtureHandout } from '../helpers/handout';

const OUT = path.join(import.meta.dirname, 'out', 'handout');

async function look(name: string, data: HandoutData): Promise<string[]> {
  fs.mkdirSync(OUT, { recursive: true });
  for (const old of fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) || f === `${name}.pdf`)) {
    fs.rmSync(path.join(OUT, old));
  }
  const pdf = await renderHandout(data);
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(OUT, name)]);
  return fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

describe('handout pages for review', () => {
  it('renders the eight-exercise fixture on A4', async () => {
    const pages = await look('a4-eight-exercises', eightExerciseHandout());
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it('renders the six-exercise fixture on Letter, week starting Sunday, in miles', async () => {
    const pages = await look(
      'letter-six-exercises',
      fixtureHandout({ paperSize: 'Letter', weekStartsOn: 'sunday', units: 'mi' }),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('renders a handout after surgery, distance levels, no exercises', async () => {
    const programme = MILITARY_RETURN_TO_RUN;
    const current = programme.levels[1]!;
    const pages = await look(
      'after-surgery-no-exercises',
      fixtureHandout({
        patient: { givenName: 'Nguyễn Văn', familyName: 'An' },
        afterSurgery: true,
        exercises: [],
        units: 'mi',
        running: {
          programmeName: programme.name,
          programmeSource: programme.source,
          levelCount: programme.levels.length,
          currentLevel: current,
          nextLevels: programme.levels.slice(2, 5),
          nextRunDate: '2026-11-29',
          plannedRunDates: plannedRunDates('2026-11-29', current, '2026-12-18'),
        },
        nextVisit: '2026-12-18',
      }),
    );
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('renders an exercise-only handout with no next visit', async () => {
    const pages = await look('exercises-only', fixtureHandout({ running: null, nextVisit: null }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('renders the plainest handout: no programme, no exercises', async () => {
    const pages = await look(
      'plain',
      fixtureHandout({
        running: null,
        exercises: [],
        nextVisit: null,
        clinic: { name: 'Riverside Running Clinic', phone: '', address: '', email: '' },
      }),
    );
    expect(pages.length).toBe(1);
  });
});

/**
 * The urgent box prints for every patient whose red-flag list has emergency signs, not only
 * after surgery. The red-flag list is being changed to give everyone the urgent signs; here a
 * fake list does that already, so the handout's side is checked now: the box, its title, the
 * ambulance line with the clinic's number, the signs, and the box on one page with the list of
 * when to call the clinic.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as RedFlags from '../../shared/clinical/intake/red-flags';
import { renderHandout } from '../../main/pdf/render-handout';
import { handoutContent } from '../../shared/handout/content';
import { HandoutData } from '../../shared/handout/handout-data';
import { fixtureHandout } from '../helpers/handout';
import { allText, fold, pageOf, readPdf } from '../helpers/pdf';

const EMERGENCY = [
  'Your chest hurts, or it is hard to breathe. Call an ambulance now.',
  'You faint.',
  'Your calf is swollen, warm, red or sore.',
];

vi.mock('../../shared/clinical/intake/red-flags', async (importOriginal) => {
  const real = await importOriginal<typeof RedFlags>();
  return {
    ...real,
    stopAndCallItems: (surgery: boolean) => ({ ...real.stopAndCallItems(surgery), emergency: EMERGENCY }),
  };
});

describe('the urgent box, for every patient with emergency signs', () => {
  it('prints for a patient who had no surgery, titled "Stop and get urgent help", with the ambulance number', async () => {
    const data = fixtureHandout({ afterSurgery: false });
    const read = await readPdf(await renderHandout(data));
    const text = fold(allText(read));
    expect(text).toContain('Stop and get urgent help Call an ambulance (999) now if:');
    expect(text).toContain('Your chest hurts, or it is hard to breathe. • You faint.');
    for (const sign of EMERGENCY) expect(text).toContain(fold(sign.replace(/ Call an ambulance now\.$/, '')));
    // The box is on the first page, under the plan at a glance, and the first page is not left
    // half empty for it; "Stop and call us" is whole on one page.
    expect(pageOf(read, 'Stop and get urgent help')).toBe(0);
    expect(pageOf(read, 'Stop running and call us on')).toBe(pageOf(read, 'Your knee gives way or gets stuck.'));
  });

  it('prints the clinic’s own number, and no number for a handout stored before the setting', () => {
    const box = (data: HandoutData) => {
      const section = handoutContent(HandoutData.parse(data)).sections.find((s) => s.id === 'urgent')!;
      const first = section.blocks[0]!;
      if (first.kind !== 'box') throw new Error('no urgent box');
      return first;
    };
    const us = box(fixtureHandout({ clinic: { ...fixtureHandout().clinic, emergencyNumber: '911' } }));
    expect(us.title).toBe('Stop and get urgent help');
    expect(JSON.stringify(us.blocks[0])).toContain('Call an ambulance (911) now if:');
    const old = box(fixtureHandout({ clinic: { ...fixtureHandout().clinic, emergencyNumber: '' } }));
    expect(JSON.stringify(old.blocks[0])).toContain('"Call an ambulance now if:"');
  });
});

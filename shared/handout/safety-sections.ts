/** The handout's warning signs: the urgent-help box and when to stop and call the clinic. */
import { stopAndCallItems } from '../clinical/intake/red-flags';
import { levelKind } from '../clinical/programme';
import type { HandoutData } from './handout-data';
import { ambulanceIntro, callUsIntro, HANDOUT_TEXT as T } from './wording';
import type { Block, Section } from './content-blocks';
import { leadIn, paragraph, text } from './content-blocks';

/** What the patient is doing: walking, running, or only exercises. */
function activityOf(data: HandoutData): 'running' | 'walking' | 'exercising' | null {
  if (!data.running) return data.exercises.length > 0 ? 'exercising' : null;
  return levelKind(data.running.currentLevel) === 'walk' ? 'walking' : 'running';
}

/** The sign alone: the box's lead-in already says to call an ambulance. */
function urgentSign(item: string): string {
  return item.replace(/\s*Call an ambulance(?: now)?\.?\s*$/i, '');
}

/**
 * The urgent signs, in their own framed box: kept whole, and on the first page under the plan at
 * a glance whenever it fits there (with the list of when to call the clinic, it often would not,
 * and the first page would be left half empty).
 */
export function urgentSection(data: HandoutData): Section | null {
  const { emergency } = stopAndCallItems(data.afterSurgery);
  if (emergency.length === 0) return null;
  return {
    id: 'urgent',
    title: '',
    keepTogether: 1,
    blocks: [
      {
        kind: 'box',
        tone: 'urgent',
        title: T.getUrgentHelp,
        blocks: [
          { kind: 'paragraph', runs: [text(ambulanceIntro(data.clinic.emergencyNumber), true)], keepWithNext: true },
          { kind: 'bullets', items: emergency.map((e) => [text(urgentSign(e), true)]) },
        ],
      },
    ],
  };
}

export function stopAndCallSection(data: HandoutData): Section {
  const { callUs } = stopAndCallItems(data.afterSurgery, { knee: data.kneeInjury, activity: activityOf(data) });
  const blocks: Block[] = [];
  blocks.push(leadIn(callUsIntro(data.clinic.name, data.clinic.phone, activityOf(data)), true));
  blocks.push({ kind: 'bullets', items: callUs.map((c) => [text(c)]), columns: 2 });
  // The signs and what to do are read as one: the heading, the lead-in and the list stay together.
  const keepTogether = blocks.length;
  blocks.push(paragraph(T.questions));
  const contact = [data.clinic.address.replace(/\s*\n\s*/g, ', ').trim(), data.clinic.email.trim()].filter(
    (p) => p !== '',
  );
  if (contact.length > 0) blocks.push({ kind: 'paragraph', runs: [text([data.clinic.name, ...contact].join(' · '))] });
  return { id: 'stop-and-call', title: T.stopAndCall, blocks, keepTogether };
}

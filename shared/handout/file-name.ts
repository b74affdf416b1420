/**
 * The file name a saved or downloaded handout gets: "2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf".
 * Date first so a folder of handouts sorts by date; family name then given name, folded to plain
 * ASCII so the name survives every file system, email program and USB stick.
 */
import { foldToAscii } from '../text/fold';
import type { IsoDate } from '../time/dates';

/** Longest name part kept, so the whole name stays well under every system's limit. */
const MAX_PART = 60;

function part(text: string): string {
  return foldToAscii(text).slice(0, MAX_PART).trim();
}

export function handoutFileName(issuedOn: IsoDate, patient: { givenName: string; familyName: string }): string {
  const name = [part(patient.familyName), part(patient.givenName)].filter((p) => p !== '').join(' ');
  return `${issuedOn} ${name === '' ? 'patient' : name} handout.pdf`;
}

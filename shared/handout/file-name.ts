/**
 * The file name a saved or downloaded handout or record gets: "2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf".
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

/** "2026-11-27 Lukasiewicz-Orsted Zoe <what>.<extension>": a file made about one patient. */
export function patientFileName(
  date: IsoDate,
  patient: { givenName: string; familyName: string },
  what: string,
  extension: string,
): string {
  const name = [part(patient.familyName), part(patient.givenName)].filter((p) => p !== '').join(' ');
  return `${date} ${name === '' ? 'patient' : name} ${what}.${extension}`;
}

export function handoutFileName(issuedOn: IsoDate, patient: { givenName: string; familyName: string }): string {
  return patientFileName(issuedOn, patient, 'handout', 'pdf');
}

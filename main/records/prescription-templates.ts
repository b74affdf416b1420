/**
 * Prescription templates: the clinic's reusable programmes ("Hamstring strain: early"). Saved from
 * a programme being edited, applied to another episode as a starting point, replaced under the
 * same name, or removed from the list (the row is kept, marked removed, for the audit trail).
 */
import { z } from 'zod';
import type { PrescriptionTemplate, PrescriptionTemplateSave } from '../../shared/domain/prescription';
import { PrescriptionItemInput } from '../../shared/domain/prescription';
import { foldText } from '../../shared/text/fold';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/open';
import type { Clock } from '../util/clock';
import { AppError, notFound, stale } from '../util/errors';
import { findLibraryExercise } from './clinic-exercises';
import { resolveItems } from './prescriptions';

interface TemplateRow {
  id: number;
  name: string;
  items_json: string;
  removed_at: string | null;
  version: number;
  updated_at: string;
  author: string | null;
}

const SELECT = `
  SELECT t.id, t.name, t.items_json, t.removed_at, t.version, t.updated_at, c.name AS author
  FROM prescription_templates t LEFT JOIN clinicians c ON c.id = t.updated_by`;

const StoredItems = z.array(PrescriptionItemInput);

function toTemplate(db: Db, r: TemplateRow): PrescriptionTemplate {
  const items = StoredItems.safeParse(JSON.parse(r.items_json));
  if (!items.success) {
    throw new AppError(
      'database_unavailable',
      `The template "${r.name}" could not be read from the records file. Restore the most recent backup.`,
    );
  }
  return {
    id: r.id,
    name: r.name,
    items: items.data.map((item) => {
      const found = findLibraryExercise(db, item.exerciseId);
      return {
        ...item,
        name: found?.exercise.name ?? null,
        available: found !== null && !(found.source === 'clinic' && found.retired),
      };
    }),
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.author ?? 'Unknown clinician',
  };
}

function getTemplate(db: Db, id: number): { template: PrescriptionTemplate; removed: boolean } {
  const row = db.prepare<unknown[], TemplateRow>(`${SELECT} WHERE t.id = ?`).get(id);
  if (!row) throw notFound('This template');
  return { template: toTemplate(db, row), removed: row.removed_at !== null };
}

/** The clinic's templates, by name. */
export function listTemplates(db: Db): PrescriptionTemplate[] {
  const rows = db
    .prepare<unknown[], TemplateRow>(`${SELECT} WHERE t.removed_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`)
    .all();
  return rows.map((r) => toTemplate(db, r));
}

/** Saves a new template, or replaces the one of the same name when asked to. */
export function saveTemplate(
  db: Db,
  clock: Clock,
  clinicianId: number,
  req: PrescriptionTemplateSave,
): PrescriptionTemplate {
  return db
    .transaction(() => {
      resolveItems(db, req.items);
      const nameKey = foldText(req.name);
      const now = clock.now().toISOString();
      const existing = db
        .prepare<unknown[], { id: number }>(
          'SELECT id FROM prescription_templates WHERE name_key = ? AND removed_at IS NULL',
        )
        .get(nameKey);
      const itemsJson = JSON.stringify(req.items);
      if (existing && !req.replace) {
        const message = `A template called "${req.name}" already exists. Choose another name, or replace it.`;
        throw new AppError('conflict', message, { name: message });
      }
      if (existing) {
        const before = getTemplate(db, existing.id).template;
        db.prepare(
          'UPDATE prescription_templates SET name = ?, items_json = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
        ).run(req.name, itemsJson, now, clinicianId, existing.id);
        appendAudit(db, clock, {
          clinicianId,
          action: 'update',
          entity: 'prescription_template',
          entityId: existing.id,
          patientId: null,
          summary: `Replaced the prescription template "${req.name}"`,
          before: { name: before.name, items: before.items.map(({ name: _n, available: _a, ...item }) => item) },
          after: { name: req.name, items: req.items },
        });
        return getTemplate(db, existing.id).template;
      }
      const id = Number(
        db
          .prepare(
            `INSERT INTO prescription_templates (name, name_key, items_json, created_at, created_by, updated_at, updated_by)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(req.name, nameKey, itemsJson, now, clinicianId, now, clinicianId).lastInsertRowid,
      );
      appendAudit(db, clock, {
        clinicianId,
        action: 'create',
        entity: 'prescription_template',
        entityId: id,
        patientId: null,
        summary: `Saved the prescription template "${req.name}"`,
        after: { name: req.name, items: req.items },
      });
      return getTemplate(db, id).template;
    })
    .immediate();
}

/** Takes a template off the list. Programmes made from it are not affected. */
export function removeTemplate(
  db: Db,
  clock: Clock,
  clinicianId: number,
  req: { id: number; expectedVersion: number },
): PrescriptionTemplate {
  return db
    .transaction(() => {
      const { template: before, removed } = getTemplate(db, req.id);
      if (before.version !== req.expectedVersion) throw stale(`The template "${before.name}"`);
      if (removed) return before;
      const now = clock.now().toISOString();
      db.prepare('UPDATE prescription_templates SET removed_at = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
        now,
        now,
        clinicianId,
        req.id,
      );
      appendAudit(db, clock, {
        clinicianId,
        action: 'remove',
        entity: 'prescription_template',
        entityId: req.id,
        patientId: null,
        summary: `Removed the prescription template "${before.name}"`,
        before: { removed: false },
        after: { removed: true },
      });
      return getTemplate(db, req.id).template;
    })
    .immediate();
}

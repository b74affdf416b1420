import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { must, readyBackend, removeTempDirs } from '../helpers/backend';
import { count, openClinicDb } from '../helpers/db';
import { builtIn, clinicExerciseInput, like, pngUpload } from '../helpers/exercises';
import { makeJpegHeader, makePng } from '../helpers/images';

afterEach(removeTempDirs);

async function tableCounts(dataDir: string) {
  const db = await openClinicDb(dataDir, { readonly: true });
  const counts = {
    exercises: count(db, 'clinic_exercises'),
    versions: count(db, 'clinic_exercise_versions'),
    images: count(db, 'exercise_images'),
    audit: count(db, 'audit_log'),
  };
  db.close();
  return counts;
}

describe("the clinic's own exercises", () => {
  it('adds one with an uploaded PNG, stored once under its SHA-256 with its type and size read from the bytes', async () => {
    const backend = await readyBackend();
    const png = makePng(240, 180);
    const created = await must(backend, 'exercises.createClinic', {
      copiedFrom: null,
      exercise: clinicExerciseInput(),
    });
    const sha = createHash('sha256').update(png).digest('hex');
    expect(created).toMatchObject({
      version: 1,
      retired: false,
      copiedFrom: null,
      image: { imageId: sha, mediaType: 'image/png', width: 240, height: 180, byteSize: png.length },
      updatedBy: 'Priya Shah',
    });
    expect(created.exercise).toMatchObject({
      id: `clinic-${created.id}`,
      name: 'Step-down from a low step',
      illustration: { kind: 'image', imageId: sha, mediaType: 'image/png' },
    });
    const image = await must(backend, 'exercises.image', { imageId: sha });
    expect(Buffer.from(image.dataBase64, 'base64').equals(png)).toBe(true);

    // The same picture for a second exercise is not stored twice.
    await must(backend, 'exercises.createClinic', {
      copiedFrom: null,
      exercise: clinicExerciseInput({ name: 'Step-down, high step' }),
    });
    expect(await tableCounts(backend.dataDir)).toMatchObject({ exercises: 2, versions: 2, images: 1 });
    expect(
      (await must(backend, 'exercises.listClinic', { includeRetired: false })).map((e) => e.exercise.name),
    ).toEqual(['Step-down from a low step', 'Step-down, high step']);
    backend.close();
  });

  it.each([
    [
      'a text file renamed .png',
      Buffer.from('just some notes, not a picture').toString('base64'),
      'This file is not a PNG or JPEG image. Save the picture as PNG or JPEG and choose that file.',
    ],
    [
      'a 5.3 MB photo',
      Buffer.concat([makeJpegHeader(3000, 2000), Buffer.alloc(Math.round(5.3 * 1024 * 1024) - 200)]).toString('base64'),
      'The image is 5.3 MB: use one under 2 MB (export it smaller, or crop it).',
    ],
    [
      'a thumbnail too small to print',
      makePng(64, 48).toString('base64'),
      'The image is 64 × 48 pixels, too small to print clearly: use one at least 120 pixels on each side.',
    ],
  ])('refuses %s, says what to fix, and stores nothing', async (_label, dataBase64, message) => {
    const backend = await readyBackend();
    const before = await tableCounts(backend.dataDir);
    const r = await backend.dispatch('exercises.createClinic', {
      copiedFrom: null,
      exercise: clinicExerciseInput({ picture: { kind: 'upload', description: 'A picture.', dataBase64 } }),
    });
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid_request', message, fields: { 'exercise.picture': message } },
    });
    expect(await tableCounts(backend.dataDir)).toEqual(before);
    backend.close();
  });

  it('needs a picture for a new exercise, and checks its fields like a built-in one', async () => {
    const backend = await readyBackend();
    const noPicture = await backend.invoke('exercises.createClinic', {
      copiedFrom: null,
      exercise: clinicExerciseInput({ picture: { kind: 'keep', description: 'Nothing yet.' } }),
    });
    expect(noPicture).toMatchObject({
      ok: false,
      error: { fields: { 'exercise.picture': 'Add a picture: choose a PNG or JPEG file.' } },
    });
    const bad = await backend.invoke('exercises.createClinic', {
      copiedFrom: null,
      exercise: clinicExerciseInput({
        purpose: 'Line one\nline two',
        steps: [],
      }),
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        fields: {
          'exercise.purpose': 'Purpose must be on one line: remove the tab or line break.',
          'exercise.steps': 'Add at least one line to steps.',
        },
      },
    });
    const both = await backend.invoke('exercises.createClinic', {
      copiedFrom: null,
      exercise: clinicExerciseInput({ easier: ['plank-front'], harder: ['plank-front'] }),
    });
    expect(both).toMatchObject({
      ok: false,
      error: {
        fields: { 'exercise.harder': '"plank-front" is listed as both easier and harder: keep it in one list.' },
      },
    });
    const unknownVariant = await backend.invoke('exercises.createClinic', {
      copiedFrom: null,
      exercise: clinicExerciseInput({ harder: ['moon-walk'] }),
    });
    expect(unknownVariant).toMatchObject({
      ok: false,
      error: {
        fields: {
          'exercise.harder': '"moon-walk" is not in the exercise library: choose harder exercises from the list.',
        },
      },
    });
    expect(await tableCounts(backend.dataDir)).toMatchObject({ exercises: 0, versions: 0, images: 0 });
    backend.close();
  });

  it('copies a built-in exercise, keeping its drawing, and the built-in stays as it was', async () => {
    const backend = await readyBackend();
    const original = builtIn('copenhagen-short-lever');
    const { id: _id, illustration, ...fields } = original;
    const copy = await must(backend, 'exercises.createClinic', {
      copiedFrom: original.id,
      exercise: {
        ...fields,
        name: 'Copenhagen plank, our version',
        picture: { kind: 'keep', description: illustration.description },
      },
    });
    expect(copy).toMatchObject({ copiedFrom: 'copenhagen-short-lever', image: null });
    expect(copy.exercise.illustration).toEqual(illustration);
    expect(copy.exercise.harder).toEqual(original.harder);
    expect(builtIn('copenhagen-short-lever').name).toBe(original.name);
    const missing = await backend.invoke('exercises.createClinic', {
      copiedFrom: 'not-a-built-in',
      exercise: { ...fields, picture: { kind: 'keep', description: 'x' } },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    backend.close();
  });

  it('saves each edit as a new version and keeps the earlier one readable', async () => {
    const backend = await readyBackend();
    const v1 = await must(backend, 'exercises.createClinic', { copiedFrom: null, exercise: clinicExerciseInput() });
    const same = await must(backend, 'exercises.updateClinic', {
      id: v1.id,
      expectedVersion: 1,
      exercise: clinicExerciseInput({ picture: { kind: 'keep', description: pngUpload().description } }),
    });
    expect(same.version).toBe(1);

    const v2 = await must(backend, 'exercises.updateClinic', {
      id: v1.id,
      expectedVersion: 1,
      exercise: clinicExerciseInput({ name: 'Step-down, slow', picture: pngUpload(300, 200, 7) }),
    });
    expect(v2.version).toBe(2);
    expect(v2.image).toMatchObject({ width: 300, height: 200 });
    const old = await must(backend, 'exercises.getClinic', { id: v1.id, version: 1 });
    expect(old).toEqual(v1);

    const stale = await backend.invoke('exercises.updateClinic', {
      id: v1.id,
      expectedVersion: 1,
      exercise: clinicExerciseInput({ name: 'Someone else' }),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } });
    backend.close();
  });

  it('retires and brings back, never deleting, each step audited', async () => {
    const backend = await readyBackend();
    const e = await must(backend, 'exercises.createClinic', { copiedFrom: null, exercise: clinicExerciseInput() });
    const retired = await must(backend, 'exercises.retireClinic', { id: e.id, expectedVersion: 1, retired: true });
    expect(retired.retired).toBe(true);
    expect(await must(backend, 'exercises.listClinic', { includeRetired: false })).toEqual([]);
    expect((await must(backend, 'exercises.listClinic', { includeRetired: true })).map((x) => x.retired)).toEqual([
      true,
    ]);
    const edit = await backend.invoke('exercises.updateClinic', {
      id: e.id,
      expectedVersion: 1,
      exercise: clinicExerciseInput({ name: 'Changed' }),
    });
    expect(edit).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: like(/Bring it back/) },
    });
    await must(backend, 'exercises.retireClinic', { id: e.id, expectedVersion: 1, retired: false });
    const db = await openClinicDb(backend.dataDir, { readonly: true });
    const actions = db.prepare(`SELECT action, summary FROM audit_log WHERE entity = 'exercise' ORDER BY id`).all() as {
      action: string;
      summary: string;
    }[];
    db.close();
    expect(actions).toEqual([
      { action: 'create', summary: 'Added the clinic exercise "Step-down from a low step"' },
      { action: 'retire', summary: 'Retired the clinic exercise "Step-down from a low step"' },
      { action: 'restore', summary: 'Brought back the clinic exercise "Step-down from a low step"' },
    ]);
    backend.close();
  });

  it('answers only a signed-in clinician', async () => {
    const backend = await readyBackend();
    await must(backend, 'session.signOut', {});
    expect(await backend.invoke('exercises.listClinic', { includeRetired: true })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await backend.dispatch('exercises.image', { imageId: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    backend.close();
  });
});

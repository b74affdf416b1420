/**
 * Handouts outside the records: saving one obeys the same destination checks as exports (never
 * into the app's data folder), and the viewer's plain copies are removed when the records lock,
 * when the app quits, and (after a crash) at the next start.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { must, openTestBackend, patientInput, readyBackend, removeTempDirs, tempDir } from '../helpers/backend';
import { fakeDesktop } from '../helpers/records';

afterEach(removeTempDirs);

async function clinicWithHandout(save: () => string | null, viewerTempRoot: string) {
  const backend = await readyBackend({ platform: fakeDesktop({ save }), viewerTempRoot });
  const patient = await must(backend, 'patients.create', patientInput());
  const episode = await must(backend, 'episodes.create', {
    patientId: patient.id,
    diagnosis: 'calf_strain',
    diagnosisDetail: '',
    side: 'left',
    onsetDate: '2026-11-02',
  });
  const issued = await must(backend, 'handouts.issue', { episodeId: episode.id });
  return { backend, handoutId: issued.handout.id };
}

function pdfsUnder(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((n) => n.endsWith('.pdf'));
}

describe('a handout outside the records', () => {
  it('is never saved into the app’s data folder, over the records or beside them', async () => {
    let target = '';
    const { backend, handoutId } = await clinicWithHandout(() => target, tempDir());
    const records = path.join(backend.dataDir, 'clinic.sqlite');
    const before = createHash('sha256').update(fs.readFileSync(records)).digest('hex');
    for (target of [
      records,
      path.join(backend.dataDir, 'handout.pdf'),
      path.join(backend.dataDir, 'backups', 'h.pdf'),
    ]) {
      const r = await backend.invoke('handouts.saveAs', { id: handoutId });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(r.ok ? '' : r.error.message).toBe(
        'That place is inside the app’s data folder. A handout is not encrypted and must not sit beside the records: choose another folder, such as Documents.',
      );
    }
    expect(createHash('sha256').update(fs.readFileSync(records)).digest('hex')).toBe(before);
    expect(fs.existsSync(path.join(backend.dataDir, 'handout.pdf'))).toBe(false);
    target = path.join(tempDir(), 'handout.pdf');
    expect(await must(backend, 'handouts.saveAs', { id: handoutId })).toEqual({ outcome: 'saved', path: target });
    backend.close();
  });

  it('the viewer’s plain copy is removed when the records lock', async () => {
    const root = tempDir();
    const { backend, handoutId } = await clinicWithHandout(() => null, root);
    await must(backend, 'handouts.openInViewer', { id: handoutId });
    expect(pdfsUnder(root)).toHaveLength(1);
    await must(backend, 'session.lock', {});
    expect(pdfsUnder(root)).toEqual([]);
    backend.close();
  });

  it('copies a crashed run left are removed at the next start; another running copy’s are kept', () => {
    const root = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const crashed = path.join(root, `stride-clinic-view-${dead}-AbC123`);
    const running = path.join(root, `stride-clinic-view-${process.ppid}-XyZ789`);
    for (const dir of [crashed, running]) {
      fs.mkdirSync(path.join(dir, 'f-1'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'f-1', 'Zoe handout.pdf'), '%PDF-1.3 patient data');
    }
    openTestBackend({ viewerTempRoot: root }).close();
    expect(fs.readdirSync(root)).toEqual([path.basename(running)]);
  });
});

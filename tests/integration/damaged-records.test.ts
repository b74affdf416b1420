/**
 * A record changed outside the app into something this version cannot read is refused with a
 * sentence naming the record and what to do, never passed on as if it were valid and never
 * shown to the clinician as the schema's own complaint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonNames, readJsonColumn } from '../../main/db/json-column';
import { hasLegacySlot } from '../../main/security/key-file';
import { AppError, messageOf } from '../../main/util/errors';
import { IntakeDraft } from '../../shared/clinical/intake/intake';
import { DEFAULT_RULE_SET } from '../../shared/clinical/rule-sets';
import { must, patientInput, readyBackend, removeTempDirs, tempDir } from '../helpers/backend';
import { clinicKey, rawKeyedConnection } from '../helpers/db';

afterEach(removeTempDirs);

const CLEAR =
  /could not be read from the records file: it is damaged, or was written by a newer version of Stride Clinic\. Restore the most recent backup\./;
const SCHEMA_WORDS = /invalid_type|expected|received|\[\s*\{/i;

describe('a record damaged outside the app', () => {
  it('an intake draft another program rewrote is refused, naming the intake, with no schema dump', async () => {
    const backend = await readyBackend();
    const patient = await must(backend, 'patients.create', patientInput());
    const episode = await must(backend, 'episodes.create', {
      patientId: patient.id,
      diagnosis: 'hamstring_strain',
      diagnosisDetail: '',
      side: 'right',
      onsetDate: null,
    });
    await must(backend, 'intake.start', { episodeId: episode.id });
    expect(await backend.invoke('intake.get', { episodeId: episode.id })).toMatchObject({ ok: true });

    // Valid JSON (the table's CHECK insists on that), but not an intake draft.
    const raw = rawKeyedConnection(path.join(backend.dataDir, 'clinic.sqlite'), await clinicKey(backend.dataDir));
    raw.prepare(`UPDATE intakes SET draft_json = '[1, 2, 3]' WHERE episode_id = ?`).run(episode.id);
    raw.close();

    const answer = await backend.invoke('intake.get', { episodeId: episode.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'database_unavailable' } });
    const message = answer.ok ? '' : answer.error.message;
    expect(message).toMatch(/^The intake (of this episode|behind this note) /);
    expect(message).toMatch(CLEAR);
    expect(message).not.toMatch(SCHEMA_WORDS);
    backend.close();
  });

  it('a rule set version another program added in a shape no format fits is refused, naming the rule set', async () => {
    const backend = await readyBackend();
    const copy = await must(backend, 'ruleSets.copy', { fromId: DEFAULT_RULE_SET.id, name: 'Riverside rules' });
    expect(await backend.invoke('running.library', {})).toMatchObject({ ok: true });

    // The table refuses UPDATE, so a damaged version can only arrive as a new row; its CHECK wants
    // JSON whose id, version and name match the columns, nothing more.
    const raw = rawKeyedConnection(path.join(backend.dataDir, 'clinic.sqlite'), await clinicKey(backend.dataDir));
    const id = copy.ruleSet.id;
    const version = copy.ruleSet.version + 1;
    raw
      .prepare(
        `INSERT INTO rule_set_versions (rule_set_id, version, origin, name, data_json, created_at)
         VALUES (?, ?, 'clinic', 'Riverside rules', ?, '2026-11-02T09:00:00.000Z')`,
      )
      .run(id, version, JSON.stringify({ id, version, name: 'Riverside rules', rules: 'all of them' }));
    raw.close();

    const answer = await backend.invoke('running.library', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'database_unavailable' } });
    const message = answer.ok ? '' : answer.error.message;
    expect(message).toMatch(new RegExp(`^The soreness rule set "${id}" `));
    expect(message).toMatch(CLEAR);
    expect(message).not.toMatch(SCHEMA_WORDS);
    backend.close();
  });

  it('a JSON column that is not JSON at all, or of another shape, is the same clear error naming the record', () => {
    for (const text of ['{not json', '{"names": ["Calf raise"]}', 'null', '[1]']) {
      let thrown: unknown;
      try {
        readJsonColumn(JsonNames, text, 'The exercise list of the handout issued on 2026-11-02');
      } catch (err) {
        thrown = err;
      }
      expect(thrown, text).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ code: 'database_unavailable' });
      expect(messageOf(thrown)).toMatch(/^The exercise list of the handout issued on 2026-11-02 could not be read/);
    }
    expect(() => readJsonColumn(IntakeDraft, '{"episode": 12}', 'The intake of 2026-10-01')).toThrow(CLEAR);
    expect(readJsonColumn(JsonNames, '["Calf raise", "Bridge"]', 'x')).toEqual(['Calf raise', 'Bridge']);
  });

  it('a key file that is damaged or foreign is never taken for one still holding the keychain slot', () => {
    const dir = tempDir();
    const file = path.join(dir, 'keys.json');
    const cases: [string, boolean][] = [
      ['{not json', false],
      ['null', false],
      ['{"wraps": "keychain"}', false],
      ['{"wraps": [null, 7, {"kind": "password"}]}', false],
      ['{"wraps": [null, {"kind": "keychain"}]}', true],
    ];
    for (const [text, holds] of cases) {
      fs.writeFileSync(file, text);
      expect(hasLegacySlot(file), text).toBe(holds);
    }
  });
});

/**
 * A writer process for the crash-safety and backup tests: opens an encrypted test clinic with
 * the app's own code (openClinicStore, the real repositories) and writes transactions in a loop,
 * printing each one only after its commit has returned:
 *
 *   ready
 *   T                           a transaction is about to start (its line follows once it committed)
 *   P <patient id>              a patient created (patient row, search index row, audit row)
 *   E <episode id> <patient id> an episode opened for that patient (episode row, audit row)
 *   U <patient id> <version>    a patient edited up to that version (update, audit row)
 *
 * Configured by the environment variable STRIDE_WRITER (JSON): { dataDir, keyHex, tag, pauseMs }.
 * It prints "loaded" and waits for a line on its standard input before opening the records, so a
 * test can start the next writer (Node's start-up is the slow part) while it checks the last one.
 * Built into plain JavaScript by tests/helpers/build-writer.ts (Vite SSR build), since Node
 * cannot run TypeScript by itself.
 */
import fs from 'node:fs';
import { openClinicStore } from '../../main/backend/store';
import { createEpisode } from '../../main/records/episodes';
import { createPatient, updatePatient } from '../../main/records/patients';
import { systemClock } from '../../main/util/clock';

interface WriterConfig {
  dataDir: string;
  keyHex: string;
  tag: string;
  /** Milliseconds to wait between transactions (0: as fast as possible). */
  pauseMs: number;
}

function say(line: string): void {
  // Synchronous: the line is out of this process before the next transaction starts.
  fs.writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.STRIDE_WRITER ?? '{}') as WriterConfig;
  say('loaded');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  const key = Buffer.from(config.keyHex, 'hex');
  const store = openClinicStore(config.dataDir, 'real', { key, appVersion: 'writer', create: false });
  const db = store.db;
  say('ready');
  for (let n = 1; ; n++) {
    const givenName = `Runner${n}`;
    const input = {
      givenName,
      familyName: `Writer-${config.tag}`,
      dateOfBirth: '1990-05-17',
      sex: 'not_stated' as const,
      phone: '',
      email: '',
      recordNumber: `W-${config.tag}-${process.pid}-${n}`,
      notes: `Written by the test writer, transaction ${n}. ${'Long note text. '.repeat(n % 7)}`,
    };
    say('T');
    const patient = createPatient(db, systemClock, 1, input);
    say(`P ${patient.id}`);
    if (n % 3 === 0) {
      say('T');
      const episode = createEpisode(db, systemClock, 1, {
        patientId: patient.id,
        diagnosis: 'hamstring_strain',
        diagnosisDetail: '',
        side: 'left',
        onsetDate: null,
      });
      say(`E ${episode.id} ${patient.id}`);
    }
    if (n % 4 === 0) {
      say('T');
      const updated = updatePatient(db, systemClock, 1, {
        id: patient.id,
        expectedVersion: patient.version,
        changes: { ...input, phone: `+44 7700 ${String(n).padStart(6, '0')}` },
      });
      say(`U ${updated.id} ${updated.version}`);
    }
    if (config.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, config.pauseMs));
  }
}

main().catch((err: unknown) => {
  fs.writeSync(2, `writer failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

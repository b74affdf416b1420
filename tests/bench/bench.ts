/**
 * The project's benchmark (`npm run bench`). Builds a synthetic clinic in a temporary folder and
 * prints the figures each issue budgets, with the budget beside each. It measures; it does not
 * fail the build (budgets are checked by reading its output, not by timed tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printFigures } from './stats';
import { benchAuditAnchor } from './suites/audit-anchor';
import { benchBackup } from './suites/backup';
import { benchHandout } from './suites/handout';
import { benchKeys } from './suites/keys';
import { benchReadiness } from './suites/readiness';
import { benchRekey } from './suites/rekey';
import { benchRecords } from './suites/records';
import { benchRunning, CHECK_INS } from './suites/running';
import { benchTimeline, TIMELINE_EVENTS } from './suites/timeline';
import { makeSyntheticClinic } from './synthetic-clinic';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** `--only handout` (or `records`, `timeline`, `readiness`, `audit`, `keys`, `backup`, `rekey`) runs one suite; by default all run. */
function wanted(suite: string): boolean {
  const i = process.argv.indexOf('--only');
  return i < 0 || process.argv[i + 1] === suite;
}

function header(): void {
  console.log(
    `Stride Clinic benchmark: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
  );
}

async function main(): Promise<void> {
  if (process.argv.includes('--only') && wanted('keys')) {
    // Key derivation and sign-in on their own, in a small clinic.
    header();
    printFigures('Passwords and sign-in: scrypt before, Argon2id after', await benchKeys());
    return;
  }
  if (process.argv.includes('--only') && wanted('rekey')) {
    // Changing the records key of the whole synthetic clinic (100,000 patients by default).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-bench-'));
    try {
      header();
      const clinic = await makeSyntheticClinic(path.join(root, 'clinic'), arg('--patients', 100_000), {
        encrypted: true,
      });
      printFigures('Change the records key', await benchRekey(clinic));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    return;
  }
  if (process.argv.includes('--only') && wanted('readiness')) {
    // The intake's readiness result on its own: pure functions, no clinic needed.
    header();
    printFigures('Intake readiness, per keystroke', benchReadiness());
    return;
  }
  if (process.argv.includes('--only') && wanted('timeline')) {
    // The episode history on its own, in a smaller clinic (its queries are keyed by episode).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-bench-'));
    try {
      console.log(
        `Stride Clinic benchmark: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
      );
      const clinic = await makeSyntheticClinic(path.join(root, 'clinic'), arg('--patients', 2_000), {
        encrypted: true,
      });
      printFigures(`Episode history (${TIMELINE_EVENTS} timeline events)`, await benchTimeline(clinic));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    return;
  }
  if (process.argv.includes('--only') && wanted('backup')) {
    // Backups, restores and exports on their own, at the full clinic size (they grow with it).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-bench-'));
    try {
      header();
      const patients = arg('--patients', 100_000);
      const clinic = await makeSyntheticClinic(path.join(root, 'clinic'), patients, { encrypted: true });
      printFigures(
        `Backups, restores and exports (${patients.toLocaleString('en')} patients)`,
        await benchBackup(clinic),
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    return;
  }
  if (process.argv.includes('--only') && wanted('audit')) {
    // An audited write and the audit trail's anchor, in a smaller clinic (the write is keyed by patient).
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-bench-'));
    try {
      header();
      const clinic = await makeSyntheticClinic(path.join(root, 'clinic'), arg('--patients', 2_000), {
        encrypted: true,
      });
      printFigures('Audited writes and the audit trail’s anchor', await benchAuditAnchor(clinic));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    return;
  }
  if (!wanted('records')) {
    console.log(
      `Stride Clinic benchmark: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
    );
    printFigures('Take-home handout', await benchHandout());
    return;
  }
  const patients = arg('--patients', 100_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-bench-'));
  try {
    console.log(
      `Stride Clinic benchmark: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
    );
    const t0 = performance.now();
    const clinic = await makeSyntheticClinic(path.join(root, 'clinic'), patients, { encrypted: true });
    const plain = await makeSyntheticClinic(path.join(root, 'plain'), patients, { encrypted: false });
    const size = fs.statSync(path.join(clinic.dataDir, 'clinic.sqlite')).size;
    console.log(
      `Synthetic clinics: ${patients.toLocaleString('en')} patients each (encrypted: ${(size / 1e6).toFixed(1)} MB; and a plain copy), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    printFigures('Records and sign-in (issues 2 and 8)', await benchRecords(clinic, plain));
    printFigures(
      `Running programmes and check-ins (${CHECK_INS} check-ins on one patient)`,
      await benchRunning(clinic),
    );
    printFigures(`Episode history (${TIMELINE_EVENTS} timeline events)`, await benchTimeline(clinic));
    printFigures('Backups, restores and exports', await benchBackup(clinic));
    printFigures('Intake readiness, per keystroke', benchReadiness());
    printFigures('Audited writes and the audit trail’s anchor', await benchAuditAnchor(clinic));
    printFigures('Passwords and sign-in: scrypt before, Argon2id after', await benchKeys());
    if (wanted('handout')) printFigures('Take-home handout', await benchHandout());
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

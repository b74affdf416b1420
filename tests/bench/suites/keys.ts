/**
 * Key derivation and sign-in (issue 16): the password check before and after the move from
 * scrypt (N = 2^17, r = 8, p = 1) to Argon2id (64 MiB, 3 passes, 1 lane, in a worker thread), a
 * whole sign-in at the app's cost, and the first sign-in of a clinician whose slot is still scrypt
 * (unwrap with scrypt, then rewrap with Argon2id). In a small clinic: the records' size does not
 * enter into it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../../main/backend/backend';
import { passwordKey, SCRYPT_PARAMS } from '../../../main/security/crypto';
import { DEFAULT_PASSWORD_KDF } from '../../../main/security/key-file';
import type { Figure } from '../stats';
import { percentile, time } from '../stats';
import { BENCH_PASSWORD } from '../synthetic-clinic';

const QUIET = { info: () => {}, error: (m: string) => console.error(m) };
const RUNS = 5;

function ms(v: number): string {
  return `${v.toFixed(0)} ms`;
}

async function p50(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await time(run))[1]);
  return percentile(times, 50);
}

const SETTINGS = {
  clinicName: 'Key Bench Clinic',
  address: '',
  phone: '',
  email: '',
  emergencyNumber: '999',
  units: 'km' as const,
  paperSize: 'A4' as const,
  dateFormat: 'DD/MM/YYYY' as const,
  autoLockMinutes: 5,
};

async function signInTimes(kdfBefore: 'scrypt' | 'argon2id'): Promise<{ signIn: number; firstAfterUpgrade: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-bench-keys-'));
  try {
    const before = kdfBefore === 'scrypt' ? ({ name: 'scrypt', ...SCRYPT_PARAMS } as const) : DEFAULT_PASSWORD_KDF;
    const setup = createBackend({ dataDir, logger: QUIET, appVersion: 'bench', passwordKdf: before });
    const r = await setup.invoke('app.setup', {
      clinic: SETTINGS,
      clinician: { name: 'Bench Physio', profession: 'Physiotherapist', registrationNumber: '' },
      password: BENCH_PASSWORD,
    });
    if (!r.ok) throw new Error(r.error.message);
    setup.close();
    const backend = createBackend({ dataDir, logger: QUIET, appVersion: 'bench' });
    const signIn = async () => {
      const s = await backend.invoke('session.signIn', { clinicianId: 1, password: BENCH_PASSWORD });
      if (!s.ok) throw new Error(s.error.message);
      await backend.invoke('session.signOut', {});
    };
    const [, first] = await time(signIn);
    const again = await p50(signIn);
    backend.close();
    return { signIn: again, firstAfterUpgrade: first };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchKeys(): Promise<Figure[]> {
  const salt = Buffer.alloc(16, 7).toString('base64');
  const scrypt = await p50(() => passwordKey(BENCH_PASSWORD, { name: 'scrypt', ...SCRYPT_PARAMS, salt }));
  const argon2 = await p50(() => passwordKey(BENCH_PASSWORD, { ...DEFAULT_PASSWORD_KDF, salt }));
  const fromScrypt = await signInTimes('scrypt');
  const current = await signInTimes('argon2id');
  const { m, t, p } = DEFAULT_PASSWORD_KDF.name === 'argon2id' ? DEFAULT_PASSWORD_KDF : { m: 0, t: 0, p: 0 };
  return [
    { name: `before: scrypt N=2^17 r=8 p=1 (p50 of ${RUNS})`, value: ms(scrypt) },
    {
      name: `after: Argon2id m=${m / 1024} MiB t=${t} p=${p}, worker thread (p50 of ${RUNS})`,
      value: ms(argon2),
      budget: 'about 500 ms',
      withinBudget: argon2 > 250 && argon2 < 1000,
    },
    { name: `sign-in with Argon2id, to the open records (p50 of ${RUNS})`, value: ms(current.signIn) },
    {
      name: 'first sign-in of a scrypt slot (unwrap scrypt, rewrap Argon2id)',
      value: ms(fromScrypt.firstAfterUpgrade),
    },
  ];
}

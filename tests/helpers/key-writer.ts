/**
 * A second copy of the app for the two-instance test: a real backend (the app's own code) on a
 * data folder another process also uses, signed in as clinician 1, changing the key file through
 * the app's channels and printing each change once the app has reported it done:
 *
 *   ready                 signed in, waiting for "go" on standard input
 *   C <id> <password>     clinician <id> was given this password (created, or set again)
 *   done
 *
 * Configured by STRIDE_KEY_WRITER (JSON): { dataDir, role: 'a' | 'b', rounds, firstPassword,
 * newPassword }. Role a also changes clinician 1's own password half-way. Built by
 * tests/helpers/build-writer.ts (buildWriter('key-writer')).
 */
import fs from 'node:fs';
import { createBackend } from '../../main/backend/backend';
import type { Backend } from '../../main/backend/backend';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { memoryLogger } from '../../main/util/logger';

interface KeyWriterConfig {
  dataDir: string;
  role: 'a' | 'b';
  rounds: number;
  firstPassword: string;
  newPassword: string;
}

function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

async function call<C extends Channel>(backend: Backend, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await backend.invoke(channel, request);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/**
 * An administrative act, confirmed with clinician 1's password as the key file has it now: the
 * other copy may have changed that password half-way, so a refused confirmation is tried once
 * with the new one (and the new one is used from then on).
 */
let yourPassword = '';
async function asAdmin<C extends Channel>(
  backend: Backend,
  config: KeyWriterConfig,
  channel: C,
  request: (yourPassword: string) => RequestOf<C>,
): Promise<ResponseOf<C>> {
  yourPassword ||= config.firstPassword;
  const r = await backend.invoke(channel, request(yourPassword));
  if (r.ok) return r.value;
  if (r.error.code !== 'unauthenticated' || yourPassword === config.newPassword) {
    throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  }
  yourPassword = config.newPassword;
  return call(backend, channel, request(yourPassword));
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.STRIDE_KEY_WRITER ?? '{}') as KeyWriterConfig;
  const backend = createBackend({
    dataDir: config.dataDir,
    logger: memoryLogger(),
    passwordKdf: { name: 'argon2id', m: 1024, t: 1, p: 1 },
    diskReserveBytes: 0,
  });
  await call(backend, 'session.signIn', { clinicianId: 1, password: config.firstPassword });
  say('ready');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const name = config.role === 'a' ? 'Anna' : 'Bruno';
  for (let i = 0; i < config.rounds; i++) {
    const animal = config.role === 'a' ? 'otters' : 'herons';
    const password = `${i} ${animal} walk the quiet harbour at dawn`;
    const c = await asAdmin(backend, config, 'clinicians.create', (yourPassword) => ({
      clinician: { name: `${name} Round${i}`, profession: 'Physiotherapist', registrationNumber: '' },
      password,
      yourPassword,
    }));
    say(`C ${c.id} ${password}`);
    if (config.role === 'b' && i % 2 === 1) {
      const again = `${i} ${animal} prefer the long road by the river`;
      await asAdmin(backend, config, 'clinicians.setPassword', (yourPassword) => ({
        clinicianId: c.id,
        password: again,
        yourPassword,
      }));
      say(`C ${c.id} ${again}`);
    }
    if (config.role === 'a' && i === Math.floor(config.rounds / 2)) {
      await call(backend, 'session.changePassword', {
        currentPassword: config.firstPassword,
        newPassword: config.newPassword,
      });
      yourPassword = config.newPassword;
      say(`C 1 ${config.newPassword}`);
    }
  }
  backend.close();
  say('done');
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

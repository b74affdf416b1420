/**
 * Desktop E2E: the real Electron window. Runs where the Electron binary is installed; where it
 * is not (this CI machine cannot download it), each test is reported as skipped with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { desktopSkipReason, electronBinary, electronSqliteBinding, ROOT } from './electron-env';
import { addPatient, patientHeading } from './pages/patients';
import { setUpClinic } from './pages/setup';

const bin = electronBinary();
const binding = electronSqliteBinding();
const skipReason = desktopSkipReason();

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== null, `Desktop E2E skipped: ${skipReason ?? ''}`);

  test('opens the hardened window on the first-start screen and saves a patient', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-electron-'));
    const app = await electron.launch({
      executablePath: bin!,
      args: [ROOT],
      env: { ...process.env, STRIDE_DATA_DIR: dataDir, STRIDE_SQLITE_BINDING: binding! },
    });
    const window = await app.firstWindow();
    await window.locator('body[data-app-ready="true"]').waitFor();
    expect(window.url()).toBe('app://stride/index.html#/');
    await expect(window.getByRole('heading', { name: 'Welcome to Stride Clinic' })).toBeVisible();
    const exposed = await window.evaluate(() => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require,
      hasProcess: typeof (globalThis as { process?: unknown }).process,
      channels: Object.keys((window as unknown as { stride: object }).stride).length,
    }));
    expect(exposed.hasRequire).toBe('undefined');
    expect(exposed.hasProcess).toBe('undefined');
    expect(exposed.channels).toBeGreaterThan(10);
    await setUpClinic(window);
    await addPatient(window, {
      givenName: 'Zoë',
      familyName: 'Łukasiewicz-Ørsted',
      dateOfBirth: '14/03/1991',
      recordNumber: 'RR-0001',
    });
    await expect(patientHeading(window)).toHaveText('Zoë Łukasiewicz-Ørsted');
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

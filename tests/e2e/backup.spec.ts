/**
 * Offline clinic records: a backup made while working, more work, a restore with the password,
 * and everything is as it was at backup time; exports are downloads with a warning; the audit
 * trail shows what happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readPdf } from '../helpers/pdf';
import { expect, openApp, test } from './fixtures';
import { addPatient, goToPatients, patientHeading, patientList, patientRows, searchPatients } from './pages/patients';
import {
  backUpNow,
  confirmRestore,
  goToAuditTrail,
  goToSettings,
  recordsSection,
  restoreNewestBackup,
} from './pages/records';
import { CLINIC, setUpClinic } from './pages/setup';

test('back up, add a patient, restore the backup: everything is as it was at backup time', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toHaveText('Zoë Łukasiewicz-Ørsted');
  await searchPatients(page, 'lukasiewicz');
  await expect(patientRows(page)).toHaveText([/Łukasiewicz-Ørsted, Zoë/]);

  await backUpNow(page);
  const list = recordsSection(page).getByRole('table', { name: 'Backups in the data folder, newest first' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('Made by a clinician');

  await addPatient(page, {
    givenName: 'Late',
    familyName: 'Arrival',
    dateOfBirth: '01/01/1990',
    recordNumber: 'RR-0002',
  });
  await expect(patientHeading(page)).toHaveText('Late Arrival');

  await restoreNewestBackup(page, CLINIC.password, CLINIC.clinician);
  const compare = page.getByRole('table', { name: 'The backup compared with the current records' });
  await expect(compare.getByRole('row', { name: /^Patients/ })).toHaveText(/Patients\s*1\s*2/);
  await confirmRestore(page);

  await goToPatients(page);
  await expect(patientList(page).getByRole('option')).toHaveText([/Łukasiewicz-Ørsted, Zoë/]);
  await searchPatients(page, 'arrival');
  await expect(page.getByText('Late Arrival')).toHaveCount(0);
  await searchPatients(page, 'zoe');
  await patientRows(page).first().click();
  await expect(patientHeading(page)).toHaveText('Zoë Łukasiewicz-Ørsted');

  // The records replaced are kept; the restore is in the audit trail.
  await goToSettings(page);
  await expect(recordsSection(page)).toContainText('Before a restore');
  await goToAuditTrail(page);
  await page.getByLabel('Action').selectOption({ label: 'Restore from backup' });
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByRole('table', { name: 'Audit trail entries' })).toContainText(
    'restored the records from the backup',
  );
});

test('a wrong password does not unlock a backup, and nothing changes', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Kofi',
    familyName: 'Mensah',
    dateOfBirth: '02/02/1985',
    recordNumber: 'RR-0010',
  });
  await backUpNow(page);
  await goToSettings(page);
  await recordsSection(page)
    .getByRole('button', { name: /^Restore… the backup made/ })
    .first()
    .click();
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByLabel('Password (as it was then)').fill('not the password at all');
  await restore.getByRole('button', { name: 'Unlock and check the backup' }).click();
  await expect(
    restore.getByText(/That is not Priya Shah’s password as it was when this backup was made/),
  ).toBeVisible();
  await goToPatients(page);
  await expect(patientRows(page)).toHaveText([/Mensah, Kofi/]);
});

test('exports warn that the file is not encrypted and download the clinic and one patient’s record', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Aiko',
    familyName: 'Tanaka',
    dateOfBirth: '05/06/1992',
    recordNumber: 'RR-0020',
  });
  await page.getByRole('button', { name: 'Export record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the record of Aiko Tanaka' });
  await expect(dialog.getByText('The exported file is not encrypted.')).toBeVisible();
  // The readable PDF is chosen first.
  await expect(dialog.getByRole('radio', { name: /PDF \(readable\)/ })).toBeChecked();
  const pdfDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export and download' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2} Tanaka Aiko record\.pdf$/);
  const pdfText = (await readPdf(fs.readFileSync(await pdf.path()))).pages.flat().join(' ');
  expect(pdfText).toContain('Aiko Tanaka');
  expect(pdfText).toContain('Record RR-0020');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Export record…' }).click();
  await dialog.getByRole('radio', { name: /JSON \(for another system\)/ }).check();
  const recordDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export and download' }).click();
  const record = await recordDownload;
  expect(record.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2} Tanaka Aiko record\.json$/);
  const json = JSON.parse(fs.readFileSync(await record.path(), 'utf8')) as {
    scope: string;
    tables: { patients: { rows: { given_name: string }[] } };
  };
  expect(json.scope).toBe('patient');
  expect(json.tables.patients.rows.map((r) => r.given_name)).toEqual(['Aiko']);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await goToSettings(page);
  await recordsSection(page).getByRole('button', { name: 'Export as CSV files…' }).click();
  const csvDialog = page.getByRole('dialog', { name: 'Export the clinic as CSV files' });
  await expect(csvDialog.getByText('The exported file is not encrypted.')).toBeVisible();
  const clinicDownload = page.waitForEvent('download');
  await csvDialog.getByRole('button', { name: 'Export and download' }).click();
  const zip = await clinicDownload;
  expect(zip.suggestedFilename()).toMatch(/^Riverside Running Clinic export \d{4}-\d{2}-\d{2} \(CSV\)\.zip$/);
  expect(
    fs
      .readFileSync(await zip.path())
      .subarray(0, 4)
      .toString('latin1'),
  ).toBe('PK\u0003\u0004');
  await expect(csvDialog.getByText(/Downloaded .* It is not encrypted: keep it safe\./)).toBeVisible();
});

test('records that cannot be opened are restored from a backup, the damaged file kept aside', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Søren',
    familyName: 'Andersen',
    dateOfBirth: '09/09/1979',
    recordNumber: 'RR-0030',
  });
  await backUpNow(page);
  await app.stop();
  const file = path.join(app.dataDir, 'clinic.sqlite');
  const bytes = fs.readFileSync(file);
  bytes.fill(0x41, 0, 4096);
  fs.writeFileSync(file, bytes);
  await app.restart();
  await openApp(page, app);
  await signInExpectingProblem(page);
  await expect(page.getByText('Stride Clinic could not open the records')).toBeVisible();
  await page.getByRole('button', { name: 'Restore from a backup…' }).click();
  const restore = page.getByRole('region', { name: 'Restore from a backup' });
  await restore.getByRole('radio', { name: /Made by a clinician/ }).check();
  await restore.getByRole('button', { name: 'Check this backup' }).click();
  await restore.getByLabel('Password (as it was then)').fill(CLINIC.password);
  await restore.getByRole('button', { name: 'Unlock and check the backup' }).click();
  await restore.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByText('The records were restored from the backup made')).toBeVisible({ timeout: 30_000 });
  await expect(patientRows(page)).toHaveText([/Andersen, Søren/]);
  const aside = fs.readdirSync(path.join(app.dataDir, 'backups')).find((n) => n.endsWith('unreadable records'));
  expect(aside).toBeDefined();
  expect(
    fs
      .readFileSync(path.join(app.dataDir, 'backups', aside!, 'clinic.sqlite'))
      .subarray(0, 4096)
      .every((b) => b === 0x41),
  ).toBe(true);
});

async function signInExpectingProblem(page: Page): Promise<void> {
  await page.getByRole('radio', { name: CLINIC.clinician }).check();
  await page.getByLabel(`Password for ${CLINIC.clinician}`).fill(CLINIC.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

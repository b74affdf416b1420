/** The patient list, form and page, as a clinician sees them. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface NewPatient {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  recordNumber: string;
  phone?: string;
  notes?: string;
}

export async function addPatient(page: Page, p: NewPatient): Promise<void> {
  await goToPatients(page);
  await page.getByRole('link', { name: 'New patient' }).click();
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await fillPatientForm(page, p);
  await page.getByRole('button', { name: 'Save patient' }).click();
}

export async function fillPatientForm(page: Page, p: NewPatient): Promise<void> {
  await page.getByLabel('Given name').fill(p.givenName);
  await page.getByLabel('Family name').fill(p.familyName);
  await page.getByLabel('Date of birth').fill(p.dateOfBirth);
  await page.getByLabel('Record number').fill(p.recordNumber);
  if (p.phone !== undefined) await page.getByLabel('Phone').fill(p.phone);
  if (p.notes !== undefined) await page.getByLabel('Notes').fill(p.notes);
}

export function patientHeading(page: Page) {
  return page.locator('#patient-name');
}

export async function goToPatients(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toBeVisible();
}

export async function searchPatients(page: Page, text: string): Promise<void> {
  await goToPatients(page);
  await page.getByLabel('Find a patient').fill(text);
}

export function patientList(page: Page) {
  return page.getByRole('listbox', { name: 'Patients' });
}

export function patientRows(page: Page) {
  return patientList(page).getByRole('option');
}

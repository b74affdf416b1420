/** Giving a patient the take-home handout from the episode page, in the browser preview. */
import { expect, openApp, test } from './fixtures';
import { openEpisode } from './pages/episodes';
import { addExercise, openProgrammeEditor, saveProgramme, setDosage } from './pages/exercises';
import { downloadPreviewPdf, handoutPreview, handoutSection, handoutsGiven, printHandout } from './pages/handouts';
import { addPatient, patientHeading } from './pages/patients';
import { setUpClinic } from './pages/setup';
import { allText, readPdf } from '../helpers/pdf';

test('"Print handout" makes the PDF, previews it, offers the download, and the history shows it given', async ({
  page,
  app,
}) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'Zoë',
    familyName: 'Łukasiewicz-Ørsted',
    dateOfBirth: '14/03/1991',
    recordNumber: 'RR-0001',
  });
  await expect(patientHeading(page)).toBeVisible();
  await openEpisode(page, { diagnosis: 'Calf strain', side: 'Left', onset: '02/11/2026' });

  await expect(handoutSection(page).getByText('No handouts given for this episode yet.')).toBeVisible();
  await printHandout(page);

  // The browser preview offers a download (no native dialogs here), with a sensible file name,
  // of the real PDF: the patient's name as typed, the clinic's phone to call.
  const preview = handoutPreview(page);
  await expect(preview.getByRole('button', { name: 'Print…' })).toHaveCount(0);
  const { pdf, fileName } = await downloadPreviewPdf(page);
  expect(fileName).toMatch(/^\d{4}-\d{2}-\d{2} Lukasiewicz-Orsted Zoe handout\.pdf$/);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = allText(await readPdf(pdf));
  expect(text).toContain('Zoë Łukasiewicz-Ørsted');
  expect(text).toContain('Call us on +44 113 496 0000 if:');

  // The clinician is told what the handout leaves out today.
  await expect(
    preview.getByText('No running plan yet: the handout says running is not in the plan yet.'),
  ).toBeVisible();

  // The history shows it given, and a reprint is the same file.
  const rows = handoutsGiven(page).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Priya Shah');
  await expect(rows.nth(1)).toContainText('No running plan');
  await rows
    .nth(1)
    .getByRole('button', { name: /^Reprint the handout of / })
    .click();
  await expect(preview.getByRole('heading', { name: 'Reprint of the handout' })).toBeVisible();
  expect((await downloadPreviewPdf(page)).pdf.equals(pdf)).toBe(true);
  await expect(rows).toHaveCount(2);

  // The patient page shows the handout given, on the episode's line.
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Zoë Łukasiewicz-Ørsted' })
    .click();
  await expect(page.getByText(/^Handout given \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  expect(problems, 'the page logged errors (a CSP violation would show here)').toEqual([]);
});

test('the handout carries the home exercises as prescribed, and the history lists them', async ({ page, app }) => {
  await openApp(page, app);
  await setUpClinic(page);
  await addPatient(page, {
    givenName: 'An',
    familyName: 'Nguyễn Văn',
    dateOfBirth: '02/09/1986',
    recordNumber: 'RR-0002',
  });
  await expect(patientHeading(page)).toBeVisible();
  await openEpisode(page, { diagnosis: 'Hamstring strain', side: 'Right' });
  await openProgrammeEditor(page);
  await addExercise(page, 'Knee-to-wall ankle stretch', { search: 'knee to wall' });
  await addExercise(page, 'Side plank on knees', { search: 'side plank' });
  await setDosage(page, 'Side plank on knees', { sets: '4' });
  await saveProgramme(page, 1);

  await printHandout(page);
  const { pdf, fileName } = await downloadPreviewPdf(page);
  expect(fileName).toMatch(/^\d{4}-\d{2}-\d{2} Nguyen Van An handout\.pdf$/);
  const text = allText(await readPdf(pdf));
  expect(text).toContain('Nguyễn Văn');
  expect(text).toContain('Knee-to-wall ankle stretch: 2 sets of 10, every day');
  expect(text).toContain('Side plank on knees: 4 holds of 20 s, 3 days a week');
  expect(text).toContain('1. Knee-to-wall ankle stretch');
  const row = handoutsGiven(page).getByRole('row').nth(1);
  await expect(row).toContainText('Knee-to-wall ankle stretch');
  await expect(row).toContainText('Side plank on knees');
});

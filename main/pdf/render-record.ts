/**
 * renderRecord: one patient's full record as a readable PDF (for a referral or the patient's own
 * request), from the data gathered by main/records/record-data.ts and the words of
 * shared/records/record-content.ts, laid out with the handout's fonts, blocks and page flow.
 *
 * Every page's header says whose record it is and where it came from: the clinic and how to
 * reach it, who exported it and when, the patient's name, record number and date of birth, and
 * "Page x of y". Deterministic like the handout: the same data on the same export date gives the
 * same bytes (the PDF's dates are the export date, not the clock).
 */
import { recordContent } from '../../shared/records/record-content';
import type { RecordContent } from '../../shared/records/record-content';
import type { PatientRecordData } from '../../shared/records/record-data';
import { blockUnits } from './blocks';
import type { Frame } from './blocks';
import type { HeaderText } from './document';
import { renderDocument, sectionTitle } from './document';
import type { Unit } from './layout';
import { STYLE } from './layout';
import { drawWrapped, wrap } from './text';

function headerText(content: RecordContent): HeaderText {
  const h = content.header;
  return {
    left: [
      [{ text: h.clinicName, bold: true }],
      ...(h.contact === '' ? [] : [[{ text: h.contact }]]),
      [{ text: h.exported }],
    ],
    right: (pageLabel) => [[{ text: h.patientName, bold: true }], [{ text: h.patientLine }], [{ text: pageLabel }]],
  };
}

function titleUnits(f: Frame, content: RecordContent): Unit[] {
  const title = wrap(f.doc, [{ text: content.title, bold: true }], STYLE.title, f.width);
  const byline = wrap(f.doc, content.byline, STYLE.body, f.width);
  return [
    { height: title.height, spaceBefore: 0, draw: (y) => drawWrapped(f.doc, title, f.x, y), keepWithNext: true },
    { height: byline.height, spaceBefore: 6, draw: (y) => drawWrapped(f.doc, byline, f.x, y), keepWithNext: true },
  ];
}

/** The record as PDF bytes. */
export async function renderRecord(data: PatientRecordData): Promise<Buffer> {
  const content = recordContent(data);
  return renderDocument(
    {
      paperSize: data.paperSize,
      date: data.exportedOn,
      title: content.documentTitle,
      author: data.clinic.name,
      subject: 'Clinical record (not encrypted)',
    },
    headerText(content),
    (frame) => {
      const units: Unit[] = [...titleUnits(frame, content)];
      for (const section of content.sections) {
        units.push(sectionTitle(frame, section.title));
        for (const block of section.blocks) units.push(...blockUnits(frame, block));
      }
      return units;
    },
  );
}

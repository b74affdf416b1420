/**
 * The same handout content (shared/handout/content.ts) laid out as an HTML page, the usual
 * alternative to drawing the PDF: Chromium prints it with page.pdf(), running header and page
 * numbers from its header template, pictures as inline SVG, page breaks by CSS. Used by the
 * benchmark to compare speed with renderHandout; it is not shipped.
 */
import type { Block, HandoutContent, Run } from '../../../shared/handout/content-blocks';
import { drawingToSvg, escapeXml } from '../../../shared/drawing/svg';

const esc = escapeXml;

function runs(rs: readonly Run[]): string {
  return rs.map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join('');
}

function block(b: Block, i: number): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${esc(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`;
    case 'bullets':
      return `<ul class="${b.columns === 2 ? 'two' : ''}">${b.items.map((it) => `<li>${runs(it)}</li>`).join('')}</ul>`;
    case 'facts':
      return `<dl>${b.rows.map((r) => `<dt>${esc(r.label)}</dt><dd>${r.lines.map((l) => `<div>${runs(l)}</div>`).join('')}</dd>`).join('')}</dl>`;
    case 'table':
      return `<table class="${b.rowStyle}"><thead><tr>${b.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map(
          (row) =>
            `<tr>${row.map((c) => `<td>${c.kind === 'choice' ? c.options.map(esc).join('&emsp;') : c.kind === 'tick' ? '&#9744;' : runs(c.runs)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'bouts':
      return `<div class="bouts">${b.segments.map((s) => `<span class="${s.activity}" style="flex:${s.share}">${esc(s.label)}</span>`).join('')}</div><p><strong>${esc(b.repeat)}</strong></p>`;
    case 'calendar':
      return `<table class="calendar"><thead><tr>${b.weekdays.map((d) => `<th>${esc(d)}</th>`).join('')}</tr></thead><tbody>${b.weeks
        .map(
          (w) =>
            `<tr>${w.map((d) => `<td class="${d.marks.length ? 'marked' : ''}">${esc(d.label)}${d.marks.map((m) => `<br><strong>${esc(m)}</strong>`).join('')}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'exercise': {
      const picture =
        b.picture?.kind === 'drawing'
          ? drawingToSvg(b.picture.drawing, { width: '4cm', idPrefix: `ex${i}` })
          : b.picture?.kind === 'image'
            ? `<img src="data:${b.picture.mediaType};base64,${b.picture.base64}" alt="${esc(b.picture.description)}">`
            : '';
      return `<section class="exercise"><div class="left">${picture}<p><strong>How much:</strong></p><table>${b.dosage.map((d) => `<tr><th>${esc(d.label)}</th><td><strong>${esc(d.value)}</strong></td></tr>`).join('')}</table></div><div class="right"><h4>${b.number}. ${esc(b.name)}</h4><p>${esc(b.purpose)}</p><p><strong>Start:</strong> ${esc(b.start)}</p><ol>${b.steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol><p><strong>Tips:</strong> ${esc(b.tips.join(' '))}</p>${b.mistakes.length > 0 ? `<p><strong>Avoid:</strong> ${esc(b.mistakes.join(' '))}</p>` : ''}${b.easier.length > 0 ? `<p><strong>Too hard? Do this instead:</strong> ${esc(b.easier.join(' or '))}.</p>` : ''}${b.harder.length > 0 ? `<p><strong>Too easy? Ask us about:</strong> ${esc(b.harder.join(' or '))}.</p>` : ''}${b.note ? `<p class="note"><strong>${esc(b.note.label)}</strong> ${esc(b.note.text)}</p>` : ''}</div></section>`;
    }
    case 'box':
      return `<div class="box ${b.tone}"><h3>${esc(b.title)}</h3>${b.blocks.map(block).join('')}</div>`;
  }
}

const CSS = `
@page { size: A4; margin: 26mm 15.5mm 13mm; }
body { font: 12pt/1.3 'Noto Sans', sans-serif; color: #161a19; margin: 0; }
h1 { font-size: 24pt; margin: 0 0 4pt; } h2 { font-size: 20pt; color: #0b5754; margin: 20pt 0 6pt; break-after: avoid; }
h3 { font-size: 15pt; margin: 12pt 0 4pt; break-after: avoid; } h4 { font-size: 14.5pt; margin: 0; }
p { margin: 5pt 0; } ul.two { columns: 2; } li { break-inside: avoid; }
dl { display: grid; grid-template-columns: 104pt 1fr; gap: 4pt 0; } dt { font-weight: 700; } dd { margin: 0; }
table { width: 100%; border-collapse: collapse; } th { background: #dde9e6; text-align: left; }
th, td { border: 0.75pt solid #7d8c88; padding: 4pt 6pt; vertical-align: top; } tr { break-inside: avoid; }
table.write td { height: 22pt; } .calendar td.marked { background: #eaf3f1; border: 2pt solid #0b5754; }
.bouts { display: flex; height: 34pt; border: 1.2pt solid #0b5754; } .bouts span { display: flex; align-items: center; justify-content: center; font-weight: 700; }
.bouts .run, .bouts .jog { background: #0b5754; color: #fff; } .bouts .walk { background: #eaf3f1; }
.exercise { display: flex; gap: 14pt; border-top: 0.75pt solid #b9c4c1; padding-top: 8pt; margin-top: 4pt; break-inside: avoid; }
.exercise .left { width: 127pt; flex: none; } .exercise .right { flex: 1; } .exercise ol { margin: 4pt 0; padding-left: 16pt; }
.note { background: #eaf3f1; border-left: 3pt solid #0b5754; padding: 5pt 9pt; }
.box { border: 1.5pt solid #0b5754; border-radius: 6pt; background: #eaf3f1; padding: 0 14pt 10pt; break-inside: avoid; }
.box.urgent { border: 2.5pt solid #8f1d14; background: #fbecea; }
`;

export function handoutHtml(content: HandoutContent): string {
  const sections = content.sections
    .map((s) => `${s.title ? `<h2>${esc(s.title)}</h2>` : ''}${s.blocks.map(block).join('\n')}`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(content.documentTitle)}</title><style>${CSS}</style></head>
<body><h1>${esc(content.title)}</h1><p>${runs(content.byline)}</p>${sections}</body></html>`;
}

/** Chromium's running header: clinic and contact, patient, date, page x of y. */
export function handoutHeaderTemplate(content: HandoutContent): string {
  const h = content.header;
  return `<div style="font: 12px 'Noto Sans', sans-serif; width: 100%; margin: 0 15.5mm; display: flex; justify-content: space-between;">
<div><strong>${esc(h.clinicName)}</strong><br>${esc(h.contact)}</div>
<div style="text-align: right"><strong>${esc(h.patientName)}</strong><br>${esc(h.date)} · Page <span class="pageNumber"></span> of <span class="totalPages"></span></div></div>`;
}

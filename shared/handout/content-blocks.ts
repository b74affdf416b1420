/**
 * The vocabulary of printed content, with no page geometry: runs of text, table cells, blocks
 * (paragraphs, tables, calendars, boxes...) and sections. The handout (content.ts) and the
 * clinical record (shared/records/record-content.ts) are written in it; main/pdf lays it out.
 */
import type { Activity } from '../clinical/programme';
import type { Drawing } from '../drawing/drawing';
import type { IsoDate } from '../time/dates';

/** A stretch of text in one weight. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
}

export type Cell =
  | { readonly kind: 'text'; readonly runs: readonly Run[] }
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  /** An empty box to tick by hand. */
  | { readonly kind: 'tick' };

export interface Column {
  readonly header: string;
  /** Share of the table's width, relative to the other columns. */
  readonly weight: number;
}

export type Picture =
  | { readonly kind: 'drawing'; readonly drawing: Drawing; readonly description: string }
  | {
      readonly kind: 'image';
      readonly mediaType: 'image/png' | 'image/jpeg';
      readonly base64: string;
      readonly description: string;
    };

export interface CalendarDay {
  readonly date: IsoDate;
  /** "28", or "1 Dec" on the first day of a month and the calendar's first day. */
  readonly label: string;
  /** What happens that day, in words: "Run", "Visit", "Today". Empty for a rest day. */
  readonly marks: readonly string[];
  /** Outside the plan (before the handout date or after the last planned day): drawn quietly. */
  readonly outside: boolean;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  /** `keepWithNext`: a lead-in sentence that belongs on the same page as what follows it. */
  | {
      readonly kind: 'paragraph';
      readonly runs: readonly Run[];
      readonly keepWithNext?: boolean;
      /** Points above it (7 when not given): more to start a group, like each note of the record. */
      readonly spaceBefore?: number;
    }
  /** `columns: 2` for a long list of short items (the warning signs). */
  | { readonly kind: 'bullets'; readonly items: readonly (readonly Run[])[]; readonly columns?: 1 | 2 }
  /** Two columns: a bold label and its value, one row each. */
  | {
      readonly kind: 'facts';
      readonly rows: readonly { readonly label: string; readonly lines: readonly (readonly Run[])[] }[];
    }
  | {
      readonly kind: 'table';
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly Cell[])[];
      /** 'write': tall rows with room to write by hand. */
      readonly rowStyle: 'text' | 'write';
      /** Short tables the patient reads as a whole: never split across pages. */
      readonly keepTogether?: boolean;
      /** 11 pt text, for wide tables read by clinicians (the record's check-ins), never the handout's. */
      readonly compact?: boolean;
    }
  /** One round of a running level as a strip of walk and run segments, each labelled. */
  | {
      readonly kind: 'bouts';
      readonly segments: readonly { readonly activity: Activity; readonly label: string; readonly share: number }[];
      readonly repeat: string;
    }
  | {
      readonly kind: 'calendar';
      readonly weekdays: readonly string[];
      readonly weeks: readonly (readonly CalendarDay[])[];
    }
  | {
      readonly kind: 'exercise';
      readonly number: number;
      readonly name: string;
      readonly purpose: string;
      /** How much, as short rows: "Sets 3", "Reps 12 each side", "Rest 1 to 2 min", "Days 3 a week". */
      readonly dosage: readonly { readonly label: string; readonly value: string }[];
      readonly start: string;
      readonly steps: readonly string[];
      readonly tips: readonly string[];
      /** Common mistakes; the names of the easier and harder versions. Each may be empty. */
      readonly mistakes: readonly string[];
      readonly easier: readonly string[];
      readonly harder: readonly string[];
      /** "Note from Priya Shah:" and the note; null when there is none. */
      readonly note: { readonly label: string; readonly text: string } | null;
      readonly picture: Picture | null;
    }
  /** A framed group: the plan at a glance, or the emergency signs. */
  | {
      readonly kind: 'box';
      readonly tone: 'plan' | 'urgent';
      readonly title: string;
      readonly blocks: readonly Block[];
    };

export type SectionId =
  'glance' | 'urgent' | 'running' | 'self-check' | 'exercises' | 'log' | 'exercise-log' | 'stop-and-call';

export interface Section {
  readonly id: SectionId;
  /** Empty for the glance box, which carries its own title. */
  readonly title: string;
  readonly blocks: readonly Block[];
  /**
   * Read as a whole (the warning signs): the title and this many first blocks are never split
   * across pages. What follows them (a closing line) may go on the next page.
   */
  readonly keepTogether?: number;
}

export interface HandoutContent {
  /** The PDF's title (document properties) and the window title of a viewer. */
  readonly documentTitle: string;
  readonly header: {
    readonly clinicName: string;
    /** "Phone +44 113 496 0000 · desk@riverside.example" (what the clinic has). */
    readonly contact: string;
    readonly patientName: string;
    readonly date: string;
  };
  readonly title: string;
  /** Who it is for, from whom, and when. */
  readonly byline: readonly Run[];
  readonly sections: readonly Section[];
}

/**
 * A number and its unit never part at a line end: "3 s", "20 min", "1.5 mi" are joined by a
 * no-break space. Readers of the PDF's text see an ordinary space (tests fold it).
 */
export function keepUnitsTogether(t: string): string {
  return t.replace(/(\d) (s|min|minutes|km|mi|km\/h|mph|days?|sets?|holds?)\b/g, '$1\u00a0$2');
}

export const text = (t: string, bold = false): Run => {
  const kept = keepUnitsTogether(t);
  return bold ? { text: kept, bold } : { text: kept };
};
export const cell = (t: string, bold = false): Cell => ({ kind: 'text', runs: [text(t, bold)] });
export const paragraph = (t: string, bold = false): Block => ({ kind: 'paragraph', runs: [text(t, bold)] });
export const leadIn = (t: string, bold = false): Block => ({
  kind: 'paragraph',
  runs: [text(t, bold)],
  keepWithNext: true,
});

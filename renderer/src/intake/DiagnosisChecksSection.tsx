/**
 * Section 7b, what some diagnoses need recorded before running (diagnosis-checks.ts; the gates in
 * readiness-gates.ts read it): the surgeon's running date after meniscus surgery; healing, the walk
 * phase, tenderness, hopping and the RED-S screen for a bone stress injury; the three early
 * hamstring tests (Heiderscheit 2010); the time since the birth, pelvic floor symptoms and the load,
 * impact and strength tests after childbirth (Goom 2019). Shown only for those diagnoses, or while
 * a part of it holds an answer (so an answer is never hidden, and can be cleared).
 */
import { memo } from 'react';
import {
  HEALING_CLEARANCE_LABELS,
  HEALING_CLEARANCES,
  POSTNATAL_LOAD_TESTS,
  POSTNATAL_STRENGTH_TESTS,
  RED_S_ITEMS,
} from '../../../shared/clinical/intake/diagnosis-checks';
import { BONE_STRESS_SITE_LABELS, type DiagnosisCode } from '../../../shared/clinical/intake/episode';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import type { ReadinessThresholds } from '../../../shared/clinical/intake/readiness';
import { boneStressRisk } from '../../../shared/clinical/intake/readiness-gates';
import { daysBetween, formatDate, parseTypedDate } from '../../../shared/time/dates';
import { useApp } from '../app/context';
import { todayIso } from '../ui/format';
import { IntakeRadio, IntakeText, QuickChoiceRow, useValue, yesNoOptions } from './controls';
import type { FormValues } from './form-model';
import { IntakeSection, SECTION_IDS } from './Section';

type Part = 'meniscus' | 'boneStress' | 'hamstring' | 'postnatal';

const PART_OF: Partial<Readonly<Record<DiagnosisCode, Part>>> = {
  meniscus_surgery: 'meniscus',
  bone_stress_injury: 'boneStress',
  hamstring_strain: 'hamstring',
  postnatal_return: 'postnatal',
};

const PART_TITLES: Readonly<Record<Part, string>> = {
  meniscus: 'After meniscus surgery',
  boneStress: 'Bone stress injury',
  hamstring: 'Hamstring strain (Heiderscheit 2010, phase 1 to 2)',
  postnatal: 'Return to running after childbirth (Goom, Donnelly, Brockwell 2019)',
};

const PARTS: readonly Part[] = ['meniscus', 'boneStress', 'hamstring', 'postnatal'];

const PASS_FAIL_OPTIONS = [
  { value: 'pass', label: 'Passed' },
  { value: 'fail', label: 'Failed' },
] as const;
const PASS_FAIL_KEYS = { p: 'pass', f: 'fail' } as const;

/**
 * The parts to show: the diagnosis's own, and any part holding an answer (typed values, so an
 * answer is never hidden, and can be cleared after the diagnosis changed).
 */
export function diagnosisCheckParts(draft: IntakeDraft, values: FormValues): Part[] {
  const diagnosis = draft.episode?.diagnosis;
  const own = diagnosis === undefined ? undefined : PART_OF[diagnosis];
  const filled = Object.entries(values).filter(([path, v]) => path.startsWith('diagnosisChecks.') && v !== '');
  return PARTS.filter((p) => p === own || filled.some(([path]) => path.startsWith(`diagnosisChecks.${p}.`)));
}

export const DiagnosisChecksSection = memo(function DiagnosisChecksSection({
  draft,
  parts,
  thresholds,
}: {
  draft: IntakeDraft;
  parts: readonly Part[];
  thresholds: ReadinessThresholds;
}) {
  const diagnosis = draft.episode?.diagnosis;
  const own = diagnosis === undefined ? undefined : PART_OF[diagnosis];
  return (
    <IntakeSection
      id={SECTION_IDS.checks}
      title="7b. Checks for this diagnosis"
      intro={
        <p className="field__hint">
          What this diagnosis needs before running, beside the common checklist. An unanswered check is “not tested” and
          holds the patient in the walking stage.
        </p>
      }
    >
      {parts.map((part) => (
        <div key={part} className="diagnosis-checks__part">
          <h3 className="intake-subtitle">
            {PART_TITLES[part]}
            {part === own ? null : <span className="red-flags__tag"> (answers kept from another diagnosis)</span>}
          </h3>
          {part === 'meniscus' ? <MeniscusChecks /> : null}
          {part === 'boneStress' ? <BoneStressChecks draft={draft} thresholds={thresholds} /> : null}
          {part === 'hamstring' ? <HamstringChecks /> : null}
          {part === 'postnatal' ? <PostnatalChecks thresholds={thresholds} /> : null}
        </div>
      ))}
    </IntakeSection>
  );
});

function useDateExample(): string {
  const { settings } = useApp();
  return formatDate('2026-10-03', settings.dateFormat);
}

function MeniscusChecks() {
  const example = useDateExample();
  return (
    <>
      <p className="field__hint">
        Timing comes from the surgeon’s protocol: a repair usually runs later than a meniscectomy. Record the date, or
        that the surgeon has cleared running.
      </p>
      <div className="form-grid form-grid--onset">
        <IntakeText
          path="diagnosisChecks.meniscus.surgeonEarliestRunDate"
          label="Surgeon’s earliest running date"
          hint={`Like ${example}. From the surgeon’s protocol or letter.`}
          inputMode="numeric"
        />
        <IntakeRadio
          path="diagnosisChecks.meniscus.surgeonCleared"
          legend="Surgeon has cleared running"
          hint="Yes when the surgeon’s note clears running now, with no date."
          options={yesNoOptions('Yes, cleared', 'No')}
        />
      </div>
    </>
  );
}

function BoneStressChecks({ draft, thresholds }: { draft: IntakeDraft; thresholds: ReadinessThresholds }) {
  const risk = boneStressRisk(draft.episode);
  const site = draft.episode?.boneStressSite;
  const clearance = useValue('diagnosisChecks.boneStress.healingClearance');
  const walk = useValue('diagnosisChecks.boneStress.walkPhaseWeeks');
  const weeks = thresholds.boneStressWalkPhaseWeeks;
  const highRiskChecks = risk !== 'low' || clearance !== '' || walk !== '';
  return (
    <>
      <p className="field__hint" id="bone-stress-risk">
        {risk === 'unknown'
          ? 'Site not chosen yet (episode, above): treated as a high-risk site.'
          : risk === 'high'
            ? `${BONE_STRESS_SITE_LABELS[site!]} is a high-risk site: no running until healing is confirmed on imaging or by the treating doctor, after a pain-free walk phase of at least ${weeks} weeks (Hoenig 2023).`
            : `${BONE_STRESS_SITE_LABELS[site!]} is a low-risk site: imaging clearance and the walk phase are not required (Hoenig 2023).`}
      </p>
      {highRiskChecks ? (
        <>
          <IntakeRadio
            path="diagnosisChecks.boneStress.healingClearance"
            legend="Healing confirmed before running"
            options={HEALING_CLEARANCES.map((c) => ({ value: c, label: HEALING_CLEARANCE_LABELS[c] }))}
          />
          <IntakeText
            path="diagnosisChecks.boneStress.walkPhaseWeeks"
            label="Pain-free walk phase done (weeks)"
            hint={`At least ${weeks} weeks at a high-risk site.`}
            inputMode="numeric"
            className="diagnosis-checks__number"
          />
        </>
      ) : null}
      <IntakeRadio
        path="diagnosisChecks.boneStress.siteTender"
        legend="Bone tender when the site is pressed"
        options={yesNoOptions('Tender', 'Not tender')}
      />
      <IntakeRadio
        path="diagnosisChecks.boneStress.hopOnSpotPainFree"
        legend="10-15 hops on the spot, injured leg"
        options={yesNoOptions('Pain-free', 'Painful')}
      />
      <h4 className="intake-subtitle intake-subtitle--minor" id="red-s-title">
        Low energy availability (RED-S) screen
      </h4>
      <p className="field__hint" id="red-s-hint">
        Ask every bone stress patient (IOC consensus 2023; De Souza 2014). A yes to any question means referral advice:
        a doctor and a sports dietitian. Keys: <kbd>Y</kbd> yes, <kbd>N</kbd> no, <kbd>A</kbd> not applicable (periods
        questions); the next question follows.
      </p>
      <div className="red-flags" role="group" aria-labelledby="red-s-title" aria-describedby="red-s-hint">
        {RED_S_ITEMS.map((item) => {
          const yes = draft.diagnosisChecks?.boneStress?.redS?.[item.id] === 'yes';
          return (
            <QuickChoiceRow
              key={item.id}
              group="red-s"
              path={`diagnosisChecks.boneStress.redS.${item.id}`}
              label={item.question}
              options={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
                ...(item.forWomenOnly ? [{ value: 'not_applicable', label: 'Not applicable' }] : []),
              ]}
              keys={item.forWomenOnly ? { y: 'yes', n: 'no', a: 'not_applicable' } : { y: 'yes', n: 'no' }}
              tone={yes ? 'alert' : undefined}
            />
          );
        })}
      </div>
    </>
  );
}

function HamstringChecks() {
  return (
    <>
      <IntakeRadio
        path="diagnosisChecks.hamstring.walkingStridePainFree"
        legend="Normal walking stride"
        options={yesNoOptions('Pain-free', 'Painful or shortened')}
      />
      <IntakeRadio
        path="diagnosisChecks.hamstring.isometricFlexionPainFree"
        legend="Isometric knee flexion at 90°, prone, moderate resistance"
        options={yesNoOptions('Pain-free', 'Painful')}
      />
      <IntakeRadio
        path="diagnosisChecks.hamstring.slowJogPainFree"
        legend="Very slow jog"
        options={yesNoOptions('Pain-free', 'Painful')}
      />
    </>
  );
}

function PostnatalChecks({ thresholds }: { thresholds: ReadinessThresholds }) {
  const example = useDateExample();
  const { settings } = useApp();
  const typed = useValue('diagnosisChecks.postnatal.birthDate');
  const needed = thresholds.postnatalWeeksAtLeast;
  const birth = typed.trim() === '' ? null : parseTypedDate(typed, settings.dateFormat);
  const weeks = birth === null ? null : Math.floor(daysBetween(birth, todayIso()) / 7);
  return (
    <>
      <div className="form-grid form-grid--onset">
        <IntakeText
          path="diagnosisChecks.postnatal.birthDate"
          label="Date of the birth"
          hint={`Like ${example}. Running from ${needed} weeks after the birth.`}
          inputMode="numeric"
        />
        <p className="computed-value" aria-live="polite">
          {weeks === null || weeks < 0 ? (
            <span className="muted">Weeks since the birth: enter the date.</span>
          ) : (
            <>
              <strong>{weeks} weeks</strong> since the birth{' '}
              <span className={weeks >= needed ? 'verdict verdict--met' : 'verdict verdict--not_met'}>
                ({weeks >= needed ? `meets ${needed} weeks` : `fewer than ${needed} weeks`})
              </span>
            </>
          )}
        </p>
      </div>
      <IntakeRadio
        path="diagnosisChecks.postnatal.pelvicFloorSymptoms"
        legend="Pelvic floor symptoms now (leaking, heaviness or dragging, pain)"
        hint="Yes: no running yet; refer to a pelvic health physiotherapist."
        options={yesNoOptions('Yes', 'No')}
      />
      <h4 className="intake-subtitle intake-subtitle--minor" id="postnatal-load-title">
        Load and impact tests
      </h4>
      <p className="field__hint" id="postnatal-load-hint">
        Passed only without pain, heaviness or dragging, or leaking. A failure means pelvic health physiotherapy
        referral advice. Keys: <kbd>P</kbd> passed, <kbd>F</kbd> failed.
      </p>
      <div
        className="red-flags"
        role="group"
        aria-labelledby="postnatal-load-title"
        aria-describedby="postnatal-load-hint"
      >
        {POSTNATAL_LOAD_TESTS.map((t) => (
          <PassFailRow
            key={t.id}
            group="postnatal-load"
            path={`diagnosisChecks.postnatal.loadTests.${t.id}`}
            label={t.label}
          />
        ))}
      </div>
      <h4 className="intake-subtitle intake-subtitle--minor" id="postnatal-strength-title">
        Strength tests, 20 each side
      </h4>
      <div
        className="red-flags"
        role="group"
        aria-labelledby="postnatal-strength-title"
        aria-describedby="postnatal-load-hint"
      >
        {POSTNATAL_STRENGTH_TESTS.map((t) => (
          <PassFailRow
            key={t.id}
            group="postnatal-strength"
            path={`diagnosisChecks.postnatal.strengthTests.${t.id}`}
            label={t.label}
          />
        ))}
      </div>
    </>
  );
}

function PassFailRow({ group, path, label }: { group: string; path: string; label: string }) {
  const failed = useValue(path) === 'fail';
  return (
    <QuickChoiceRow
      group={group}
      path={path}
      label={label}
      options={PASS_FAIL_OPTIONS}
      keys={PASS_FAIL_KEYS}
      tone={failed ? 'alert' : undefined}
    />
  );
}

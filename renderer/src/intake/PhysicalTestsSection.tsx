/**
 * Section 7, physical tests on both sides, with the limb symmetry index shown as the numbers go in.
 * The involved side comes from the episode. A test not done stays empty (readiness: "not tested");
 * a test the patient cannot do for pain is recorded as 0. Knee episodes also get knee range of
 * motion and quadriceps and hamstring strength (the knee surgery gates, readiness-gates.ts).
 */
import type { ReactNode } from 'react';
import { memo, useSyncExternalStore } from 'react';
import { isKneeEpisode, type Side } from '../../../shared/clinical/intake/episode';
import { formatOneDecimal, formatPercent } from '../../../shared/clinical/intake/format';
import type { IntakeDraft } from '../../../shared/clinical/intake/intake';
import {
  LIMBS,
  SQUAT_QUALITIES,
  SQUAT_QUALITY_MEANINGS,
  STRENGTH_METHOD_LABELS,
  STRENGTH_METHODS,
  SWELLING_GRADE_LABELS,
  SWELLING_GRADE_MEANINGS,
  SWELLING_GRADES,
  type Limb,
  type LsiResult,
  type StrengthMethod,
} from '../../../shared/clinical/intake/physical-tests';
import type { ReadinessThresholds } from '../../../shared/clinical/intake/readiness';
import type { IntakeSummary } from '../../../shared/clinical/intake/summary';
import { IntakeRadio, IntakeSelect, IntakeText, useIntakeForm, useValue } from './controls';
import { fieldId } from './form-model';
import { IntakeSection, SECTION_IDS } from './Section';

const LIMB_LABELS: Readonly<Record<Limb, string>> = { left: 'Left', right: 'Right' };

/** The unit strength is typed in, by how it was measured. */
const STRENGTH_UNITS: Readonly<Record<StrengthMethod, string>> = {
  hand_held_dynamometer: 'N',
  one_rep_max: 'kg',
  isokinetic: 'Nm',
};

/** The knee fields: the knee block stays on show while any holds a value, whatever the region. */
const KNEE_PATHS = ['kneeFlexionDeg', 'kneeExtensionDeficitDeg', 'quadricepsStrength', 'hamstringStrength'].flatMap(
  (test) => [...LIMBS, 'method'].map((part) => `physicalTests.${test}.${part}`),
);

function limbHeading(limb: Limb, side: Side | undefined): string {
  if (side === limb) return `${LIMB_LABELS[limb]} (involved)`;
  if (side === 'both') return `${LIMB_LABELS[limb]} (involved)`;
  return LIMB_LABELS[limb];
}

/** The LSI as the clinician reads it beside the numbers, with the clinic's threshold in words. */
export function lsiText(result: LsiResult, atLeast: number): { text: string; verdict?: 'met' | 'not_met' } {
  switch (result.kind) {
    case 'computed':
      return result.lsi >= atLeast
        ? { text: `${formatPercent(result.lsi)}, meets ${atLeast}%`, verdict: 'met' }
        : { text: `${formatPercent(result.lsi)}, below ${atLeast}%`, verdict: 'not_met' };
    case 'side_unknown':
      return { text: 'Choose the injured side' };
    case 'no_uninvolved_side':
      return { text: result.side === 'both' ? 'No LSI: both sides involved' : 'No LSI: no side' };
    case 'uninvolved_zero':
      return { text: 'No LSI: uninvolved side is 0' };
    case 'missing':
      return { text: result.missing.length === 2 ? 'Not tested' : `Needs the ${result.missing.join(' and ')} side` };
  }
}

function CellInput({ path, label, inputMode }: { path: string; label: string; inputMode: 'numeric' | 'decimal' }) {
  const form = useIntakeForm();
  const value = useValue(path);
  const error = form.errors[path];
  const errorId = `${fieldId(path)}-error`;
  return (
    <div className={`cell-field${error ? ' field--invalid' : ''}`}>
      <input
        id={fieldId(path)}
        className="field__input cell-field__input"
        inputMode={inputMode}
        autoComplete="off"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value}
        onChange={(e) => form.set(path, e.target.value)}
      />
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CellSelect({
  path,
  label,
  options,
}: {
  path: string;
  label: string;
  options: readonly { value: string; label: string }[];
}) {
  const form = useIntakeForm();
  const value = useValue(path);
  const error = form.errors[path];
  const errorId = `${fieldId(path)}-error`;
  return (
    <div className={`cell-field${error ? ' field--invalid' : ''}`}>
      <select
        id={fieldId(path)}
        className="field__input field__select cell-field__input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value}
        onChange={(e) => form.set(path, e.target.value)}
      >
        <option value="">Not tested</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Row({
  label,
  unit,
  children,
  result,
}: {
  label: string;
  unit?: string;
  children: ReactNode;
  result: ReactNode;
}) {
  return (
    <tr>
      <th scope="row">
        {label}
        {unit ? <span className="tests-table__unit"> ({unit})</span> : null}
      </th>
      {children}
      <td className="tests-table__result">{result}</td>
    </tr>
  );
}

function Verdict({ text, verdict }: { text: string; verdict?: 'met' | 'not_met' | undefined }) {
  return (
    <span className={verdict ? `verdict verdict--${verdict}` : 'muted'}>
      {verdict === 'met' ? <span aria-hidden="true">✓ </span> : null}
      {verdict === 'not_met' ? <span aria-hidden="true">✗ </span> : null}
      {text}
    </span>
  );
}

export const PhysicalTestsSection = memo(function PhysicalTestsSection({
  draft,
  summary,
  thresholds,
}: {
  draft: IntakeDraft;
  summary: IntakeSummary;
  thresholds: ReadinessThresholds;
}) {
  const swellingLeft = useValue('physicalTests.kneeSwelling.left');
  const swellingRight = useValue('physicalTests.kneeSwelling.right');
  const side = draft.episode?.side;
  const knee = isKneeEpisode(draft.episode) === true || swellingLeft !== '' || swellingRight !== '';
  const kneeData = useKneeData();
  const k2w = draft.physicalTests?.kneeToWallCm;
  const k2wDifference =
    k2w?.left !== undefined && k2w.right !== undefined
      ? `Difference ${formatOneDecimal(Math.abs(k2w.left - k2w.right))} cm`
      : 'Not tested';

  const numeric = (test: string, label: string, unit: string, inputMode: 'numeric' | 'decimal') =>
    LIMBS.map((limb) => (
      <td key={limb}>
        <CellInput path={`physicalTests.${test}.${limb}`} label={`${label}, ${limb} (${unit})`} inputMode={inputMode} />
      </td>
    ));

  return (
    <IntakeSection
      id={SECTION_IDS.tests}
      title="7. Physical tests"
      intro={
        <p className="field__hint">
          Leave a test empty if it was not done. A test the patient cannot do for pain is 0. LSI = involved ÷ uninvolved
          × 100.
        </p>
      }
    >
      <table className="tests-table">
        <thead>
          <tr>
            <th scope="col">Test</th>
            {LIMBS.map((limb) => (
              <th scope="col" key={limb}>
                {limbHeading(limb, side)}
              </th>
            ))}
            <th scope="col">LSI or comparison</th>
          </tr>
        </thead>
        <tbody>
          <Row
            label="Single-leg heel raises to fatigue"
            unit="reps"
            result={<Verdict {...lsiText(summary.lsi.heelRaises, thresholds.heelRaiseLsiAtLeast)} />}
          >
            {numeric('heelRaises', 'Heel raises', 'reps', 'numeric')}
          </Row>
          <Row label="Knee-to-wall" unit="cm" result={<span className="muted">{k2wDifference}</span>}>
            {numeric('kneeToWallCm', 'Knee-to-wall', 'cm', 'decimal')}
          </Row>
          <Row
            label="Single-leg hop for distance"
            unit="cm"
            result={<Verdict {...lsiText(summary.lsi.singleHop, thresholds.hopLsiAtLeast)} />}
          >
            {numeric('singleHopCm', 'Single-leg hop', 'cm', 'numeric')}
          </Row>
          <Row
            label="Triple hop for distance"
            unit="cm"
            result={<Verdict {...lsiText(summary.lsi.tripleHop, thresholds.hopLsiAtLeast)} />}
          >
            {numeric('tripleHopCm', 'Triple hop', 'cm', 'numeric')}
          </Row>
          <Row label="Single-leg squat quality" result={null}>
            {LIMBS.map((limb) => (
              <td key={limb}>
                <CellSelect
                  path={`physicalTests.squatQuality.${limb}`}
                  label={`Single-leg squat quality, ${limb}`}
                  options={SQUAT_QUALITIES.map((q) => ({ value: q, label: q.charAt(0).toUpperCase() + q.slice(1) }))}
                />
              </td>
            ))}
          </Row>
          {knee ? (
            <Row label="Knee swelling (sweep test)" result={null}>
              {LIMBS.map((limb) => (
                <td key={limb}>
                  <CellSelect
                    path={`physicalTests.kneeSwelling.${limb}`}
                    label={`Knee swelling, ${limb}`}
                    options={SWELLING_GRADES.map((g) => ({ value: g, label: SWELLING_GRADE_LABELS[g] }))}
                  />
                </td>
              ))}
            </Row>
          ) : null}
        </tbody>
      </table>
      <details className="details tests-scales">
        <summary>What the squat{knee ? ' and swelling' : ''} grades mean</summary>
        <dl className="scale-list">
          {SQUAT_QUALITIES.map((q) => (
            <div key={q}>
              <dt>Squat {q}</dt>
              <dd>{SQUAT_QUALITY_MEANINGS[q]}</dd>
            </div>
          ))}
          {knee
            ? SWELLING_GRADES.map((g) => (
                <div key={g}>
                  <dt>Swelling {SWELLING_GRADE_LABELS[g]}</dt>
                  <dd>{SWELLING_GRADE_MEANINGS[g]}</dd>
                </div>
              ))
            : null}
        </dl>
      </details>
      {knee || kneeData ? <KneeTests draft={draft} summary={summary} thresholds={thresholds} /> : null}
      <h3 className="intake-subtitle">Brisk walk</h3>
      <div className="brisk-walk">
        <IntakeText path="physicalTests.briskWalk.minutes" label="Brisk walk (minutes)" inputMode="numeric" />
        <IntakeRadio
          path="physicalTests.briskWalk.painFree"
          legend="Brisk walk pain-free"
          options={[
            { value: 'yes', label: 'Yes, pain-free' },
            { value: 'no', label: 'No, painful' },
          ]}
        />
      </div>
    </IntakeSection>
  );
});

/** Whether any knee range or strength field holds a value. */
function useKneeData(): boolean {
  const { store } = useIntakeForm();
  return useSyncExternalStore(store.subscribe, () => KNEE_PATHS.some((path) => store.get(path) !== ''));
}

function degrees(value: number | undefined): string {
  return value === undefined ? '–' : `${value}°`;
}

/**
 * Knee range of motion and quadriceps and hamstring strength, both sides, with the LSI against the
 * knee surgery thresholds (Rambaud 2018). The range is flexion minus the extension deficit.
 */
function KneeTests({
  draft,
  summary,
  thresholds,
}: {
  draft: IntakeDraft;
  summary: IntakeSummary;
  thresholds: ReadinessThresholds;
}) {
  const side = draft.episode?.side;
  const tests = draft.physicalTests;
  const quadMethod = useValue('physicalTests.quadricepsStrength.method');
  const hamMethod = useValue('physicalTests.hamstringStrength.method');
  const unitOf = (method: string) => STRENGTH_UNITS[method as StrengthMethod] ?? 'N, kg or Nm';
  const methodOptions = STRENGTH_METHODS.map((m) => ({ value: m, label: STRENGTH_METHOD_LABELS[m] }));
  const arc = (limb: Limb) => {
    const flexion = tests?.kneeFlexionDeg?.[limb];
    const deficit = tests?.kneeExtensionDeficitDeg?.[limb];
    return flexion === undefined || deficit === undefined ? undefined : flexion - deficit;
  };
  const cells = (test: string, label: string, unit: string, inputMode: 'numeric' | 'decimal') =>
    LIMBS.map((limb) => (
      <td key={limb}>
        <CellInput path={`physicalTests.${test}.${limb}`} label={`${label}, ${limb} (${unit})`} inputMode={inputMode} />
      </td>
    ));
  return (
    <>
      <h3 className="intake-subtitle" id="knee-tests-title">
        Knee range and strength
      </h3>
      <p className="field__hint" id="knee-tests-hint">
        Goniometer, both knees. Extension deficit: degrees short of straight (0 is straight; hyperextension is negative,
        −5). Strength: the same method on both sides.
      </p>
      <div className="form-grid">
        <IntakeSelect
          path="physicalTests.quadricepsStrength.method"
          label="Quadriceps strength measured with"
          options={methodOptions}
          placeholder="Choose the method…"
        />
        <IntakeSelect
          path="physicalTests.hamstringStrength.method"
          label="Hamstring strength measured with"
          options={methodOptions}
          placeholder="Choose the method…"
        />
      </div>
      <table className="tests-table" aria-labelledby="knee-tests-title" aria-describedby="knee-tests-hint">
        <thead>
          <tr>
            <th scope="col">Test</th>
            {LIMBS.map((limb) => (
              <th scope="col" key={limb}>
                {limbHeading(limb, side)}
              </th>
            ))}
            <th scope="col">LSI or comparison</th>
          </tr>
        </thead>
        <tbody>
          <Row label="Knee flexion" unit="degrees" result={null}>
            {cells('kneeFlexionDeg', 'Knee flexion', 'degrees', 'numeric')}
          </Row>
          <Row label="Knee extension deficit" unit="degrees" result={null}>
            {cells('kneeExtensionDeficitDeg', 'Knee extension deficit', 'degrees', 'numeric')}
          </Row>
          <Row
            label="Knee range of motion"
            unit="flexion − deficit"
            result={<Verdict {...lsiText(summary.lsi.kneeRange, thresholds.kneeRomPercentAtLeast)} />}
          >
            {LIMBS.map((limb) => (
              <td key={limb} className="tests-table__computed">
                {degrees(arc(limb))}
              </td>
            ))}
          </Row>
          <Row
            label="Quadriceps strength"
            unit={unitOf(quadMethod)}
            result={<Verdict {...lsiText(summary.lsi.quadriceps, thresholds.kneeStrengthLsiAtLeast)} />}
          >
            {cells('quadricepsStrength', 'Quadriceps strength', unitOf(quadMethod), 'decimal')}
          </Row>
          <Row
            label="Hamstring strength"
            unit={unitOf(hamMethod)}
            result={<Verdict {...lsiText(summary.lsi.hamstrings, thresholds.kneeStrengthLsiAtLeast)} />}
          >
            {cells('hamstringStrength', 'Hamstring strength', unitOf(hamMethod), 'decimal')}
          </Row>
        </tbody>
      </table>
    </>
  );
}

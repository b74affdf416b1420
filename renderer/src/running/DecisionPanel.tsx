/**
 * The decision as the clinician answers: the governing rule in the rule set's words, the days off,
 * the level ("Down to level 3: ..."), the next run date, and what the patient will be told. When the
 * clinician changes it, their change shows beside the rules' decision, never instead of it.
 */
import type { Decision } from '../../../shared/clinical/decision';
import type { Programme } from '../../../shared/clinical/programme';
import type { DistanceUnit } from '../../../shared/domain/settings';
import { daysOffText, levelChangeText, nextRunText } from './words';

/**
 * The engine's sentence repeats the rule and the facts for a plain case; it is shown when it says
 * more: several rules met, another level run, a rest made of the level's routine rest and a
 * rule's days off, or a rule set that does not move up on its own. What held the patient at the
 * level is listed on its own (`HeldBecause`), not left inside the sentence.
 */
function reasonAddsToFacts(d: Decision): boolean {
  return (
    d.firedRules.length > 1 ||
    d.levelRun !== d.levelBefore ||
    d.reason.includes('routine rest') ||
    d.reason.includes('does not move up')
  );
}

function sentence(clause: string): string {
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}

/** Why the no-soreness rule did not move the patient up: one line per limit, in the engine's words. */
function HeldBecause({ decision }: { decision: Decision }) {
  if (decision.blockedBy.length === 0) return null;
  return (
    <div className="decision__held">
      <p className="decision__held-title">Held at level {decision.levelBefore}:</p>
      <ul>
        {decision.blockedBy.map((b) => (
          <li key={b.limit}>{sentence(b.detail)}</li>
        ))}
      </ul>
    </div>
  );
}

export interface DecisionView {
  decision: Decision;
  ruleSetName: string;
  governingCondition: string;
}

export interface AppliedView {
  levelAfter: number;
  daysOff: number;
  nextRunDate: string;
  programmeComplete: boolean;
  patientInstruction: string;
}

export function DecisionFacts(props: {
  levelBefore: number;
  levelAfter: number;
  daysOff: number;
  nextRunDate: string;
  complete: boolean;
  programme: Programme;
  units: DistanceUnit;
}) {
  const level = props.programme.levels[props.levelAfter - 1];
  return (
    <ul className="decision__facts">
      <li className="decision__fact">{daysOffText(props.daysOff)}</li>
      <li className="decision__fact">
        {props.complete
          ? `Programme complete at level ${props.levelAfter}`
          : levelChangeText(props.levelBefore, props.levelAfter, props.programme, props.units)}
      </li>
      <li className="decision__fact">{nextRunText(props.nextRunDate, level)}</li>
    </ul>
  );
}

export function DecisionPanel(props: {
  view: DecisionView;
  programme: Programme;
  units: DistanceUnit;
  /** The clinician's change, when there is one. */
  changed: AppliedView | null;
}) {
  const { decision } = props.view;
  const told = props.changed?.patientInstruction ?? decision.patientInstruction;
  return (
    <div className="decision">
      <div className={`decision__block${props.changed ? ' decision__block--replaced' : ''}`}>
        <h3 className="decision__heading">{props.changed ? 'The soreness rules said' : 'Decision'}</h3>
        <p className="decision__rule">
          <span className="decision__rule-number">Rule {decision.governingRule}</span>{' '}
          <q className="decision__rule-words">{props.view.governingCondition}</q>
        </p>
        <DecisionFacts
          levelBefore={decision.levelBefore}
          levelAfter={decision.levelAfter}
          daysOff={decision.daysOff}
          nextRunDate={decision.earliestNextRun}
          complete={decision.programmeComplete}
          programme={props.programme}
          units={props.units}
        />
        {decision.callClinic ? (
          <p className="decision__call">
            <span aria-hidden="true">☎ </span>The patient calls the clinic before running again
          </p>
        ) : null}
        <HeldBecause decision={decision} />
        {reasonAddsToFacts(decision) ? <p className="decision__reason">{decision.reason}</p> : null}
        <p className="decision__source">
          {props.view.ruleSetName}, version {decision.ruleSet.version}
        </p>
      </div>
      {decision.alerts.length > 0 ? (
        <div className="decision__alerts" role="note" aria-label="Points to check">
          <p className="decision__alerts-title">
            <span aria-hidden="true">⚠ </span>Check before the next run
          </p>
          <ul>
            {decision.alerts.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.changed ? (
        <div className="decision__block decision__block--change">
          <h3 className="decision__heading">Your change</h3>
          <DecisionFacts
            levelBefore={decision.levelBefore}
            levelAfter={props.changed.levelAfter}
            daysOff={props.changed.daysOff}
            nextRunDate={props.changed.nextRunDate}
            complete={props.changed.programmeComplete}
            programme={props.programme}
            units={props.units}
          />
        </div>
      ) : null}
      <div className="decision__patient">
        <h3 className="decision__heading">What the patient will be told</h3>
        <blockquote className="decision__instruction">{told}</blockquote>
      </div>
    </div>
  );
}

/**
 * Settings, "Soreness rules": the clinic's default set, every set with its source and rules, and
 * the clinic's own copies to tune (days off, level change, limits). The patient's self-check is
 * generated from the set's data, so the preview shows exactly what a handout will print.
 */
import { useEffect, useState } from 'react';
import type { LevelChange, RuleSet, StrainSiteTrigger, Trigger } from '../../../shared/clinical/rule-set';
import {
  DURING_RUN_TRIGGERS,
  LEVEL_CHANGES,
  rulesInOrder,
  RuleSet as RuleSetSchema,
  STRAIN_SITE_TRIGGERS,
  TRIGGER_LABELS,
} from '../../../shared/clinical/rule-set';
import { selfCheckLines } from '../../../shared/clinical/self-check';
import type { RuleSetEntry, RunningLibrary } from '../../../shared/domain/running';
import { fieldErrors } from '../../../shared/ipc/field-errors';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { records, useWrite } from '../data';
import { ErrorNotice, Loading, SuccessNotice } from '../ui/feedback';
import { SelectField, TextAreaField, TextField } from '../ui/fields';
import { CheckboxField } from './CheckboxField';
import { CopyForm } from './CopyForm';
import { typedNumber } from './programme-draft';
import { RuleSetComparisonTable } from './RuleSetComparison';
import type { RuleDraft, RuleSetDraft } from './rule-set-draft';
import { LEVEL_CHANGE_LABELS, ruleSetDraftOf, ruleSetOf } from './rule-set-draft';
import { useRunningLibrary } from './useRunningLibrary';
import { daysOffText } from './words';

function levelChangeWords(change: number): string {
  return LEVEL_CHANGE_LABELS[String(change)] ?? String(change);
}

/**
 * The level changes a rule may have: only the no-soreness rule moves up, and it never moves down
 * (the schema says so too); the others go down one or two levels, or stay.
 */
function levelChangesFor(trigger: Trigger): readonly LevelChange[] {
  return LEVEL_CHANGES.filter((c) => (trigger === 'no_soreness' ? c >= 0 : c <= 0));
}

/** What soreness at the injury site after a muscle strain would count as: "Rule 2: no days off, stay at the same level". */
function strainSiteChoice(rule: { number: number; daysOff: number; levelChange: number }): string {
  const days = Number.isInteger(rule.daysOff) ? daysOffText(rule.daysOff).toLowerCase() : 'days off not set';
  return `Rule ${rule.number}: ${days}, ${levelChangeWords(rule.levelChange).toLowerCase()}`;
}

function strainSiteChoices(rules: readonly RuleDraft[]): { value: StrainSiteTrigger; label: string }[] {
  return STRAIN_SITE_TRIGGERS.flatMap((trigger) => {
    const rule = rules.find((r) => r.trigger === trigger);
    return rule ? [{ value: trigger, label: strainSiteChoice({ ...rule, daysOff: typedNumber(rule.daysOff) }) }] : [];
  });
}

export function RuleSetSettings() {
  const { library, error, load } = useRunningLibrary();
  const setDefault = useWrite('ruleSets.setDefault', () => [records.clinic('running')]);
  const [defaultId, setDefaultId] = useState('');
  const [editing, setEditing] = useState<RuleSet | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (library) setDefaultId(library.defaultRuleSetId);
  }, [library]);

  async function saveDefault() {
    const r = await setDefault({ id: defaultId });
    if (!r.ok) return setFailure(r.error);
    setFailure(null);
    const name = r.value.ruleSets.find((e) => e.isDefault)?.ruleSet.name ?? '';
    setNotice(`New programmes now use "${name}". Programmes already given keep their rule set.`);
  }

  return (
    <section className="panel" aria-labelledby="rule-sets-title">
      <h2 id="rule-sets-title" className="panel__title">
        Soreness rules
      </h2>
      <p className="muted">
        Each check-in decision records the rule set and the version it used. The sets that come with the app cannot be
        changed: copy one to tune its days off, level changes and limits.
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {!library && !error ? <Loading label="Loading the rule sets…" /> : null}
      {library ? (
        <>
          <form
            className="inline-form"
            aria-label="Default soreness rules"
            onSubmit={(e) => {
              e.preventDefault();
              void saveDefault();
            }}
          >
            <SelectField
              label="Rule set for new programmes"
              value={defaultId}
              options={library.ruleSets.map((e) => ({ value: e.ruleSet.id, label: e.ruleSet.name }))}
              onChange={setDefaultId}
            />
            <button
              type="submit"
              className="button button--secondary"
              disabled={defaultId === library.defaultRuleSetId}
            >
              Make default
            </button>
          </form>
          <RuleSetComparisonTable
            sets={library.ruleSets.filter((e) => e.origin === 'shipped').map((e) => e.ruleSet)}
            defaultId={library.defaultRuleSetId}
            caption="The rule sets that come with the app, side by side"
          />
          {editing ? (
            <RuleSetEditor
              key={`${editing.id}@${editing.version}`}
              ruleSet={editing}
              onDone={(saved) => {
                setEditing(null);
                if (saved) setNotice(`Saved "${saved.name}" as version ${saved.version}.`);
                void load();
              }}
            />
          ) : null}
          <ul className="library-list">
            {library.ruleSets.map((entry) => (
              <RuleSetItem
                key={entry.ruleSet.id}
                entry={entry}
                library={library}
                onCopied={(copy) => {
                  setNotice(`Made "${copy.name}". Tune it below, then save.`);
                  setEditing(copy);
                  void load();
                }}
                onEdit={() => {
                  setNotice(null);
                  setEditing(entry.ruleSet);
                }}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function RuleSetItem(props: {
  entry: RuleSetEntry;
  library: RunningLibrary;
  onCopied(copy: RuleSet): void;
  onEdit(): void;
}) {
  const { entry } = props;
  const set = entry.ruleSet;
  const [copying, setCopying] = useState(false);
  const copy = useWrite('ruleSets.copy', () => [records.clinic('running')]);
  const basedOn = set.basedOn
    ? (props.library.ruleSets.find((e) => e.ruleSet.id === set.basedOn?.id)?.ruleSet.name ?? set.basedOn.id)
    : null;
  return (
    <li className="library-item">
      <div className="library-item__head">
        <h3 className="library-item__name">{set.name}</h3>
        {entry.isDefault ? <span className="badge badge--success">Default</span> : null}
        <span className="badge badge--muted">
          {entry.origin === 'shipped' ? 'Comes with the app' : `Clinic copy, version ${set.version}`}
        </span>
      </div>
      {basedOn ? (
        <p className="library-item__meta">
          Based on {basedOn} (version {set.basedOn?.version})
        </p>
      ) : null}
      <p className="library-item__source">{set.source}</p>
      <details className="library-item__details">
        <summary>Rules and the patient&apos;s self-check</summary>
        <RulesTable set={set} />
      </details>
      <div className="library-item__actions">
        {entry.origin === 'clinic' ? (
          <button type="button" className="button button--small button--primary" onClick={props.onEdit}>
            Edit<span className="visually-hidden"> {set.name}</span>
          </button>
        ) : null}
        {!copying ? (
          <button type="button" className="button button--small button--secondary" onClick={() => setCopying(true)}>
            Copy to tune<span className="visually-hidden"> {set.name}</span>
          </button>
        ) : null}
      </div>
      {copying ? (
        <CopyForm
          what="rule set"
          suggested={`${set.name}, clinic copy`}
          onCancel={() => setCopying(false)}
          onCopy={async (name) => {
            const r = await copy({ fromId: set.id, name });
            if (r.ok) {
              setCopying(false);
              props.onCopied(r.value.ruleSet);
            }
            return r;
          }}
        />
      ) : null}
    </li>
  );
}

function RulesTable({ set }: { set: RuleSet }) {
  const lines = selfCheckLines(set);
  const strainRule = set.rules.find((r) => r.trigger === set.strainSiteSorenessCountsAs);
  return (
    <>
      <table className="table rules-table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">When</th>
            <th scope="col">Days off</th>
            <th scope="col">Level</th>
            <th scope="col">Stop the run</th>
            <th scope="col">Call the clinic</th>
          </tr>
        </thead>
        <tbody>
          {rulesInOrder(set).map((r) => (
            <tr key={r.number}>
              <td>{r.number}</td>
              <td>{r.condition}</td>
              <td>{daysOffText(r.action.daysOff)}</td>
              <td>{levelChangeWords(r.action.levelChange)}</td>
              <td>{DURING_RUN_TRIGGERS.includes(r.trigger) ? (r.action.stopRun ? 'Yes' : 'No') : '—'}</td>
              <td>{r.action.callClinic ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Limits: {set.painLimit === null ? 'no pain limit' : `pain of ${set.painLimit}/10 or less for a clean session`};{' '}
        {set.maxAdvancesPer7Days === null
          ? 'no weekly limit on moving up'
          : `at most ${set.maxAdvancesPer7Days} ${set.maxAdvancesPer7Days === 1 ? 'level' : 'levels'} up in 7 days`}
        {strainRule ? `; soreness at the injury site after a muscle strain counts as rule ${strainRule.number}` : ''}.
      </p>
      <h4 className="self-check__title">The patient&apos;s self-check</h4>
      <ul className="self-check">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </>
  );
}

function RuleSetEditor({ ruleSet, onDone }: { ruleSet: RuleSet; onDone(saved: RuleSet | null): void }) {
  const [draft, setDraft] = useState<RuleSetDraft>(() => ruleSetDraftOf(ruleSet));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const saveRuleSet = useWrite('ruleSets.save', () => [records.clinic('running')]);

  const candidate = ruleSetOf(ruleSet, draft);
  const parsed = RuleSetSchema.safeParse(candidate);
  const setRule = (i: number, change: Partial<RuleSetDraft['rules'][number]>) =>
    setDraft((d) => ({ ...d, rules: d.rules.map((r, j) => (j === i ? { ...r, ...change } : r)) }));

  async function save() {
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      const messages = Object.values(found);
      setErrors(found);
      setFailure({
        code: 'invalid_request',
        message:
          messages.length === 1
            ? `One entry needs attention: ${messages[0] ?? ''}`
            : `${messages.length} entries need attention, marked below. First: ${messages[0] ?? ''}`,
      });
      return;
    }
    setBusy(true);
    const r = await saveRuleSet({ ruleSet: parsed.data });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      setErrors(
        Object.fromEntries(Object.entries(r.error.fields ?? {}).map(([k, v]) => [k.replace(/^ruleSet\./, ''), v])),
      );
      return;
    }
    onDone(r.value.ruleSet);
  }

  const general = errors.rules;
  return (
    <form
      className="subform editor"
      aria-label={`Edit the rule set ${ruleSet.name}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="editor__title">
        Edit “{ruleSet.name}” (version {ruleSet.version})
      </h3>
      <p className="muted">
        Saving makes version {ruleSet.version + 1}. Decisions already made keep the version they used.
      </p>
      {failure ? <ErrorNotice error={failure} /> : null}
      {general ? <ErrorNotice error={general} /> : null}
      <div className="form-grid">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(v) => setDraft({ ...draft, name: v })}
          error={errors.name}
          maxLength={120}
          required
          className="form-grid__wide"
        />
        <TextField
          label="Most levels up in 7 days"
          value={draft.maxAdvancesPer7Days}
          onChange={(v) => setDraft({ ...draft, maxAdvancesPer7Days: v })}
          error={errors.maxAdvancesPer7Days}
          hint="Leave empty for no limit."
          inputMode="numeric"
        />
        <TextField
          label="Pain limit for a clean session (0-10)"
          value={draft.painLimit}
          onChange={(v) => setDraft({ ...draft, painLimit: v })}
          error={errors.painLimit}
          hint="Higher pain during or after a run holds the level. Empty: no limit."
          inputMode="numeric"
        />
        <SelectField<StrainSiteTrigger>
          label="Soreness at the injury site after a muscle strain counts as"
          value={draft.strainSiteSorenessCountsAs}
          options={strainSiteChoices(draft.rules)}
          onChange={(v) => setDraft({ ...draft, strainSiteSorenessCountsAs: v })}
          error={errors.strainSiteSorenessCountsAs}
          hint="Hamstring or calf strain, the day after a run: a warning sign, not general muscle soreness."
          className="form-grid__wide"
        />
      </div>
      <TextAreaField
        label="Where these rules come from"
        value={draft.source}
        onChange={(v) => setDraft({ ...draft, source: v })}
        error={errors.source}
        rows={2}
        maxLength={600}
      />
      {draft.rules.map((rule, i) => (
        <fieldset key={rule.trigger} className="rule-editor">
          <legend className="rule-editor__legend">
            Rule {rule.number}: {TRIGGER_LABELS[rule.trigger]}
          </legend>
          <TextAreaField
            label="The rule, in the set's words"
            value={rule.condition}
            onChange={(v) => setRule(i, { condition: v })}
            error={errors[`rules.${i}.condition`]}
            rows={2}
            maxLength={300}
          />
          <TextField
            label="For the patient's self-check"
            value={rule.patientCondition}
            onChange={(v) => setRule(i, { patientCondition: v })}
            error={errors[`rules.${i}.patientCondition`]}
            hint="Short, plain words: what the patient notices."
            maxLength={100}
          />
          <div className="form-grid">
            <TextField
              label="Days off"
              value={rule.daysOff}
              onChange={(v) => setRule(i, { daysOff: v })}
              error={errors[`rules.${i}.action.daysOff`]}
              inputMode="numeric"
            />
            <SelectField
              label="Level change"
              value={String(rule.levelChange)}
              options={levelChangesFor(rule.trigger).map((c) => ({ value: String(c), label: levelChangeWords(c) }))}
              // The choices are the rule's level changes, so the number is one of them.
              onChange={(v) => setRule(i, { levelChange: Number(v) as LevelChange })}
              error={errors[`rules.${i}.action.levelChange`]}
            />
          </div>
          {DURING_RUN_TRIGGERS.includes(rule.trigger) ? (
            <CheckboxField
              label="Stop the run"
              checked={rule.stopRun}
              onChange={(v) => setRule(i, { stopRun: v })}
              error={errors[`rules.${i}.action.stopRun`]}
            />
          ) : null}
          <CheckboxField
            label="Call the clinic"
            hint="The patient calls before running again, and the check-in alerts you."
            checked={rule.callClinic}
            onChange={(v) => setRule(i, { callClinic: v })}
            error={errors[`rules.${i}.action.callClinic`]}
          />
        </fieldset>
      ))}
      <div className="self-check-preview" aria-live="polite">
        <h4 className="self-check__title">What the patient&apos;s self-check will say</h4>
        {parsed.success ? (
          <ul className="self-check">
            {selfCheckLines(parsed.data).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">Shown once the entries above are complete.</p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : `Save as version ${ruleSet.version + 1}`}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The soreness rule sets side by side (first start and Settings): only the rules that act
 * differently, then the limits and each set's source. Built by `compareRuleSets` from the sets'
 * data, so a new rule, set or action field appears here without a change to this screen.
 */
import type { RuleSet } from '../../../shared/clinical/rule-set';
import { compareRuleSets } from '../../../shared/clinical/rule-set-comparison';

export function RuleSetComparisonTable({
  sets,
  defaultId,
  caption = 'The soreness rule sets side by side',
}: {
  sets: readonly RuleSet[];
  /** The set new programmes use, marked in its column head. */
  defaultId: string;
  caption?: string;
}) {
  const comparison = compareRuleSets(sets);
  return (
    <div className="rule-set-comparison">
      <table className="table rule-set-comparison__table" data-testid="rule-set-comparison">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">What differs</th>
            {comparison.sets.map((s) => (
              <th scope="col" key={s.id}>
                {s.name}
                {s.id === defaultId ? ' (default)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...comparison.differingRules, ...comparison.limits].map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, i) => (
                <td key={comparison.sets[i]?.id ?? i}>{value}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Source</th>
            {comparison.sets.map((s) => (
              <td key={s.id} className="rule-set-comparison__source">
                {s.source}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {comparison.sameRules.length > 0 ? (
        <p className="muted">The same in every set: {comparison.sameRules.join('; ')}.</p>
      ) : null}
    </div>
  );
}

/** The running feature's settings: the soreness rule sets and the running programmes. */
import { ProgrammeSettings } from './ProgrammeSettings';
import { RuleSetSettings } from './RuleSetSettings';

export function RunningSettings() {
  return (
    <>
      <RuleSetSettings />
      <ProgrammeSettings />
    </>
  );
}

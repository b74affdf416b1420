/**
 * Foot strength (issue 14): the short-foot exercise for the small muscles of the arch. The
 * single-leg heel raise on a step, the other foot-and-ankle strength step, is in calf.ts.
 */
import type { Pose } from '../../pose/pose';
import { forwardKinematics } from '../../pose/pose';
import { placeHand, plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import { ANKLE_HEIGHT } from './posing';

const FOOT_ANKLE = { x: 52, y: ANKLE_HEIGHT };

/** Seated on a chair, feet flat on the floor, hands resting on the thighs. */
function seatedFeetFlat(): Pose {
  const base: Pose = { position: { joint: 'pelvis', x: 0, y: 56 }, tilt: 0, right: {}, left: {} };
  let pose = plantFoot(base, 'right', FOOT_ANKLE);
  pose = plantFoot(pose, 'left', FOOT_ANKLE);
  const knee = forwardKinematics(pose).joints.rightKnee;
  pose = placeHand(pose, 'right', { x: knee.x - 14, y: knee.y + 8 });
  return placeHand(pose, 'left', { x: knee.x - 14, y: knee.y + 8 });
}

export const FOOT_EXERCISES: readonly Exercise[] = [
  {
    id: 'foot-short-foot',
    name: 'Short foot',
    purpose: 'Strengthens the small muscles that hold up the arch of your foot.',
    startingPosition: 'Sit on a chair with your bare feet flat on the floor.',
    steps: [
      'Keep your toes long and flat on the floor.',
      'Pull the ball of your foot back toward your heel.',
      'Your arch lifts up and your foot gets a little shorter.',
      'Hold, then relax your foot.',
      'When this is easy, do it standing, then on one leg.',
    ],
    cues: [
      'Your toes stay flat: do not curl them.',
      'Your heel and the ball of your foot stay down.',
      'It is a small move. Look at your arch to see it lift.',
    ],
    mistakes: ['Curling your toes under.', 'Rolling your foot out onto its edge.', 'Lifting your heel.'],
    dosage: { sets: 5, amount: { kind: 'hold', seconds: 10 }, perSide: true, daysPerWeek: 7 },
    easier: [],
    harder: [],
    tags: { regions: ['foot', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person sits on a chair with the feet flat on the floor. An arrow points up under the arch of the foot, which lifts while the toes stay flat.',
      scene: {
        start: seatedFeetFlat(),
        props: [{ kind: 'floor' }, { kind: 'chair', x: 14, seatHeight: 46, facing: 'right' }],
        arrows: [{ kind: 'path', from: { x: FOOT_ANKLE.x + 4, y: -14 }, to: { x: FOOT_ANKLE.x + 4, y: 2 } }],
      },
    },
    clinicianNote:
      "Short-foot exercise (Janda's 'small foot'): intrinsic foot muscle training, seated, then standing, then single-leg; Mulligan and Cook 2013 (Man Ther 18:425) trained it daily for 4 weeks and found a higher arch and better balance. The hold dose (5 x 10 s each side, daily) is a clinic default, not from a trial.",
  },
];

/**
 * Hops and bounds (issue 14): the impact steps between strength work and running. Each one's
 * text says the test to pass before starting it. The gates come from docs/clinical-sources.md#readiness:
 * pain-free single-leg hopping, 10-15 hops, before running after a bone stress injury (Hoenig
 * 2023, Warden 2021), and the postnatal load and impact tests (Goom, Donnelly, Brockwell 2019):
 * 20 single-leg calf raises, forward bounds 10, hop on the spot 10 each leg, all without symptoms.
 */
import type { Pose } from '../../pose/pose';
import type { Exercise } from '../exercise';

/** Running arms, bent at the elbows by the sides. */
const ARMS = { shoulder: 10, elbow: 80 };

/** On both feet: on the balls of the feet on the floor (`air` 0), or `air` cm up in the air. */
function pogo(air: number): Pose {
  const legs = { hip: 8, knee: 12, ankle: -30, toes: air > 0 ? 0 : 30 };
  return {
    position: { joint: 'rightBall', x: 12, y: air },
    tilt: 3,
    right: { ...legs, ...ARMS },
    left: { ...legs, ...ARMS },
  };
}

/** On the right leg only, the left knee bent and the foot lifted behind. */
function hopOneLeg(air: number): Pose {
  const pose = pogo(air);
  return { ...pose, left: { hip: 15, knee: 85, ankle: -30, ...ARMS } };
}

/**
 * A forward bound: pushing off the back (right) foot with the left knee driven forward and the
 * opposite arm swung (`takeoff`), or landing on the left foot with the right leg trailing.
 */
function bound(takeoff: boolean): Pose {
  return takeoff
    ? {
        position: { joint: 'rightToe', x: 0, y: 1.5 },
        tilt: 10,
        right: { hip: -18, knee: 5, ankle: -40, toes: 10, shoulder: 50, elbow: 80 },
        left: { hip: 85, knee: 95, ankle: 5, shoulder: -45, elbow: 70 },
      }
    : {
        position: { joint: 'leftHeel', x: 150, y: 0 },
        tilt: 8,
        right: { hip: -30, knee: 70, ankle: -30, shoulder: -35, elbow: 70 },
        left: { hip: 22, knee: 22, ankle: 8, shoulder: 40, elbow: 80 },
      };
}

const IMPACT_NOTE =
  'Gates from clinical.md section 7: bone stress injury, pain-free single-leg hopping 10-15 times before running (Hoenig 2023 BJSM 57:427; Warden 2021); postnatal load and impact tests (Goom, Donnelly, Brockwell 2019): single-leg calf raise 20 each side, hop on the spot 10 each leg, forward bounds 10, all without pain, leaking or heaviness. The dose (3 sets of 10, 2-3 days a week, never on consecutive days) is a clinic default, not from a trial; add impact before adding running volume, and use the soreness rules the next day as for a run.';

const PAIN_LINE = 'Stop if pain goes above 2 out of 10, or you limp.';

export const HOP_EXERCISES: readonly Exercise[] = [
  {
    id: 'hop-pogo-both-legs',
    name: 'Pogo hops on both legs',
    purpose: 'Gets your calves and tendons used to the bounce of running.',
    startingPosition:
      'Start only when you can do 20 one-leg calf raises with no pain. Stand tall with your feet under your hips.',
    steps: [
      'Rise onto the balls of your feet.',
      'Make small, quick hops on the spot, like a pogo stick.',
      'Keep your knees almost straight and your heels off the floor.',
      'Land softly and bounce straight back up.',
      'Rest between sets.',
    ],
    cues: ['Think quick and light, like hot coals.', 'Keep the hops low, only a few inches.', PAIN_LINE],
    mistakes: ['Landing on your heels.', 'Bending your knees deep on each hop.', 'Hopping on sore legs the next day.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: false, daysPerWeek: 3 },
    easier: [],
    harder: ['hop-single-leg-on-the-spot'],
    tags: { regions: ['calf', 'ankle'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands on the balls of both feet with the knees almost straight, then springs a little way up off the floor.',
      scene: {
        start: pogo(0),
        end: pogo(12),
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'rightHeel', offset: { x: -12, y: 0 }, trim: 0 }],
      },
    },
    clinicianNote: IMPACT_NOTE,
  },
  {
    id: 'hop-single-leg-on-the-spot',
    name: 'Hops on one leg on the spot',
    purpose: 'Trains one leg at a time to take the landing load of running.',
    startingPosition:
      'Start only when you can do 20 one-leg calf raises with no pain. You must also do 10 pogo hops with no pain. Stand on one leg.',
    steps: [
      'Rise onto the ball of your foot.',
      'Hop on the spot, small and steady.',
      'Land softly, with your knee a little bent.',
      'Do all the hops, then swap legs.',
    ],
    cues: ['Keep your knee in line with your toes.', 'Keep your hips level.', PAIN_LINE],
    mistakes: ['Letting your knee fall in.', 'Landing flat and loud.', 'Hopping high before you can hop steady.'],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
    easier: ['hop-pogo-both-legs'],
    harder: ['hop-forward-bounds'],
    tags: { regions: ['calf', 'ankle', 'knee'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands on the ball of the right foot, the left foot lifted behind, then hops a little way up off the floor.',
      scene: {
        start: hopOneLeg(0),
        end: hopOneLeg(12),
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'rightHeel', offset: { x: -12, y: 0 }, trim: 0 }],
      },
    },
    clinicianNote: `${IMPACT_NOTE} The 10 hops on each leg are the bone stress and postnatal test itself: pass it before using it as an exercise.`,
  },
  {
    id: 'hop-forward-bounds',
    name: 'Forward bounds',
    purpose: 'Builds spring and control for running, with long, bouncy strides.',
    startingPosition: 'Start only when you can hop 10 times on each leg with no pain. You need a clear, flat path.',
    steps: [
      'Push off one foot and drive the other knee forward.',
      'Swing the opposite arm forward, as when you run.',
      'Land on the front foot and push straight into the next bound.',
      'Do 10 bounds, then walk back to the start.',
    ],
    cues: ['Think long and bouncy, not fast.', 'Land under your body, not out in front.', PAIN_LINE],
    mistakes: [
      'Reaching too far and landing on your heel.',
      'Letting your knee fall in.',
      'Bounding when your legs feel tired.',
    ],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 10 }, perSide: false, daysPerWeek: 2 },
    easier: ['hop-single-leg-on-the-spot'],
    harder: [],
    tags: { regions: ['calf', 'knee', 'hip'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person pushes off the back foot with the front knee driven up and the opposite arm forward, then lands on the front foot a long stride ahead.',
      scene: {
        start: bound(true),
        end: bound(false),
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'pelvis', bend: 0.25, offset: { x: 0, y: 30 } }],
      },
    },
    clinicianNote: IMPACT_NOTE,
  },
];

/**
 * Hip mobility (seed: "greater hip flexion and extension allows the ability to powerfully lift
 * your knee up and drive your leg back").
 */
import type { Pose } from '../../pose/pose';
import { forwardKinematics } from '../../pose/pose';
import { placeHand, plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import { along, ANKLE_HEIGHT, KNEE_RADIUS, THIGH } from './posing';

const STRETCH_NOTE =
  'Static stretch dosed after ACSM: hold 10-30 s, 2-4 times, about 60 s per stretch in total, daily is best.';

/** Both hands on the hips, elbows back: the arms then leave the front of the hip in view. */
function handsOnHips(pose: Pose): Pose {
  const pelvis = forwardKinematics(pose).joints.pelvis;
  const onHip = { x: pelvis.x + 3, y: pelvis.y + 9 };
  return placeHand(placeHand(pose, 'right', onHip), 'left', onHip);
}

/**
 * Half-kneeling on the right knee (the side being stretched, nearest the viewer), left foot in
 * front, hands on the hips. `shift` leans the back thigh forwards (hips moving forwards), `tuck`
 * tilts the pelvis back with the trunk kept upright. `reach` lifts the right arm overhead.
 */
function halfKneeling(shift: number, tuck: number, reach = false): Pose {
  const backKnee = { x: 0, y: KNEE_RADIUS };
  const hip = along(backKnee, THIGH, shift);
  const base: Pose = {
    position: { joint: 'pelvis', x: hip.x, y: hip.y },
    tilt: -tuck,
    spine: { lumbar: tuck },
    right: { hip: -shift - tuck, knee: 105 - shift, ankle: -25 },
    left: {},
  };
  const pose = handsOnHips(plantFoot(base, 'left', { x: 58, y: ANKLE_HEIGHT }));
  if (reach) return { ...pose, right: { ...pose.right, shoulder: 168, elbow: 5 } };
  return pose;
}

/** Split stance, right foot back on its toes, left foot flat in front. */
function splitStance(shift: number, tuck: number): Pose {
  const base: Pose = {
    position: { joint: 'pelvis', x: shift, y: 90 - shift * 0.45 },
    tilt: -tuck,
    spine: { lumbar: tuck },
    right: {},
    left: {},
  };
  let pose = plantFoot(base, 'left', { x: 42, y: ANKLE_HEIGHT });
  pose = plantFoot(pose, 'right', { x: -58, y: 14 }, -38);
  return handsOnHips(pose);
}

/**
 * The chair held in the leg swings: beside the figure on its far side, its back rest a little in
 * front of the body so the hand on it shows, its seat behind, clear of the forward swing.
 */
const SWING_CHAIR = { kind: 'chair' as const, x: -6, seatHeight: 46, facing: 'left' as const };
/** Top of the chair's back rest (the chair prop's back post stands 2 cm in from the seat's back edge, 45 cm above the seat). */
const SWING_CHAIR_TOP = { x: SWING_CHAIR.x + 42 - 2, y: SWING_CHAIR.seatHeight + 45 };

/**
 * Standing on the left leg (the far one, next to the chair), the left hand on the chair's back
 * rest; the right leg swings from `hip` degrees and the right arm swings against it.
 */
function legSwing(hip: number): Pose {
  const pose: Pose = {
    position: { joint: 'leftHeel', x: 0, y: 0 },
    right: { hip, knee: hip > 0 ? 12 : 6, ankle: hip > 0 ? 5 : -15, shoulder: -hip * 0.5, elbow: 30 },
    left: {},
  };
  return placeHand(pose, 'left', { x: SWING_CHAIR_TOP.x, y: SWING_CHAIR_TOP.y + 3 });
}

function kneeDrive(up: boolean): Pose {
  return up
    ? {
        position: { joint: 'leftHeel', x: 0, y: 0 },
        tilt: 2,
        right: { hip: 92, knee: 95, ankle: 5, shoulder: -45, elbow: 90 },
        left: { hip: 0, knee: 3, ankle: 5, shoulder: 55, elbow: 90 },
      }
    : {
        position: { joint: 'leftHeel', x: 0, y: 0 },
        right: { shoulder: 0, elbow: 10 },
        left: { shoulder: 0, elbow: 10 },
      };
}

/**
 * Lying on the left side, facing the viewer, head to the right resting on the lower arm; the
 * bottom knee bent a little for balance; the top (right) leg raised by `lift` degrees.
 */
function sideLyingAbduction(lift: number): Pose {
  return {
    position: { joint: 'pelvis', x: 0, y: 26 },
    tilt: 90,
    turn: 90,
    right: { hipAbduction: lift, hip: -5, ankle: 0, shoulderAbduction: 8, elbow: 0 },
    left: { hip: 25, knee: 45, ankle: -10, shoulderAbduction: 178, elbow: 0 },
  };
}

const ABDUCTION_NOTE =
  'Gluteus medius strength-endurance. The postnatal return-to-running strength tests include 20 side-lying leg raises each side (Goom, Donnelly, Brockwell 2019): the default works up to that. Dose after the ACSM 2009 position stand on resistance training (novice: 1-3 sets of 8-12, 2-3 days a week), with higher reps for endurance; add an ankle weight or a band when 3 x 15 is easy.';

export const HIP_EXERCISES: readonly Exercise[] = [
  {
    id: 'hip-flexor-stretch-standing',
    name: 'Standing hip flexor stretch',
    purpose: 'Stretches the front of your hip without kneeling.',
    startingPosition: 'Stand with one foot a long step in front of the other. Rest your back heel up off the floor.',
    steps: [
      'Put your hands on your hips.',
      'Tuck your tail under, as if you flatten your low back.',
      'Squeeze the buttock of your back leg.',
      'Bend your front knee and move your hips forward a little.',
      'Hold the stretch. Then swap legs.',
    ],
    cues: [
      'You feel the stretch at the front of the back hip.',
      'Stand tall, with your chest up.',
      'Breathe slowly while you hold.',
    ],
    mistakes: ['Arching your low back to go further.', 'Leaning your upper body forward.', 'Bouncing in the stretch.'],
    dosage: { sets: 2, amount: { kind: 'hold', seconds: 30 }, perSide: true, daysPerWeek: 7 },
    easier: [],
    harder: ['hip-flexor-stretch-half-kneeling'],
    tags: { regions: ['hip'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'Two pictures of a person in a long split stance, hands on hips, back heel up: upright, then with the hips moved forward and the front knee bent.',
      scene: {
        start: splitStance(0, 0),
        end: splitStance(12, 8),
        // Beside: drawn over each other, the small hip shift was lost in the overlap (issue 15).
        beside: 135,
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'pelvis', offset: { x: 0, y: -6 } }],
      },
    },
    clinicianNote: `${STRETCH_NOTE} For patients who cannot kneel.`,
  },
  {
    id: 'hip-flexor-stretch-half-kneeling',
    name: 'Half-kneeling hip flexor stretch',
    purpose: 'Stretches the front of your hip, so your leg drives back as you run.',
    startingPosition:
      'Kneel on one knee on a soft mat. Put the other foot flat in front. Bend that knee to a right angle.',
    steps: [
      'Put your hands on your hips and stand your upper body tall.',
      'Tuck your tail under, as if you flatten your low back.',
      'Squeeze the buttock of the leg you kneel on.',
      'Move your hips forward a little, until you feel a stretch.',
      'Hold the stretch. Then swap legs.',
    ],
    cues: [
      'You feel the stretch at the front of the hip you kneel on.',
      'Keep your ribs down and your back flat.',
      'A small move is enough.',
    ],
    mistakes: ['Arching your low back.', 'Leaning your upper body forward.', 'Kneeling on a hard floor.'],
    dosage: { sets: 2, amount: { kind: 'hold', seconds: 30 }, perSide: true, daysPerWeek: 7 },
    easier: ['hip-flexor-stretch-standing'],
    harder: ['hip-flexor-stretch-reach'],
    tags: { regions: ['hip'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'Two pictures of a person kneeling on the right knee, left foot in front, hands on hips: upright, then with the pelvis tucked under and the hips moved forward.',
      scene: {
        start: halfKneeling(0, 0),
        end: halfKneeling(14, 10),
        // Beside: drawn over each other, the small hip shift was lost in the overlap (issue 15).
        beside: 135,
        props: [{ kind: 'floor' }, { kind: 'mat', x: -40, width: 115 }],
        arrows: [{ kind: 'move', joint: 'pelvis', offset: { x: -2, y: -4 } }],
      },
    },
    clinicianNote: `${STRETCH_NOTE} Seed cue: tuck the tail, squeeze the back-leg buttock, do not arch the low back.`,
  },
  {
    id: 'hip-flexor-stretch-reach',
    name: 'Half-kneeling hip flexor stretch with reach',
    purpose: 'Stretches the front of your hip and the side of your trunk together.',
    startingPosition: 'Kneel on one knee on a soft mat, as for the hip flexor stretch.',
    steps: [
      'Tuck your tail under and squeeze the buttock of the leg you kneel on.',
      'Move your hips forward a little.',
      'Reach the arm on the kneeling side up over your head.',
      'Lean a little toward your front leg.',
      'Hold the stretch. Then swap sides.',
    ],
    cues: ['Reach long, as if you touch the ceiling.', 'Keep your ribs down.', 'Breathe slowly while you hold.'],
    mistakes: ['Arching your low back as you reach.', 'Twisting your body forward.', 'Holding your breath.'],
    dosage: { sets: 2, amount: { kind: 'hold', seconds: 30 }, perSide: true, daysPerWeek: 7 },
    easier: ['hip-flexor-stretch-half-kneeling'],
    harder: [],
    tags: { regions: ['hip', 'trunk'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'Two pictures of a person kneeling on the right knee, hands on hips: upright, then with the hips forward and the right arm reaching straight up over the head.',
      scene: {
        start: halfKneeling(0, 0),
        end: halfKneeling(14, 10, true),
        beside: 135,
        props: [{ kind: 'floor' }, { kind: 'mat', x: -40, width: 115 }],
        arrows: [{ kind: 'move', joint: 'rightHand', bend: 0.3, offset: { x: 14, y: 0 } }],
      },
    },
    clinicianNote: `${STRETCH_NOTE} The overhead reach adds latissimus dorsi and lateral trunk length.`,
  },
  {
    id: 'hip-leg-swings',
    name: 'Leg swings, front to back',
    purpose: 'Warms up your hip so it moves freely forward and back.',
    startingPosition: 'Stand side-on to a chair or wall. Hold it with one hand. Stand on the leg next to it.',
    steps: [
      'Stand tall and let your other leg hang.',
      'Swing that leg forward, then back, like a pendulum.',
      'Start small and let the swing grow.',
      'Do all the swings, then turn around and swap legs.',
    ],
    cues: [
      'Your upper body stays tall and still.',
      'Keep the swing smooth, not wild.',
      'Keep your hips facing forward.',
    ],
    mistakes: [
      'Leaning back as the leg swings forward.',
      'Arching your low back as the leg swings back.',
      'Swinging fast from the start.',
    ],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 15 }, perSide: true, daysPerWeek: 7 },
    easier: [],
    harder: [],
    tags: { regions: ['hip'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'A person stands tall on the left leg, the left hand on the back of a chair, and swings the straight right leg forward and back.',
      scene: {
        start: legSwing(50),
        end: legSwing(-28),
        props: [{ kind: 'floor' }, SWING_CHAIR],
        arrows: [{ kind: 'move', joint: 'rightAnkle', bend: -0.35 }],
      },
    },
    clinicianNote: 'Dynamic hip flexion and extension drill. Good before a run as part of the warm-up.',
  },
  {
    id: 'hip-knee-drive',
    name: 'Standing knee drive',
    purpose: 'Trains your hip to lift your knee high, as in running.',
    startingPosition: 'Stand tall with your feet under your hips. Hold a wall with one hand if you need to.',
    steps: [
      'Drive one knee up to hip height.',
      'Swing the other arm forward, like when you run.',
      'Hold for 2 seconds, standing tall.',
      'Lower the foot with control.',
      'Do all the reps, then swap legs.',
    ],
    cues: [
      'Stand tall, as if a string pulls your head up.',
      'Pull your toes up toward your shin.',
      'Keep your hips level.',
    ],
    mistakes: ['Leaning back to lift the knee.', 'Rounding your back.', 'Letting the standing knee bend.'],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 3 },
    easier: [],
    harder: [],
    tags: { regions: ['hip'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description: 'A person stands tall and drives the right knee up to hip height, with the left arm swung forward.',
      scene: {
        start: kneeDrive(false),
        end: kneeDrive(true),
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'rightKnee', bend: 0.3, offset: { x: 6, y: 0 } }],
      },
    },
    clinicianNote: 'Active hip flexion drill in single-leg stance; add a hold at the top for balance.',
  },
  {
    id: 'hip-side-lying-abduction',
    name: 'Side-lying leg lift',
    purpose: 'Strengthens the side of your hip, to keep your hips level as you run.',
    startingPosition: 'Lie on your side on a mat. Rest your head on your lower arm. Bend your bottom knee a little.',
    steps: [
      'Keep your top leg straight, in line with your body.',
      'Turn your top toes a little down toward the floor.',
      'Lift your top leg up toward the ceiling, leading with your heel.',
      'Hold for 1 second, then lower it slowly.',
      'Do all the reps, then turn over and swap legs.',
    ],
    cues: [
      'You feel the work in the side of your hip, not the front.',
      'Keep your top hip stacked over your bottom hip.',
      'Lift only as high as you can without rolling back.',
    ],
    mistakes: [
      'Rolling your hips back as you lift.',
      'Swinging your leg forward.',
      'Hitching your hip up toward your ribs.',
    ],
    dosage: { sets: 3, amount: { kind: 'reps', reps: 15 }, perSide: true, daysPerWeek: 3 },
    easier: [],
    harder: [],
    tags: { regions: ['hip'], type: 'strength' },
    illustration: {
      kind: 'pose',
      description:
        'A person lies on the left side on a mat, head on the lower arm, and lifts the straight top leg up toward the ceiling.',
      scene: {
        start: sideLyingAbduction(0),
        end: sideLyingAbduction(35),
        props: [{ kind: 'floor' }, { kind: 'mat', x: -110, width: 200 }],
        arrows: [{ kind: 'move', joint: 'rightAnkle', bend: 0.25, offset: { x: 8, y: 6 } }],
      },
    },
    clinicianNote: ABDUCTION_NOTE,
  },
];

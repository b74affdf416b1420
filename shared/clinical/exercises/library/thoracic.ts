/**
 * Thoracic spine mobility (seed: "developing mid back mobility through rotation, extension and
 * some flexion helps with the neck, shoulders and hips").
 */
import type { Pose } from '../../pose/pose';
import { forwardKinematics } from '../../pose/pose';
import { placeHand, plantFoot } from '../../pose/solve';
import type { Exercise } from '../exercise';
import { ANKLE_HEIGHT, KNEE_RADIUS, THIGH } from './posing';

const MOBILITY_NOTE = 'Mobility drill: slow, pain-free range; 2 sets of 10 daily is a common start.';

/**
 * Side-lying on the left side, seen from above (the floor is the paper): hips and knees bent to
 * a right angle, arms straight out in front. `open` turns the chest to the ceiling and takes the
 * top (right) arm over to the other side.
 */
function openBook(open: boolean): Pose {
  return {
    position: { joint: 'pelvis', x: 0, y: 0 },
    tilt: -90,
    neck: 10,
    spine: { twist: open ? 80 : 0 },
    right: open
      ? { hip: 90, knee: 95, ankle: -20, shoulder: 0, shoulderAbduction: 95, elbow: 5 }
      : { hip: 90, knee: 95, ankle: -20, shoulder: 90, elbow: 5 },
    left: open
      ? { hip: 90, knee: 95, ankle: -20, shoulder: 0, shoulderAbduction: 80, elbow: 5 }
      : { hip: 90, knee: 95, ankle: -20, shoulder: 88, elbow: 5 },
  };
}

/** The top shoulder at the start: the arrow sweeps round it. */
const OPEN_BOOK_SHOULDER = forwardKinematics(openBook(false)).joints.rightShoulder;

/** On hands and knees, face down, head to the right; hands under shoulders, knees under hips. */
function allFours(spine: { lumbar: number; thoracic: number }, tilt: number, neck: number): Pose {
  const hipY = KNEE_RADIUS + THIGH;
  const base: Pose = {
    position: { joint: 'pelvis', x: 0, y: hipY },
    tilt,
    spine,
    neck,
    right: { hip: tilt, knee: 90, ankle: -60 },
    left: { hip: tilt, knee: 90, ankle: -60 },
  };
  const pose = placeHand(base, 'right', { x: 50, y: 4 });
  return placeHand(pose, 'left', { x: 50, y: 4 });
}

/** All fours, right hand behind the head; the elbow points down (`up` false) or to the ceiling. */
function quadrupedRotation(up: boolean): Pose {
  const pose = allFours({ lumbar: 0, thoracic: 0 }, 80, 0);
  return {
    ...pose,
    neck: up ? -10 : 20,
    right: {
      ...pose.right,
      shoulder: up ? -70 : 70,
      shoulderAbduction: 90,
      shoulderRotation: 90,
      elbow: 140,
    },
  };
}

/** Lying on the back over a foam roller, knees bent, hands behind the head. */
function overRoller(thoracic: number, neck: number): Pose {
  const base: Pose = {
    position: { joint: 'pelvis', x: 0, y: 12 },
    tilt: -90,
    spine: { lumbar: 25, thoracic },
    neck,
    right: { shoulder: 150, shoulderAbduction: 30, shoulderRotation: 40, elbow: 120 },
    left: { shoulder: 150, shoulderAbduction: 30, shoulderRotation: 40, elbow: 120 },
  };
  const pose = plantFoot(base, 'right', { x: 55, y: ANKLE_HEIGHT });
  return plantFoot(pose, 'left', { x: 55, y: ANKLE_HEIGHT });
}

export const THORACIC_EXERCISES: readonly Exercise[] = [
  {
    id: 'thoracic-open-book',
    name: 'Open book',
    purpose: 'Helps your mid back turn, so your arms swing freely when you run.',
    startingPosition:
      'Lie on your side with a pillow under your head. Bend your hips and knees to a right angle, knees together. Put both arms straight out in front, palms together.',
    steps: [
      'Keep your knees together and on the floor.',
      'Lift your top arm up and over to the other side.',
      'Turn your head and follow your hand with your eyes.',
      'Let your chest open toward the ceiling.',
      'Hold for 3 seconds, then bring the arm back.',
      'Do all the reps, then turn over and swap sides.',
    ],
    cues: ['The move comes from your mid back.', 'Breathe out as you open.', 'Go only as far as is comfortable.'],
    mistakes: [
      'Letting your knees come apart or lift.',
      'Rolling your hips back with your arm.',
      'Forcing the arm down to the floor.',
    ],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 7 },
    easier: [],
    harder: ['thoracic-quadruped-rotation'],
    tags: { regions: ['thoracic-spine'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'Seen from above: a person lies on the left side, hips and knees bent, arms out in front. The top arm sweeps over to the other side and the chest turns up.',
      scene: {
        start: openBook(false),
        end: openBook(true),
        // The mat holds both hands: the top hand ends on the floor on the other side (issue 15).
        props: [
          { kind: 'mat', x: -100, width: 175, y: -92, depth: 180 },
          { kind: 'pillow', center: { x: -76, y: 0 }, width: 22, height: 40 },
        ],
        // The hand sweeps round the shoulder, clear of the head.
        arrows: [
          { kind: 'arc', center: { x: OPEN_BOOK_SHOULDER.x, y: OPEN_BOOK_SHOULDER.y }, radius: 50, from: 72, to: 288 },
        ],
      },
    },
    clinicianNote: `${MOBILITY_NOTE} Seed cue: side-lying, knees bent and together, follow the hand with the eyes.`,
  },
  {
    id: 'thoracic-quadruped-rotation',
    name: 'All-fours upper back turn',
    purpose: 'Turns your mid back while your hips stay still.',
    startingPosition:
      'Get on your hands and knees. Put your hands under your shoulders and your knees under your hips. Put one hand behind your head.',
    steps: [
      'Point your elbow down toward your other hand.',
      'Turn your chest and point the elbow up to the ceiling.',
      'Follow your elbow with your eyes.',
      'Hold for 2 seconds, then turn back down.',
      'Do all the reps, then swap sides.',
    ],
    cues: [
      'Keep your hips still and level.',
      'Push the floor away with your other hand.',
      'Breathe out as you turn up.',
    ],
    mistakes: ['Swinging your hips to turn further.', 'Sagging your low back.', 'Rushing the move.'],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 10 }, perSide: true, daysPerWeek: 7 },
    easier: ['thoracic-open-book'],
    harder: [],
    tags: { regions: ['thoracic-spine'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'A person on hands and knees, right hand behind the head. The right elbow turns from pointing down to pointing up at the ceiling.',
      scene: {
        start: quadrupedRotation(false),
        end: quadrupedRotation(true),
        props: [{ kind: 'floor' }, { kind: 'mat', x: -60, width: 130 }],
        arrows: [{ kind: 'move', joint: 'rightElbow', bend: 0.5, offset: { x: 8, y: 0 } }],
      },
    },
    clinicianNote: `${MOBILITY_NOTE} Quadruped position locks the lumbar spine so the rotation comes from the thorax.`,
  },
  {
    id: 'thoracic-cat-camel',
    name: 'Cat and camel',
    purpose: 'Gently bends and arches your whole back to ease stiffness.',
    startingPosition:
      'Get on your hands and knees. Put your hands under your shoulders and your knees under your hips.',
    steps: [
      'Round your back up to the ceiling, like a cat.',
      'Let your head drop down.',
      'Then let your belly sink slowly toward the floor.',
      'Lift your head and look ahead.',
      'Move slowly from one to the other.',
    ],
    cues: ['Move one part of your back at a time.', 'Breathe out as you round up.', 'Keep your arms straight.'],
    mistakes: ['Moving fast or jerking.', 'Bending your elbows.', 'Pushing into pain.'],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 10 }, perSide: false, daysPerWeek: 7 },
    easier: [],
    harder: ['thoracic-foam-roller-extension'],
    tags: { regions: ['thoracic-spine', 'trunk'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'Two pictures of a person on hands and knees: first the back rounded up with the head down, then the back sagging with the head up.',
      scene: {
        start: allFours({ lumbar: 5, thoracic: 50 }, 50, 35),
        end: allFours({ lumbar: -8, thoracic: -35 }, 100, -30),
        beside: 150,
        props: [{ kind: 'floor' }],
        arrows: [{ kind: 'move', joint: 'waist', offset: { x: 0, y: 22 } }],
      },
    },
    clinicianNote: `${MOBILITY_NOTE} Covers the seed's "some flexion" as well as extension; a gentle start before the roller.`,
  },
  {
    id: 'thoracic-foam-roller-extension',
    name: 'Back bend over a foam roller',
    purpose: 'Helps your mid back straighten and arch, so you run tall.',
    startingPosition:
      'Sit on the floor with a foam roller behind you. Lie back with the roller under your upper back. It goes just below your shoulder blades. Bend your knees and put your feet flat.',
    steps: [
      'Put your hands behind your head and hold your head.',
      'Keep your bottom on the floor.',
      'Let your upper back bend back over the roller.',
      'Hold for 3 seconds, then curl back up a little.',
      'Move the roller a little higher and repeat.',
    ],
    cues: ['Support your head with your hands.', 'Breathe out as you bend back.', 'Keep your ribs down.'],
    mistakes: [
      'Putting the roller under your low back.',
      'Lifting your bottom off the floor.',
      'Pulling on your neck.',
    ],
    dosage: { sets: 2, amount: { kind: 'reps', reps: 10 }, perSide: false, daysPerWeek: 7 },
    easier: ['thoracic-cat-camel'],
    harder: [],
    tags: { regions: ['thoracic-spine'], type: 'mobility' },
    illustration: {
      kind: 'pose',
      description:
        'A person lies back over a foam roller under the upper back, knees bent, hands behind the head. The upper back bends back over the roller.',
      scene: {
        start: overRoller(0, 15),
        end: overRoller(-30, -5),
        props: [{ kind: 'floor' }, { kind: 'roller', center: { x: -36.5, y: 7.5 }, radius: 7.5 }],
        arrows: [{ kind: 'move', joint: 'head', bend: 0.3, offset: { x: 0, y: 14 } }],
      },
    },
    clinicianNote: `${MOBILITY_NOTE} Seed cue: roller below the shoulder blades, never under the low back.`,
  },
];

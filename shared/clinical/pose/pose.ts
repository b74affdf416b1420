/**
 * A small human pose model for exercise drawings: joint angles in, joint positions out.
 *
 * A pose names where one joint sits in the world (centimetres, y up, x to the right of the
 * picture, z towards the viewer), how the pelvis is tilted and turned, and the angles at the
 * spine, neck, hips, knees, ankles, shoulders and elbows. forwardKinematics() walks the chain from
 * the pelvis outwards. Every angle is in degrees and 0 is upright standing with the arms by the
 * sides, facing right:
 *
 * - tilt: the pelvis leaned forwards (+) or back (-) in the picture plane. 90 puts the body
 *   horizontal, face down, head to the right; -90 face up, head to the left.
 * - turn: the body turned about its long axis before the tilt. 90 faces the viewer, 180 faces left.
 * - spin: the whole figure turned about the vertical after the tilt, keeping every height: a
 *   side plank seen a little from the front. Positive turns the body's front towards the viewer.
 * - spine.lumbar / spine.thoracic: flexion (+, rounding forwards) or extension (-).
 * - spine.twist: the chest turned to the right (+) on the pelvis; spine.sideBend: to the right (+).
 * - neck: chin towards the chest (+) or head back (-).
 * - hip, shoulder: flexion (+, limb forwards) or extension (-, limb behind the body).
 * - hipAbduction, shoulderAbduction: limb out to its own side (+) or across the midline (-).
 * - shoulderRotation: external (+) or internal (-) rotation of the upper arm about its own axis,
 *   applied after flexion and abduction (hand behind the head: abduction 90, rotation 90).
 * - knee: flexion (+), heel towards the buttock. elbow: flexion (+), hand towards the shoulder.
 * - ankle: dorsiflexion (+, toes up towards the shin) or plantarflexion (-, up on the toes).
 * - toes: the toes bent up at the ball of the foot (+), so they stay on the floor in a heel raise.
 *
 * With the default `turn` the right side faces the viewer, so "right" is the near side.
 */
import { z } from 'zod';
import type { Frame, Vec3 } from './vector';
import { distance, IDENTITY_FRAME, local, pitch, RAD, roll, sub, vec, yaw } from './vector';

/** Segment lengths and widths of the drawn body, in centimetres (an adult of about 175 cm). */
export interface BodyDimensions {
  readonly hipHalfWidth: number;
  readonly lumbar: number;
  readonly thoracic: number;
  /** Shoulder joints sit this far below the base of the neck, and this far to each side. */
  readonly shoulderDrop: number;
  readonly shoulderHalfWidth: number;
  readonly neck: number;
  readonly headRadius: number;
  readonly thigh: number;
  readonly shin: number;
  readonly ankleHeight: number;
  readonly heelBack: number;
  readonly ballForward: number;
  readonly toeForward: number;
  readonly upperArm: number;
  readonly forearm: number;
  readonly hand: number;
}

export const STANDARD_BODY: BodyDimensions = {
  hipHalfWidth: 9,
  lumbar: 22,
  thoracic: 28,
  shoulderDrop: 4,
  shoulderHalfWidth: 17,
  neck: 9,
  headRadius: 11,
  thigh: 44,
  shin: 43,
  ankleHeight: 7,
  heelBack: 5,
  ballForward: 15,
  toeForward: 20,
  upperArm: 30,
  forearm: 26,
  hand: 7,
};

export const SIDES = ['right', 'left'] as const;
export type Side = (typeof SIDES)[number];

const SIDE_JOINTS = ['Hip', 'Knee', 'Ankle', 'Heel', 'Ball', 'Toe', 'Shoulder', 'Elbow', 'Wrist', 'Hand'] as const;
type SideJoint = (typeof SIDE_JOINTS)[number];
export type SidedJointName = `${Side}${SideJoint}`;

export type JointName = 'pelvis' | 'waist' | 'neck' | 'head' | SidedJointName;
export const JOINT_NAMES: readonly JointName[] = [
  'pelvis',
  'waist',
  'neck',
  'head',
  ...SIDES.flatMap((side) => SIDE_JOINTS.map((j): SidedJointName => `${side}${j}`)),
];

export function sided(side: Side, joint: SideJoint): SidedJointName {
  return `${side}${joint}`;
}

function angle(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number of degrees.` })
    .min(min, { error: `${label} must be ${min} degrees or more.` })
    .max(max, { error: `${label} must be ${max} degrees or less.` })
    .optional();
}

/** The angles of one side of the body. Leave an angle out for 0. */
export const LimbAngles = z.strictObject({
  hip: angle('Hip flexion', -60, 150),
  hipAbduction: angle('Hip abduction', -40, 90),
  knee: angle('Knee flexion', -5, 165),
  ankle: angle('Ankle dorsiflexion', -70, 45),
  toes: angle('Toe extension', 0, 70),
  shoulder: angle('Shoulder flexion', -90, 200),
  shoulderAbduction: angle('Shoulder abduction', -45, 180),
  shoulderRotation: angle('Shoulder rotation', -90, 120),
  elbow: angle('Elbow flexion', 0, 160),
});
export type LimbAngles = z.infer<typeof LimbAngles>;

const coordinate = (label: string) =>
  z
    .number({ error: `${label} must be a number of centimetres.` })
    .min(-1000, { error: `${label} is too far out: keep it within 10 m.` })
    .max(1000, { error: `${label} is too far out: keep it within 10 m.` });

export const Pose = z.strictObject({
  /** Where one joint sits in the world; the rest of the body follows from the angles. */
  position: z.strictObject({
    joint: z.enum(JOINT_NAMES, {
      error: 'Choose a joint from the list to place the figure by.',
    }),
    x: coordinate('Position x'),
    y: coordinate('Position y'),
    z: coordinate('Position z').optional(),
  }),
  tilt: angle('Tilt', -360, 360),
  turn: angle('Turn', -360, 360),
  spin: angle('Spin', -180, 180),
  spine: z
    .strictObject({
      lumbar: angle('Low back flexion', -45, 60),
      thoracic: angle('Upper back flexion', -45, 60),
      twist: angle('Upper back rotation', -90, 90),
      sideBend: angle('Side bend', -45, 45),
    })
    .optional(),
  neck: angle('Neck flexion', -60, 60),
  right: LimbAngles,
  left: LimbAngles,
});
export type Pose = z.infer<typeof Pose>;

export interface SideFrames {
  readonly thigh: Frame;
  readonly shin: Frame;
  readonly foot: Frame;
  readonly toes: Frame;
  readonly upperArm: Frame;
  readonly forearm: Frame;
}

/** Joint positions in world centimetres, and each segment's frame (for drawing its volume). */
export interface Skeleton {
  readonly joints: Readonly<Record<JointName, Vec3>>;
  readonly frames: {
    readonly pelvis: Frame;
    readonly lumbar: Frame;
    readonly thorax: Frame;
    readonly head: Frame;
    readonly right: SideFrames;
    readonly left: SideFrames;
  };
  readonly body: BodyDimensions;
}

/** The direction of the right side's lateral axis: +1 for right, -1 for left. */
function sign(side: Side): number {
  return side === 'right' ? 1 : -1;
}

/** The pelvis frame: turned about the long axis first, then tilted in the picture plane, then spun about the vertical. */
export function pelvisFrame(pose: Pick<Pose, 'tilt' | 'turn' | 'spin'>): Frame {
  const frame = yaw(pitch(IDENTITY_FRAME, -(pose.tilt ?? 0)), -(pose.turn ?? 0));
  const spin = (pose.spin ?? 0) * RAD;
  if (spin === 0) return frame;
  // A turn about the world's vertical axis carries +x towards +z (the viewer).
  const c = Math.cos(spin);
  const s = Math.sin(spin);
  const about = (v: Vec3): Vec3 => ({ x: v.x * c - v.z * s, y: v.y, z: v.x * s + v.z * c });
  return { front: about(frame.front), up: about(frame.up), right: about(frame.right) };
}

export function forwardKinematics(pose: Pose, body: BodyDimensions = STANDARD_BODY): Skeleton {
  const origin = vec(0, 0, 0);
  const pelvis = pelvisFrame(pose);
  const spine = pose.spine ?? {};
  const lumbar = roll(pitch(pelvis, -(spine.lumbar ?? 0)), spine.sideBend ?? 0);
  const waist = local(origin, lumbar, 0, body.lumbar, 0);
  const thorax = yaw(pitch(lumbar, -(spine.thoracic ?? 0)), -(spine.twist ?? 0));
  const neck = local(waist, thorax, 0, body.thoracic, 0);
  const headFrame = pitch(thorax, -(pose.neck ?? 0));
  const head = local(neck, headFrame, 1.5, body.neck + body.headRadius, 0);

  const joints: Partial<Record<JointName, Vec3>> = { pelvis: origin, waist, neck, head };
  const sideFrames = {} as Record<Side, SideFrames>;
  for (const side of SIDES) {
    const a = pose[side];
    const s = sign(side);
    const hip = local(origin, pelvis, 0, 0, s * body.hipHalfWidth);
    const thigh = pitch(roll(pelvis, -s * (a.hipAbduction ?? 0)), a.hip ?? 0);
    const knee = local(hip, thigh, 0, -body.thigh, 0);
    const shin = pitch(thigh, -(a.knee ?? 0));
    const ankle = local(knee, shin, 0, -body.shin, 0);
    const foot = pitch(shin, a.ankle ?? 0);
    const shoulder = local(neck, thorax, 0, -body.shoulderDrop, s * body.shoulderHalfWidth);
    const upperArm = yaw(
      pitch(roll(thorax, -s * (a.shoulderAbduction ?? 0)), a.shoulder ?? 0),
      -s * (a.shoulderRotation ?? 0),
    );
    const elbow = local(shoulder, upperArm, 0, -body.upperArm, 0);
    const forearm = pitch(upperArm, a.elbow ?? 0);
    const wrist = local(elbow, forearm, 0, -body.forearm, 0);
    joints[sided(side, 'Hip')] = hip;
    joints[sided(side, 'Knee')] = knee;
    joints[sided(side, 'Ankle')] = ankle;
    joints[sided(side, 'Heel')] = local(ankle, foot, -body.heelBack, -body.ankleHeight, 0);
    const ball = local(ankle, foot, body.ballForward, -body.ankleHeight, 0);
    const toes = pitch(foot, a.toes ?? 0);
    joints[sided(side, 'Ball')] = ball;
    joints[sided(side, 'Toe')] = local(ball, toes, body.toeForward - body.ballForward, 1.5, 0);
    joints[sided(side, 'Shoulder')] = shoulder;
    joints[sided(side, 'Elbow')] = elbow;
    joints[sided(side, 'Wrist')] = wrist;
    joints[sided(side, 'Hand')] = local(wrist, forearm, 0, -body.hand * 0.6, 0);
    sideFrames[side] = { thigh, shin, foot, toes, upperArm, forearm };
  }

  // Move the whole body so the named joint lands where the pose puts it.
  const anchor = joints[pose.position.joint] ?? origin;
  const shift = sub(vec(pose.position.x, pose.position.y, pose.position.z ?? 0), anchor);
  const placed = {} as Record<JointName, Vec3>;
  for (const name of JOINT_NAMES) {
    const p = joints[name] ?? origin;
    placed[name] = { x: p.x + shift.x, y: p.y + shift.y, z: p.z + shift.z };
  }
  return {
    joints: placed,
    frames: { pelvis, lumbar, thorax, head: headFrame, right: sideFrames.right, left: sideFrames.left },
    body,
  };
}

/** Segment lengths a skeleton must keep in every pose (used by tests and by the IK below). */
export function segmentLengths(
  body: BodyDimensions = STANDARD_BODY,
): ReadonlyArray<readonly [JointName, JointName, number]> {
  const pairs: Array<readonly [JointName, JointName, number]> = [
    ['pelvis', 'waist', body.lumbar],
    ['waist', 'neck', body.thoracic],
  ];
  for (const side of SIDES) {
    pairs.push(
      [sided(side, 'Hip'), sided(side, 'Knee'), body.thigh],
      [sided(side, 'Knee'), sided(side, 'Ankle'), body.shin],
      [sided(side, 'Shoulder'), sided(side, 'Elbow'), body.upperArm],
      [sided(side, 'Elbow'), sided(side, 'Wrist'), body.forearm],
      ['pelvis', sided(side, 'Hip'), body.hipHalfWidth],
    );
  }
  return pairs;
}

export function jointDistance(skeleton: Skeleton, a: JointName, b: JointName): number {
  return distance(skeleton.joints[a], skeleton.joints[b]);
}

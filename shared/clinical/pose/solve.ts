/**
 * Helpers for writing poses: put a foot or a hand on a point (two-link inverse kinematics in
 * the side view), set a foot flat or at an angle to the floor. They return angles for a Pose, so
 * a pose stays plain data and forwardKinematics() stays the one source of joint positions.
 *
 * They work in the picture plane: for poses with `turn` 0 and no abduction on the limb solved.
 */
import type { BodyDimensions, Pose, Side } from './pose';
import { forwardKinematics, sided, STANDARD_BODY } from './pose';
import { RAD } from './vector';

export interface Target {
  readonly x: number;
  readonly y: number;
}

/** Joint angles of a two-link chain reaching `target` from `root`, bending towards +front (arm) or -front (leg). */
function twoLink(
  root: { x: number; y: number },
  front: { x: number; y: number },
  up: { x: number; y: number },
  target: Target,
  l1: number,
  l2: number,
): { proximal: number; bend: number; thighOffset: number; toward: number } {
  const dx = target.x - root.x;
  const dy = target.y - root.y;
  const forward = dx * front.x + dy * front.y;
  const down = -(dx * up.x + dy * up.y);
  const reach = Math.min(Math.max(Math.hypot(forward, down), Math.abs(l1 - l2) + 0.01), l1 + l2 - 0.001);
  const toward = Math.atan2(forward, down);
  const offset = Math.acos(Math.min(1, (l1 * l1 + reach * reach - l2 * l2) / (2 * l1 * reach)));
  const inner = Math.acos(Math.max(-1, Math.min(1, (l1 * l1 + l2 * l2 - reach * reach) / (2 * l1 * l2))));
  return { proximal: toward / RAD, bend: 180 - inner / RAD, thighOffset: offset / RAD, toward: toward / RAD };
}

/**
 * Hip and knee flexion that put the ankle on `target`, the knee bending forwards as knees do.
 * The target is clamped to the leg's reach (a straight leg when it is too far).
 */
export function legToReach(pose: Pose, side: Side, target: Target, body: BodyDimensions = STANDARD_BODY) {
  const sk = forwardKinematics(pose, body);
  const hip = sk.joints[sided(side, 'Hip')];
  const { front, up } = sk.frames.pelvis;
  const r = twoLink(hip, front, up, target, body.thigh, body.shin);
  return { hip: r.toward + r.thighOffset, knee: r.bend };
}

/**
 * Shoulder and elbow flexion that put the wrist on `target`, the elbow bending as elbows do
 * (the forearm swings forwards).
 */
export function armToReach(pose: Pose, side: Side, target: Target, body: BodyDimensions = STANDARD_BODY) {
  const sk = forwardKinematics(pose, body);
  const shoulder = sk.joints[sided(side, 'Shoulder')];
  const { front, up } = sk.frames.thorax;
  const r = twoLink(shoulder, front, up, target, body.upperArm, body.forearm);
  return { shoulder: r.toward - r.thighOffset, elbow: r.bend };
}

/**
 * The ankle angle that sets the foot at `footPitch` degrees to the floor (0 flat, + toes up,
 * - heel up), given the leg's hip and knee angles and the pelvis tilt.
 */
export function ankleForFoot(pose: Pose, side: Side, footPitch = 0): number {
  const a = pose[side];
  const shin = -(pose.tilt ?? 0) + (a.hip ?? 0) - (a.knee ?? 0);
  return footPitch - shin;
}

/**
 * Place a leg's ankle on a point and set its foot angle, returning the pose with that leg
 * changed. The usual way to stand a figure: `plantFoot(pose, 'right', { x: 5, y: 7 })` puts
 * the right foot flat with its heel at x = 0.
 */
export function plantFoot(
  pose: Pose,
  side: Side,
  ankle: Target,
  footPitch = 0,
  body: BodyDimensions = STANDARD_BODY,
): Pose {
  const { hip, knee } = legToReach(pose, side, ankle, body);
  const withLeg: Pose = { ...pose, [side]: { ...pose[side], hip, knee } };
  return { ...withLeg, [side]: { ...withLeg[side], ankle: ankleForFoot(withLeg, side, footPitch) } };
}

/** Place a hand's wrist on a point, returning the pose with that arm changed. */
export function placeHand(pose: Pose, side: Side, wrist: Target, body: BodyDimensions = STANDARD_BODY): Pose {
  const { shoulder, elbow } = armToReach(pose, side, wrist, body);
  return { ...pose, [side]: { ...pose[side], shoulder, elbow } };
}

/**
 * For a figure turned to face the viewer (`turn` 90, lying on its side for a side plank): the
 * abduction that points a straight leg or arm at `target` in the picture plane. Positive is away
 * from the body's midline, as in the Pose.
 */
export function abductionToward(
  pose: Pose,
  side: Side,
  limb: 'leg' | 'arm',
  target: Target,
  body: BodyDimensions = STANDARD_BODY,
): number {
  const sk = forwardKinematics(pose, body);
  const root = sk.joints[sided(side, limb === 'leg' ? 'Hip' : 'Shoulder')];
  const frame = limb === 'leg' ? sk.frames.pelvis : sk.frames.thorax;
  const dx = target.x - root.x;
  const dy = target.y - root.y;
  const lateral = (side === 'right' ? 1 : -1) * (dx * frame.right.x + dy * frame.right.y);
  const down = -(dx * frame.up.x + dy * frame.up.y);
  return Math.atan2(lateral, down) / RAD;
}

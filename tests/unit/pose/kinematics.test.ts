import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JointName, Pose } from '../../../shared/clinical/pose/pose';
import {
  forwardKinematics,
  jointDistance,
  Pose as PoseSchema,
  segmentLengths,
  STANDARD_BODY,
} from '../../../shared/clinical/pose/pose';
import { abductionToward, legToReach, placeHand, plantFoot } from '../../../shared/clinical/pose/solve';
import { BUILT_IN_EXERCISES } from '../../../shared/clinical/exercises/index';

const B = STANDARD_BODY;
const at = (joint: JointName, x = 0, y = 0): Pose['position'] => ({ joint, x, y });
const standing: Pose = { position: at('pelvis'), right: {}, left: {} };

function expectNear(actual: { x: number; y: number; z?: number }, expected: { x: number; y: number; z?: number }) {
  expect(actual.x).toBeCloseTo(expected.x, 6);
  expect(actual.y).toBeCloseTo(expected.y, 6);
  if (expected.z !== undefined) expect(actual.z).toBeCloseTo(expected.z, 6);
}

describe('forward kinematics', () => {
  it('puts the ankle of a straight leg at hip 0 directly below the hip, thigh plus shin lower', () => {
    const j = forwardKinematics(standing).joints;
    expectNear(j.rightAnkle, { x: j.rightHip.x, y: j.rightHip.y - (B.thigh + B.shin), z: j.rightHip.z });
    expectNear(j.leftAnkle, { x: j.leftHip.x, y: j.leftHip.y - (B.thigh + B.shin), z: j.leftHip.z });
  });

  it('faces right with the right side to the viewer, hips and shoulders level', () => {
    const j = forwardKinematics(standing).joints;
    expect(j.rightHip.z).toBeCloseTo(B.hipHalfWidth, 6);
    expect(j.leftHip.z).toBeCloseTo(-B.hipHalfWidth, 6);
    expect(j.rightShoulder.y).toBeCloseTo(j.leftShoulder.y, 6);
    expect(j.rightToe.x).toBeGreaterThan(j.rightHeel.x);
    expect(j.head.x).toBeGreaterThan(j.neck.x - 1);
  });

  it('stands on a flat foot: heel and ball on one level, the ankle above them', () => {
    const j = forwardKinematics({ ...standing, position: at('rightHeel') }).joints;
    expect(j.rightBall.y).toBeCloseTo(0, 6);
    expect(j.rightAnkle.y).toBeCloseTo(B.ankleHeight, 6);
    expect(j.rightHip.y).toBeCloseTo(B.ankleHeight + B.shin + B.thigh, 6);
  });

  it('swings the leg forwards with hip flexion and the shin back with knee flexion', () => {
    const flexed = forwardKinematics({ ...standing, right: { hip: 90 } }).joints;
    expectNear(flexed.rightAnkle, { x: flexed.rightHip.x + B.thigh + B.shin, y: flexed.rightHip.y });
    const kneeBent = forwardKinematics({ ...standing, right: { knee: 90 } }).joints;
    expectNear(kneeBent.rightAnkle, { x: kneeBent.rightKnee.x - B.shin, y: kneeBent.rightKnee.y });
    const onToes = forwardKinematics({ ...standing, right: { ankle: -40 } }).joints;
    expect(onToes.rightHeel.y).toBeGreaterThan(onToes.rightBall.y);
  });

  it('raises the arm overhead at 180 degrees of shoulder flexion', () => {
    const j = forwardKinematics({ ...standing, right: { shoulder: 180 } }).joints;
    expectNear(j.rightWrist, { x: j.rightShoulder.x, y: j.rightShoulder.y + B.upperArm + B.forearm });
  });

  it('lays the body down with tilt: face down head right at 90, face up head left at -90', () => {
    const prone = forwardKinematics({ ...standing, tilt: 90 }).joints;
    expect(prone.neck.y).toBeCloseTo(prone.pelvis.y, 6);
    expect(prone.neck.x).toBeCloseTo(B.lumbar + B.thoracic, 6);
    expect(forwardKinematics({ ...standing, tilt: 90, right: { shoulder: 90 } }).joints.rightWrist.y).toBeLessThan(
      prone.neck.y - 40,
    );
    const supine = forwardKinematics({ ...standing, tilt: -90 }).joints;
    expect(supine.neck.x).toBeCloseTo(-(B.lumbar + B.thoracic), 6);
  });

  it('turns the body to face the viewer: its right side then shows on the left of the picture', () => {
    const j = forwardKinematics({ ...standing, turn: 90 }).joints;
    expect(j.rightHip.x).toBeCloseTo(-B.hipHalfWidth, 6);
    expect(j.leftHip.x).toBeCloseTo(B.hipHalfWidth, 6);
    expect(j.rightHip.z).toBeCloseTo(0, 6);
  });

  it('places the named joint exactly at the position', () => {
    const pose: Pose = {
      position: at('leftHand', 12.5, 40),
      tilt: 30,
      right: { hip: 40 },
      left: { shoulder: 60, elbow: 30 },
    };
    expectNear(forwardKinematics(pose).joints.leftHand, { x: 12.5, y: 40, z: 0 });
  });

  const angle = (min: number, max: number) => fc.option(fc.double({ min, max, noNaN: true }), { nil: undefined });
  const limb = fc.record({
    hip: angle(-60, 150),
    hipAbduction: angle(-40, 90),
    knee: angle(-5, 165),
    ankle: angle(-70, 45),
    shoulder: angle(-90, 200),
    shoulderAbduction: angle(-45, 180),
    shoulderRotation: angle(-90, 120),
    elbow: angle(0, 160),
  });
  const poses = fc.record({
    position: fc.constant(at('pelvis', 3, 90)),
    tilt: angle(-360, 360),
    turn: angle(-360, 360),
    spin: angle(-180, 180),
    spine: fc.record({
      lumbar: angle(-45, 60),
      thoracic: angle(-45, 60),
      twist: angle(-90, 90),
      sideBend: angle(-45, 45),
    }),
    neck: angle(-60, 60),
    right: limb,
    left: limb,
  });

  it('keeps every limb and trunk segment its length in any pose the schema allows', () => {
    fc.assert(
      fc.property(poses, (pose) => {
        expect(PoseSchema.safeParse(pose).success).toBe(true);
        const sk = forwardKinematics(pose);
        for (const [a, b, length] of segmentLengths()) expect(jointDistance(sk, a, b)).toBeCloseTo(length, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the segment lengths in every pose of the built-in pictures', () => {
    for (const exercise of BUILT_IN_EXERCISES) {
      if (exercise.illustration.kind !== 'pose') continue;
      const { start, end } = exercise.illustration.scene;
      for (const pose of end ? [start, end] : [start]) {
        const sk = forwardKinematics(pose);
        for (const [a, b, length] of segmentLengths())
          expect(jointDistance(sk, a, b), `${exercise.id} ${a}-${b}`).toBeCloseTo(length, 6);
      }
    }
  });
});

describe('pose schema', () => {
  it('refuses an angle out of range with a message that says the limit', () => {
    const result = PoseSchema.safeParse({ ...standing, right: { knee: 200 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Knee flexion must be 165 degrees or less.');
  });

  it('refuses an unknown joint to place the figure by', () => {
    const result = PoseSchema.safeParse({ ...standing, position: { joint: 'elbow', x: 0, y: 0 } });
    expect(result.error?.issues[0]?.message).toBe('Choose a joint from the list to place the figure by.');
  });
});

describe('pose helpers', () => {
  it('bends hip and knee so the ankle lands on a reachable point, knee forwards', () => {
    const pose: Pose = { position: at('pelvis', 0, 80), right: {}, left: {} };
    const target = { x: 30, y: 20 };
    const { hip, knee } = legToReach(pose, 'right', target);
    const j = forwardKinematics({ ...pose, right: { hip, knee } }).joints;
    expectNear(j.rightAnkle, target);
    expect(knee).toBeGreaterThan(0);
    expect(j.rightKnee.x).toBeGreaterThan(j.rightAnkle.x - 1);
  });

  it('plants a foot flat or at an angle, and puts a wrist on a point', () => {
    const pose = plantFoot({ position: at('pelvis', 0, 85), tilt: 10, right: {}, left: {} }, 'right', { x: 20, y: 7 });
    const j = forwardKinematics(pose).joints;
    expect(j.rightHeel.y).toBeCloseTo(j.rightBall.y, 6);
    expect(j.rightBall.y).toBeCloseTo(0, 6);
    const toes = forwardKinematics(plantFoot(pose, 'left', { x: -30, y: 12 }, -30)).joints;
    expect(
      Math.atan2(toes.leftBall.y - toes.leftHeel.y, toes.leftBall.x - toes.leftHeel.x) * (180 / Math.PI),
    ).toBeCloseTo(-30, 6);
    const reaching = forwardKinematics(placeHand(pose, 'left', { x: 40, y: 120 })).joints;
    expectNear(reaching.leftWrist, { x: 40, y: 120 });
  });

  it('points a straight leg at a target in a face-on figure', () => {
    const pose: Pose = { position: at('leftElbow', 0, 4.5), tilt: 70, turn: 90, right: {}, left: {} };
    const target = { x: -150, y: 5 };
    const abduction = abductionToward(pose, 'left', 'leg', target);
    const j = forwardKinematics({ ...pose, left: { hipAbduction: abduction } }).joints;
    const direction = Math.atan2(j.leftAnkle.y - j.leftHip.y, j.leftAnkle.x - j.leftHip.x);
    expect(direction).toBeCloseTo(Math.atan2(target.y - j.leftHip.y, target.x - j.leftHip.x), 6);
  });
});

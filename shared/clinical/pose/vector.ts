/**
 * Small 3D vector and frame helpers for the pose model. World axes: x to the right of the
 * picture, y up, z towards the viewer. A Frame holds a body segment's axes in world terms:
 * `front` (anterior), `up` (towards the head, or along a limb towards its root) and `right`.
 */

export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export interface Frame {
  readonly front: Vec3;
  readonly up: Vec3;
  readonly right: Vec3;
}

export const IDENTITY_FRAME: Frame = {
  front: { x: 1, y: 0, z: 0 },
  up: { x: 0, y: 1, z: 0 },
  right: { x: 0, y: 0, z: 1 },
};

export const RAD = Math.PI / 180;

export function vec(x: number, y: number, z = 0): Vec3 {
  return { x, y, z };
}

export function add(a: Vec3, b: Vec3): Vec3 {
  return { x: a.x + b.x, y: a.y + b.y, z: a.z + b.z };
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return { x: a.x - b.x, y: a.y - b.y, z: a.z - b.z };
}

export function scale(a: Vec3, k: number): Vec3 {
  return { x: a.x * k, y: a.y * k, z: a.z * k };
}

export function dot(a: Vec3, b: Vec3): number {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return { x: a.y * b.z - a.z * b.y, y: a.z * b.x - a.x * b.z, z: a.x * b.y - a.y * b.x };
}

export function normalise(a: Vec3): Vec3 {
  const l = Math.hypot(a.x, a.y, a.z);
  return l === 0 ? a : { x: a.x / l, y: a.y / l, z: a.z / l };
}

export function length(a: Vec3): number {
  return Math.hypot(a.x, a.y, a.z);
}

export function distance(a: Vec3, b: Vec3): number {
  return length(sub(a, b));
}

export function lerp(a: Vec3, b: Vec3, t: number): Vec3 {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, z: a.z + (b.z - a.z) * t };
}

/** A point given in a frame's own axes (front, up, right), placed in the world. */
export function local(origin: Vec3, frame: Frame, front: number, up: number, right: number): Vec3 {
  return {
    x: origin.x + frame.front.x * front + frame.up.x * up + frame.right.x * right,
    y: origin.y + frame.front.y * front + frame.up.y * up + frame.right.y * right,
    z: origin.z + frame.front.z * front + frame.up.z * up + frame.right.z * right,
  };
}

function mix(a: Vec3, ka: number, b: Vec3, kb: number): Vec3 {
  return { x: a.x * ka + b.x * kb, y: a.y * ka + b.y * kb, z: a.z * ka + b.z * kb };
}

/**
 * Turn a frame about its own `right` axis. Positive degrees carry `up` towards the back and
 * `front` upwards (so a limb hanging along -up swings forwards): the sense of hip and shoulder
 * flexion. Spine and knee flexion use the negative.
 */
export function pitch(f: Frame, degrees: number): Frame {
  const c = Math.cos(degrees * RAD);
  const s = Math.sin(degrees * RAD);
  return { front: mix(f.front, c, f.up, s), up: mix(f.front, -s, f.up, c), right: f.right };
}

/** Turn a frame about its own `front` axis. Positive degrees carry `up` towards `right` (a hanging limb swings left). */
export function roll(f: Frame, degrees: number): Frame {
  const c = Math.cos(degrees * RAD);
  const s = Math.sin(degrees * RAD);
  return { front: f.front, up: mix(f.up, c, f.right, s), right: mix(f.up, -s, f.right, c) };
}

/** Turn a frame about its own `up` axis. Positive degrees turn `front` towards the left. */
export function yaw(f: Frame, degrees: number): Frame {
  const c = Math.cos(degrees * RAD);
  const s = Math.sin(degrees * RAD);
  return { front: mix(f.front, c, f.right, -s), up: f.up, right: mix(f.front, s, f.right, c) };
}

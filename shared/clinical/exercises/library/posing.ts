/** Small geometry helpers for writing the library's poses (side view, centimetres, y up). */
import type { Target } from '../../pose/solve';

const RAD = Math.PI / 180;

/** The point `length` cm from `from`, leaning `lean` degrees from straight up towards +x. */
export function along(from: Target, length: number, lean: number): Target {
  return { x: from.x + Math.sin(lean * RAD) * length, y: from.y + Math.cos(lean * RAD) * length };
}

export const THIGH = 44;
export const SHIN = 43;
/** Height of the ankle joint above the sole. */
export const ANKLE_HEIGHT = 7;
/** Radius of the knee, so a kneeling knee rests on the floor. */
export const KNEE_RADIUS = 6;

/**
 * The x in [lo, hi] where f(x) = target, by bisection (f must cross the target once). Used to
 * settle a pose on its supports: the tilt at which a side plank's feet touch the floor.
 */
export function solve(f: (x: number) => number, target: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  const fa = f(a) - target;
  for (let i = 0; i < 50; i++) {
    const m = (a + b) / 2;
    const fm = f(m) - target;
    if (Math.sign(fm) === Math.sign(fa)) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/**
 * Where the ankle joint sits when the ball of the foot is at `ball` and the foot is at
 * `footPitch` degrees to the floor (- heel up).
 */
export function ankleOverBall(ball: Target, footPitch: number): Target {
  const p = footPitch * RAD;
  const fx = 15;
  const fy = -ANKLE_HEIGHT;
  return { x: ball.x - (fx * Math.cos(p) - fy * Math.sin(p)), y: ball.y - (fx * Math.sin(p) + fy * Math.cos(p)) };
}

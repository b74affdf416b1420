import { errorCodeOf } from './errors';

/** Whether a process with this number is running (true when it exists but is not ours to signal). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCodeOf(err) === 'EPERM';
  }
}

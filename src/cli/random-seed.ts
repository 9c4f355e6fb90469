/** A fresh, unguessable match seed for people who did not ask for one (Node's crypto; never used by the engine itself). */
import { randomBytes } from 'node:crypto';

/** 12 random bytes as hex. */
export function randomSeed(): string {
  return randomBytes(12).toString('hex');
}

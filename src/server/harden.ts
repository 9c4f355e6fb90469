/**
 * Defence in depth against prototype pollution for the whole server process. Every key from a
 * request is checked at the edge (gate.ts, socket-guard.ts), but should a library ever index an
 * object with a key from a request, nothing may reach the shared prototypes:
 * - `Object.prototype.__proto__` is removed (what `node --disable-proto=delete` does), so
 *   `obj['__proto__']` is an ordinary missing property, not the prototype;
 * - `Object.prototype` and `Function.prototype` are frozen, so `obj.constructor.prototype.x = …`
 *   throws instead of changing every object.
 * Called once by the server's entry point, after every module is loaded (some libraries set
 * things up at load time).
 */

/** The shared prototypes' own property names, when this module loaded (the baseline of `prototypesIntact`). */
const BASELINE = prototypeNames();

function prototypeNames(): string {
  return [Object.prototype, Function.prototype, Array.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(',')).join('|');
}

/**
 * Do the shared prototypes hold nothing they did not hold at start-up? (Reported by
 * `GET /api/health`, and checked by the security tests after every batch of hostile requests.)
 */
export function prototypesIntact(): boolean {
  const now = prototypeNames().replace(/(^|,)__proto__(?=,|\|)/, '');
  return now === BASELINE.replace(/(^|,)__proto__(?=,|\|)/, '');
}

/** Hardens the process (idempotent). */
export function hardenProcess(): void {
  if (Object.isFrozen(Object.prototype)) return;
  // Removing the accessor is the point (what `node --disable-proto=delete` does).
  Reflect.deleteProperty(Object.prototype, '__proto__');
  Object.freeze(Object.prototype);
  Object.freeze(Function.prototype);
}

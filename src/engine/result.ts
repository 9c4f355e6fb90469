/** A value or an error, for untrusted input that must not throw. */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

/** A successful result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
/** A failed result. */
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

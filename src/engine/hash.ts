/** Stable, fast, non-cryptographic hashing of strings and JSON values (pure, no Node import). */

/** cyrb53's two 32-bit lanes for a string and a seed. */
function cyrb53Lanes(text: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

const hex8 = (n: number): string => ('0000000' + n.toString(16)).slice(-8);

/** A 24-hex-digit digest of a string (three 32-bit words from two seeded cyrb53 passes). */
export function hashString(text: string): string {
  const [a, b] = cyrb53Lanes(text, 1);
  const [c] = cyrb53Lanes(text, 2);
  return hex8(a) + hex8(b) + hex8(c);
}

/** JSON with object keys sorted, so equal values always serialise the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(record[k])).join(',') + '}';
}

/** The digest of a JSON value, independent of key order. */
export function hashJson(value: unknown): string {
  return hashString(canonicalJson(value));
}

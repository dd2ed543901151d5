/** A small seeded PRNG (mulberry32) and helpers, so fuzz runs are reproducible. */

/** A deterministic random source. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, max). */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A string of `length` characters from `alphabet`. */
  string(length: number, alphabet?: string): string;
}

const DEFAULT_ALPHABET =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-;:/?#@!$%&*()[]{}<>\"'\\\n\téü中🙂\u0000";

/** A PRNG seeded with `seed` (mulberry32: tiny, fast, good enough for test input). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    string: (length, alphabet = DEFAULT_ALPHABET) => {
      const chars = Array.from(alphabet);
      return Array.from({ length }, () => chars[int(chars.length)]).join("");
    },
  };
}

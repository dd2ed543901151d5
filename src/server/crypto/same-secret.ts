import { timingSafeEqual } from "node:crypto";

/** Constant-time comparison of two secrets (UTF-8); false when their lengths differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

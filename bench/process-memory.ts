/**
 * Resident memory of a process tree from /proc (Linux): the tsx launcher runs the node's code
 * in a child process, so the figure is the largest member of the tree.
 */
import { existsSync, readFileSync } from "node:fs";

/** `pid` and all its descendants (via /proc/<pid>/task/<tid>/children). */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    const file = `/proc/${all[i]}/task/${all[i]}/children`;
    if (!existsSync(file)) continue;
    const children = readFileSync(file, "utf8").trim();
    if (children) all.push(...children.split(/\s+/).map(Number));
  }
  return all;
}

/** A `kB` field of /proc/<pid>/status in MB (1 MB = 1024 kB), or 0 when unreadable. */
function statusMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** Largest current RSS (VmRSS) in the tree of `pid`, in MB. */
export function treeRssMb(pid: number): number {
  return Math.max(0, ...processTree(pid).map((p) => statusMb(p, "VmRSS")));
}

/** Largest peak RSS (VmHWM, the kernel's high-water mark) in the tree of `pid`, in MB. */
export function treePeakRssMb(pid: number): number {
  return Math.max(0, ...processTree(pid).map((p) => statusMb(p, "VmHWM")));
}

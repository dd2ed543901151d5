/**
 * Re-export kept while tests/client still imports the old path; the helper lives in
 * process/free-port.ts. Remove once that import points at process/free-port.
 */
export { freePort } from "./process/free-port";

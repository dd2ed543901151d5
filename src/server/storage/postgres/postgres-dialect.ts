/** The PostgreSQL dialect: a pg pool that returns `bigint` columns as JS numbers. */
import { PostgresDialect } from "kysely";
import pg from "pg";

/** pg's type id of int8/bigint. */
const INT8_OID = 20;
/** 10 connections: plenty for the hub API and the sync engine of one replica. */
const POOL_SIZE = 10;

/**
 * Epoch-ms times and counters are far below 2^53, so parsing int8 as a number is exact;
 * a value beyond that range fails loudly instead of losing precision.
 */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`bigint ${value} exceeds 2^53`);
  return parsed;
}

/**
 * Creates a Kysely dialect for the PostgreSQL database at `connectionString`.
 * @param onIdleError told when an idle pooled connection breaks (server restart, failover, a
 *   proxy closing it): pg drops that connection and the next query opens a new one. Without
 *   a listener pg's pool would throw the error and end the process.
 */
export function createPostgresDialect(
  connectionString: string,
  onIdleError: (error: Error) => void = () => undefined,
): PostgresDialect {
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === INT8_OID
        ? parseInt8
        : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, types });
  pool.on("error", onIdleError);
  return new PostgresDialect({ pool });
}

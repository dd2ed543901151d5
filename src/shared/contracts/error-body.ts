/**
 * Schema of `ErrorBody` (src/shared/errors.ts), the JSON body of every error response, for
 * the OpenAPI document and response serialization.
 */
import { Type } from "typebox";

export const ErrorBodySchema = Type.Object({
  statusCode: Type.Integer(),
  /** A code of the error catalogue (`SYNC_ERR_<AREA>_<WHAT>`). */
  code: Type.String(),
  /** HTTP reason phrase. */
  error: Type.String(),
  message: Type.String(),
  requestId: Type.Optional(Type.String()),
  /** Machine-readable extras, e.g. `{ field: "localShortName" }`; never secrets. */
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

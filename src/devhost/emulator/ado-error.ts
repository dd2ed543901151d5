/**
 * Error bodies in the shape Azure DevOps itself sends (the emulator imitates the service, so
 * these are not entries of our own catalogue in src/shared/errors.ts):
 *   `{ "$id": "1", "innerException": null, "message", "typeName", "typeKey", "errorCode",
 *      "eventId", "customProperties"? }`
 * Messages and TF/VS codes follow what the service answers, as quoted in public bug reports
 * (sources named next to each factory). Where a report gave only the message, the type name is
 * the service's usual exception type for that area.
 */

/** An Azure DevOps REST error: HTTP status plus the service's JSON error body. */
export class AdoError extends Error {
  constructor(
    /** HTTP status code. */
    readonly status: number,
    /** Short exception type key, e.g. `VssVersionOutOfRangeException`. */
    readonly typeKey: string,
    message: string,
    /** Namespace-qualified type name (the service sends `Type, Assembly`). */
    readonly typeName: string,
    readonly errorCode = 0,
    readonly eventId = 3000,
    readonly customProperties?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The JSON body the service sends. */
  toBody(): Record<string, unknown> {
    return {
      $id: "1",
      ...(this.customProperties ? { customProperties: this.customProperties } : {}),
      innerException: null,
      message: this.message,
      typeName: this.typeName,
      typeKey: this.typeKey,
      errorCode: this.errorCode,
      eventId: this.eventId,
    };
  }
}

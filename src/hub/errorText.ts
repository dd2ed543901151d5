/**
 * What the hub says for an error code. The catalogue's message (src/shared/errors.ts) is the
 * default; this map holds the codes where the hub can say more about what to do in the hub
 * itself. Every text is shown with its code, so an admin can search for it.
 */
import { type ErrorCode, ERRORS, isSyncError } from "../shared/errors";

/** Hub wording for codes whose catalogue message is not the best thing to show here. */
export const HUB_ERROR_TEXT: Partial<Record<ErrorCode, string>> = {
  SYNC_ERR_CLIENT_NETWORK:
    "The sync node cannot be reached. Check that it is running and that its URL in Node settings is right.",
  SYNC_ERR_CLIENT_TIMEOUT: "The sync node did not answer in time. Try again in a moment.",
  SYNC_ERR_CLIENT_BAD_RESPONSE:
    "The server at this URL did not answer like an Exalate sync node. Check the URL in Node settings.",
  SYNC_ERR_AUTH_APP_TOKEN_SIGNATURE:
    "The sync node does not accept this extension's app token. Set its EXALATE_APP_SECRET to the extension's certificate.",
  SYNC_ERR_AUTH_NOT_MEMBER:
    "The sync node serves a different organization. Point Node settings at this organization's sync node.",
  SYNC_ERR_INVITATION_WRONG_NODE:
    "This invitation code was created on this organization's own sync node. Send it to your partner; they accept it on their side.",
  SYNC_ERR_INVITATION_BOTH_PRIVATE:
    "Both sides are private. Ask your partner to initiate the connection from a sync node with a public URL, or give yours a public URL.",
  SYNC_ERR_CREDENTIAL_INVALID:
    "Azure DevOps refused this personal access token: it is invalid or has expired. Create a new one and paste it here.",
  SYNC_ERR_CREDENTIAL_PERMISSION:
    "This personal access token works but lacks a needed permission. Give it the Work Items (Read & write) scope, and make sure its user can edit work items in the projects you sync.",
  SYNC_ERR_CONNECTION_NOT_PENDING:
    "The partner has already accepted this connection; its invitation code is no longer needed.",
};

/** The hub's text for `code`: its own wording where it has one, else the catalogue's message. */
export function errorText(code: ErrorCode): string {
  return HUB_ERROR_TEXT[code] ?? ERRORS[code].message;
}

/**
 * Code and text to show for any thrown value (non-SyncErrors count as client network errors):
 * the hub's wording, else the node's message, plus what the node's `details` say about an
 * invalid request (see `validationText`), so "The request is not valid." names the field.
 */
export function describeError(error: unknown): { code: ErrorCode; text: string } {
  if (!isSyncError(error)) {
    return { code: "SYNC_ERR_CLIENT_NETWORK", text: errorText("SYNC_ERR_CLIENT_NETWORK") };
  }
  const own = HUB_ERROR_TEXT[error.code];
  const text = own ?? (error.message || ERRORS[error.code].message);
  const specifics = validationText(error.details);
  // Nodes that name the issue in the message already (they do now) get no second copy.
  const issue = error.details?.issue;
  const named = typeof issue === "string" && text.includes(issue.replace(/\.$/, ""));
  return { code: error.code, text: specifics && !own && !named ? `${text} ${specifics}` : text };
}

/**
 * The field and issue of a schema validation failure, from the node's `details`
 * (`{ field, location, issue }`, src/server/http/error-handler.ts; `path`, when the node sends
 * one, names a nested field), e.g. `Field "replica": must have required property 'summary'.`;
 * null when the details name no issue.
 */
function validationText(details: Record<string, unknown> | undefined): string | null {
  if (!details || typeof details.issue !== "string" || !details.issue) return null;
  const where =
    typeof details.path === "string" && details.path
      ? details.path
      : typeof details.field === "string"
        ? details.field
        : "";
  const issue = details.issue.replace(/\.$/, "");
  return where ? `Field "${where}": ${issue}.` : `${issue[0]!.toUpperCase()}${issue.slice(1)}.`;
}

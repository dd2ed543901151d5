/**
 * The sandbox part of the sync node: running outgoing/incoming scripts (script-runner.ts),
 * the default scripts, and turning an incoming script's changes into Azure DevOps JSON Patch.
 * The script API users see is described in docs/scripts.md.
 */
export { defaultScripts, FALLBACK_WORK_ITEM_TYPE } from "./default-scripts";
export {
  createScriptRunner,
  type RunIncomingInput,
  type RunIncomingResult,
  type RunOutgoingInput,
  type RunOutgoingResult,
  SCRIPT_WORKER_ENTRY,
  type ScriptRunner,
  type ScriptRunnerOptions,
  type SyntaxCheckResult,
} from "./script-runner";
export { SCRIPT_KINDS, type ScriptKind } from "./script-task";
export {
  type AdoWorkItem,
  identityToUser,
  isCustomFieldRef,
  labelsToTags,
  READ_ONLY_FIELD_REFS,
  tagsToLabels,
  toScriptWorkItem,
  WORK_ITEM_FIELD_REFS,
} from "./work-item-fields";
export {
  type AttachmentToAdd,
  type CommentToAdd,
  diffToJsonPatch,
  type JsonPatchOperation,
  type WorkItemChanges,
} from "./work-item-patch";

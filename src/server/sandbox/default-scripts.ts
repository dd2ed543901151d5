/**
 * Default outgoing and incoming scripts for a new connection.
 * Basic-mode connections always run these; Script-mode connections start from them and may
 * edit them. The script API is described in docs/scripts.md.
 */
import type { ConnectionScripts } from "../../shared/contracts/connection";
import type { ConnectionMode } from "../../shared/states";

/** Work item type used on first sync when the replica has none (every process template has Task). */
export const FALLBACK_WORK_ITEM_TYPE = "Task";

const OUTGOING = `// Outgoing script: what this side sends for a work item (docs/scripts.md).
// Fill \`replica\` from \`workItem\`. Leave a field out to stop sending it;
// \`return\` before setting anything to send nothing for this work item.
replica.key = workItem.key;
replica.summary = workItem.summary;
replica.description = workItem.description;
replica.type = workItem.type;
replica.assignee = workItem.assignee;
replica.reporter = workItem.reporter;
replica.priority = workItem.priority;
replica.labels = workItem.labels;
replica.status = workItem.status;
replica.areaPath = workItem.areaPath;
replica.iterationPath = workItem.iterationPath;
replica.comments = workItem.comments;
replica.attachments = workItem.attachments;
replica.project = workItem.project;
`;

const INCOMING = `// Incoming script: how this side applies what the other side sent (docs/scripts.md).
// Change \`workItem\` from \`replica\`; \`firstSync\` is true when the twin is created.
if (firstSync) {
  if (!incomingProject) throw new Error("Choose the project for incoming sync in the connection.");
  // Create the twin in this connection's project, with the sender's type
  // (or "${FALLBACK_WORK_ITEM_TYPE}" when the sender did not send one).
  workItem.projectKey = incomingProject.key;
  workItem.typeName = replica.type || "${FALLBACK_WORK_ITEM_TYPE}";
}
workItem.summary = replica.summary;
workItem.description = replica.description;
// The sync's own user adds the comments here; each starts with "<author> wrote:".
workItem.comments = commentHelper.mergeComments(workItem, replica, { authorPrefix: true });
workItem.attachments = attachmentHelper.mergeAttachments(workItem, replica);
workItem.labels = replica.labels;
workItem.priority = replica.priority;

// Examples (remove the // to use them):
// Map states by name: remote name -> local name.
//   var statusMap = { "To Do": "New", "In Progress": "Active", "Done": "Closed" };
//   workItem.setStatus(statusMap[replica.status] || replica.status);
// Assign to the same person when they exist in this organization.
//   workItem.assignee = nodeHelper.getUserByEmail(replica.assignee && replica.assignee.email);
// Put every twin in one area (project-prefixed).
//   workItem.areaPath = incomingProject.key + "\\\\Synced";
`;

/**
 * Returns the default scripts for a connection.
 * @param _mode the connection's mode (both modes start from the same defaults)
 */
export function defaultScripts(_mode: ConnectionMode): ConnectionScripts {
  return { outgoing: OUTGOING, incoming: INCOMING };
}

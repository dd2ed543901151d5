/**
 * The work item fields the emulated organization defines (a subset of the Agile process's
 * fields, with the reference names, names and types of `GET _apis/wit/fields`).
 */

/** Field types as the fields API spells them. */
export type FieldType =
  | "string"
  | "integer"
  | "double"
  | "dateTime"
  | "plainText"
  | "html"
  | "treePath"
  | "history"
  | "boolean"
  | "identity";

/** One field definition. */
export interface FieldDef {
  referenceName: string;
  name: string;
  type: FieldType;
  /** Set only by the service (writable with bypassRules for the audit fields). */
  readOnly: boolean;
  /** Maximum length in UTF-16 code units for string fields (TF401324 above it). */
  maxLength?: number;
}

/**
 * Single-line string fields hold at most 255 characters (microsoft/onefuzz#3015;
 * MicrosoftDocs/azure-devops-docs#5890).
 */
export const STRING_FIELD_MAX = 255;

const f = (referenceName: string, name: string, type: FieldType, readOnly = false): FieldDef => ({
  referenceName,
  name,
  type,
  readOnly,
  ...(type === "string" ? { maxLength: STRING_FIELD_MAX } : {}),
});

/** Every field, in the order the fields API lists them. */
export const FIELDS: readonly FieldDef[] = [
  f("System.Id", "ID", "integer", true),
  f("System.Rev", "Rev", "integer", true),
  f("System.AreaId", "Area ID", "integer", true),
  f("System.IterationId", "Iteration ID", "integer", true),
  // Writable: setting it moves the work item to another project (with its area and iteration).
  f("System.TeamProject", "Team Project", "string"),
  f("System.AreaPath", "Area Path", "treePath"),
  f("System.IterationPath", "Iteration Path", "treePath"),
  f("System.WorkItemType", "Work Item Type", "string"),
  f("System.State", "State", "string"),
  f("System.Reason", "Reason", "string"),
  f("System.AssignedTo", "Assigned To", "identity"),
  f("System.CreatedDate", "Created Date", "dateTime", true),
  f("System.CreatedBy", "Created By", "identity", true),
  f("System.ChangedDate", "Changed Date", "dateTime", true),
  f("System.ChangedBy", "Changed By", "identity", true),
  f("System.AuthorizedDate", "Authorized Date", "dateTime", true),
  f("System.RevisedDate", "Revised Date", "dateTime", true),
  f("System.Title", "Title", "string"),
  f("System.Description", "Description", "html"),
  f("System.History", "History", "history"),
  f("System.Tags", "Tags", "plainText"),
  f("System.CommentCount", "Comment Count", "integer", true),
  f("System.AttachedFileCount", "Attached File Count", "integer", true),
  f("System.HyperLinkCount", "Hyperlink Count", "integer", true),
  f("System.ExternalLinkCount", "External Link Count", "integer", true),
  f("System.RelatedLinkCount", "Related Link Count", "integer", true),
  f("System.Parent", "Parent", "integer", true),
  f("System.BoardColumn", "Board Column", "string", true),
  f("Microsoft.VSTS.Common.Priority", "Priority", "integer"),
  f("Microsoft.VSTS.Common.Severity", "Severity", "string"),
  f("Microsoft.VSTS.Common.ValueArea", "Value Area", "string"),
  f("Microsoft.VSTS.Common.StateChangeDate", "State Change Date", "dateTime", true),
  f("Microsoft.VSTS.Common.ActivatedDate", "Activated Date", "dateTime", true),
  f("Microsoft.VSTS.Common.ActivatedBy", "Activated By", "identity", true),
  f("Microsoft.VSTS.Common.ResolvedDate", "Resolved Date", "dateTime", true),
  f("Microsoft.VSTS.Common.ResolvedBy", "Resolved By", "identity", true),
  f("Microsoft.VSTS.Common.ClosedDate", "Closed Date", "dateTime", true),
  f("Microsoft.VSTS.Common.ClosedBy", "Closed By", "identity", true),
  f("Microsoft.VSTS.Common.AcceptanceCriteria", "Acceptance Criteria", "html"),
  f("Microsoft.VSTS.TCM.ReproSteps", "Repro Steps", "html"),
  f("Microsoft.VSTS.TCM.SystemInfo", "System Info", "html"),
  f("Microsoft.VSTS.Scheduling.StoryPoints", "Story Points", "double"),
  f("Microsoft.VSTS.Scheduling.Effort", "Effort", "double"),
  f("Microsoft.VSTS.Scheduling.RemainingWork", "Remaining Work", "double"),
  f("Microsoft.VSTS.Scheduling.OriginalEstimate", "Original Estimate", "double"),
  f("Microsoft.VSTS.Scheduling.CompletedWork", "Completed Work", "double"),
  f("Microsoft.VSTS.Scheduling.StartDate", "Start Date", "dateTime"),
  f("Microsoft.VSTS.Scheduling.TargetDate", "Target Date", "dateTime"),
];

const byRef = new Map(FIELDS.map((d) => [d.referenceName.toLowerCase(), d]));
const byName = new Map(FIELDS.map((d) => [d.name.toLowerCase(), d]));

/** A field by reference name or (as WIQL allows) by its friendly name; case-insensitive. */
export function findField(nameOrRef: string): FieldDef | undefined {
  const key = nameOrRef.toLowerCase();
  return byRef.get(key) ?? byName.get(key);
}

/** Audit fields that `bypassRules=true` may set (used by migrations). */
export const BYPASS_WRITABLE = new Set([
  "System.CreatedDate",
  "System.CreatedBy",
  "System.ChangedDate",
  "System.ChangedBy",
]);

/** The query operators the fields API lists per field type. */
export function supportedOperations(
  type: FieldType,
): Array<{ referenceName: string; name: string }> {
  const op = (ref: string, name: string) => ({ referenceName: `SupportedOperations.${ref}`, name });
  const eq = [op("Equals", "="), op("NotEquals", "<>")];
  const order = [
    op("GreaterThan", ">"),
    op("LessThan", "<"),
    op("GreaterThanEquals", ">="),
    op("LessThanEquals", "<="),
  ];
  switch (type) {
    case "treePath":
      return [op("Under", "Under"), op("NotUnder", "Not Under"), ...eq, op("In", "In")];
    case "html":
    case "history":
    case "plainText":
      return [op("Contains", "Contains"), op("NotContains", "Does Not Contain")];
    case "string":
    case "identity":
      return [...eq, ...order, op("Contains", "Contains"), op("In", "In")];
    case "integer":
    case "double":
    case "dateTime":
    case "boolean":
      return [...eq, ...order, op("In", "In")];
  }
}

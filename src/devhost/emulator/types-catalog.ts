/**
 * Work item types of the emulated projects (Agile process): Bug, Task, User Story, Epic,
 * Feature, with their states (name, color, category as `workitemtypes/{type}/states` answers)
 * and the fields each type shows on its form.
 */

/** State categories of the states API. */
export type StateCategory = "Proposed" | "InProgress" | "Resolved" | "Completed" | "Removed";

/** One state of a type. */
export interface StateDef {
  name: string;
  color: string;
  category: StateCategory;
}

/** One work item type. */
export interface TypeDef {
  name: string;
  referenceName: string;
  description: string;
  color: string;
  icon: string;
  states: readonly StateDef[];
  /** Fields besides the common ones. */
  extraFields: readonly string[];
}

const NEW: StateDef = { name: "New", color: "b2b2b2", category: "Proposed" };
const ACTIVE: StateDef = { name: "Active", color: "007acc", category: "InProgress" };
const RESOLVED: StateDef = { name: "Resolved", color: "ff9d00", category: "Resolved" };
const CLOSED: StateDef = { name: "Closed", color: "339933", category: "Completed" };
const REMOVED: StateDef = { name: "Removed", color: "ffffff", category: "Removed" };

/** Fields every type has. */
export const COMMON_FIELDS: readonly string[] = [
  "System.Id",
  "System.Rev",
  "System.AreaId",
  "System.IterationId",
  "System.TeamProject",
  "System.AreaPath",
  "System.IterationPath",
  "System.WorkItemType",
  "System.State",
  "System.Reason",
  "System.AssignedTo",
  "System.CreatedDate",
  "System.CreatedBy",
  "System.ChangedDate",
  "System.ChangedBy",
  "System.AuthorizedDate",
  "System.RevisedDate",
  "System.Title",
  "System.Description",
  "System.History",
  "System.Tags",
  "System.CommentCount",
  "System.AttachedFileCount",
  "System.HyperLinkCount",
  "System.ExternalLinkCount",
  "System.RelatedLinkCount",
  "System.Parent",
  "System.BoardColumn",
  "Microsoft.VSTS.Common.Priority",
  "Microsoft.VSTS.Common.StateChangeDate",
  "Microsoft.VSTS.Common.ActivatedDate",
  "Microsoft.VSTS.Common.ActivatedBy",
  "Microsoft.VSTS.Common.ClosedDate",
  "Microsoft.VSTS.Common.ClosedBy",
];

/** The types, in the order the types API lists them. */
export const WORK_ITEM_TYPES: readonly TypeDef[] = [
  {
    name: "Bug",
    referenceName: "Microsoft.VSTS.WorkItemTypes.Bug",
    description: "Describes a divergence between required and actual behavior.",
    color: "CC293D",
    icon: "icon_insect",
    states: [NEW, ACTIVE, RESOLVED, CLOSED],
    extraFields: [
      "Microsoft.VSTS.TCM.ReproSteps",
      "Microsoft.VSTS.TCM.SystemInfo",
      "Microsoft.VSTS.Common.Severity",
      "Microsoft.VSTS.Common.ResolvedDate",
      "Microsoft.VSTS.Common.ResolvedBy",
      "Microsoft.VSTS.Scheduling.StoryPoints",
    ],
  },
  {
    name: "Task",
    referenceName: "Microsoft.VSTS.WorkItemTypes.Task",
    description: "Tracks work that needs to be done.",
    color: "F2CB1D",
    icon: "icon_clipboard",
    states: [NEW, ACTIVE, CLOSED, REMOVED],
    extraFields: [
      "Microsoft.VSTS.Scheduling.RemainingWork",
      "Microsoft.VSTS.Scheduling.OriginalEstimate",
      "Microsoft.VSTS.Scheduling.CompletedWork",
    ],
  },
  {
    name: "User Story",
    referenceName: "Microsoft.VSTS.WorkItemTypes.UserStory",
    description: "Tracks an activity the user will be able to perform with the product.",
    color: "009CCC",
    icon: "icon_book",
    states: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
    extraFields: [
      "Microsoft.VSTS.Common.AcceptanceCriteria",
      "Microsoft.VSTS.Common.ValueArea",
      "Microsoft.VSTS.Common.ResolvedDate",
      "Microsoft.VSTS.Common.ResolvedBy",
      "Microsoft.VSTS.Scheduling.StoryPoints",
    ],
  },
  {
    name: "Epic",
    referenceName: "Microsoft.VSTS.WorkItemTypes.Epic",
    description: "Epics help teams effectively manage and groom their product backlog.",
    color: "FF7B00",
    icon: "icon_crown",
    states: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
    extraFields: [
      "Microsoft.VSTS.Common.ValueArea",
      "Microsoft.VSTS.Scheduling.Effort",
      "Microsoft.VSTS.Scheduling.StartDate",
      "Microsoft.VSTS.Scheduling.TargetDate",
    ],
  },
  {
    name: "Feature",
    referenceName: "Microsoft.VSTS.WorkItemTypes.Feature",
    description: "Tracks a feature that will be released with the product.",
    color: "773B93",
    icon: "icon_trophy",
    states: [NEW, ACTIVE, RESOLVED, CLOSED, REMOVED],
    extraFields: [
      "Microsoft.VSTS.Common.ValueArea",
      "Microsoft.VSTS.Scheduling.Effort",
      "Microsoft.VSTS.Scheduling.TargetDate",
    ],
  },
];

/** A type by name, case-insensitive. */
export function findType(name: string): TypeDef | undefined {
  const key = name.toLowerCase();
  return WORK_ITEM_TYPES.find((t) => t.name.toLowerCase() === key);
}

/** A state of a type by name, case-insensitive. */
export function findState(type: TypeDef, name: string): StateDef | undefined {
  const key = name.toLowerCase();
  return type.states.find((s) => s.name.toLowerCase() === key);
}

/** The Reason the service records when a work item enters `state` (Agile defaults). */
export function defaultReason(type: TypeDef, state: StateDef, isNew: boolean): string {
  if (isNew) return type.name === "Bug" ? "New defect reported" : "New";
  switch (state.category) {
    case "Proposed":
      return "Moved to state New";
    case "InProgress":
      return "Implementation started";
    case "Resolved":
      return "Code complete and unit tests pass";
    case "Completed":
      return "Acceptance tests pass";
    case "Removed":
      return "Removed from the backlog";
  }
}

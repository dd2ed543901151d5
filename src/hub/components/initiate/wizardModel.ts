/**
 * The Initiate connection wizard's fields, steps and validation rules
 * (docs/architecture.md#flow-of-one-invitation). Pure functions: the panel renders them, tests
 * check each rule. The rules mirror the node's (src/shared/contracts/connection.ts) so the user
 * hears about a bad value on its step instead of after Initiate.
 */
import type { InitiateConnectionRequest, ProjectRef } from "../../../shared/contracts";
import {
  CONNECTION_NAME_PATTERN,
  DESCRIPTION_MAX_LENGTH,
  SHORT_NAME_PATTERN,
} from "../../../shared/contracts/connection-rules";
import type { ConnectionMode } from "../../../shared/states";

/** The wizard's steps in order; the last one initiates and shows the invitation code. */
export const WIZARD_STEPS = [
  "destination",
  "mode",
  "shortNames",
  "name",
  "project",
  "initiate",
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Step titles as the step indicator shows them. */
export const STEP_TITLES: Record<WizardStep, string> = {
  destination: "Destination",
  mode: "Mode",
  shortNames: "Short names",
  name: "Name",
  project: "Project",
  initiate: "Initiate",
};

export interface WizardFields {
  destinationUrl: string;
  /** "I don't have a URL": the destination is private. */
  noUrl: boolean;
  mode: ConnectionMode | null;
  localShortName: string;
  remoteShortName: string;
  name: string;
  /** False while the name follows `<local>_to_<destination>`; true once the user typed one. */
  nameEdited: boolean;
  description: string;
  project: ProjectRef | null;
}

export type FieldErrors = Partial<Record<keyof WizardFields, string>>;

export const EMPTY_FIELDS: WizardFields = {
  destinationUrl: "",
  noUrl: false,
  mode: null,
  localShortName: "",
  remoteShortName: "",
  name: "",
  nameEdited: false,
  description: "",
  project: null,
};

/** The default connection name, `<local>_to_<destination>`. */
export function defaultConnectionName(local: string, destination: string): string {
  return local && destination ? `${local.trim()}_to_${destination.trim()}` : "";
}

/** Applies a change and keeps the default name in step until the user edits the name. */
export function updateFields(fields: WizardFields, change: Partial<WizardFields>): WizardFields {
  const next = { ...fields, ...change };
  if (!next.nameEdited)
    next.name = defaultConnectionName(next.localShortName, next.remoteShortName);
  return next;
}

const SHORT_NAME = new RegExp(SHORT_NAME_PATTERN);
const CONNECTION_NAME = new RegExp(CONNECTION_NAME_PATTERN, "u");

/** Messages of the validation rules, one per rule. */
export const MESSAGES = {
  urlRequired: "Enter the destination's sync node URL, or choose \"I don't have a URL\".",
  urlInvalid: "Enter an absolute http or https URL, such as https://sync.example.com.",
  urlExtras: "Leave out user name, password, query string and fragment.",
  modeRequired: "Choose Script or Basic.",
  localRequired: "Enter the local instance short name.",
  remoteRequired: "Enter the destination instance short name.",
  shortNameInvalid: "Use 1-32 letters, digits, '.', '_' or '-', starting with a letter or digit.",
  shortNamesEqual: "The destination short name must differ from the local short name.",
  nameRequired: "Enter a connection name.",
  nameInvalid: "Use 1-80 letters, digits, spaces, '.', '_' or '-'; start with no space.",
  descriptionTooLong: `Keep the description to ${DESCRIPTION_MAX_LENGTH.toLocaleString("en-US")} characters or fewer.`,
  projectRequired: "Choose the project for incoming sync.",
} as const;

function urlError(fields: WizardFields): string | undefined {
  if (fields.noUrl) return undefined;
  const value = fields.destinationUrl.trim();
  if (!value) return MESSAGES.urlRequired;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return MESSAGES.urlInvalid;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return MESSAGES.urlInvalid;
  if (url.username || url.password || url.search || url.hash) return MESSAGES.urlExtras;
  return undefined;
}

function shortNameError(value: string, required: string): string | undefined {
  if (!value.trim()) return required;
  return SHORT_NAME.test(value.trim()) ? undefined : MESSAGES.shortNameInvalid;
}

function shortNamesErrors(fields: WizardFields): FieldErrors {
  const errors: FieldErrors = {
    localShortName: shortNameError(fields.localShortName, MESSAGES.localRequired),
    remoteShortName: shortNameError(fields.remoteShortName, MESSAGES.remoteRequired),
  };
  const same =
    fields.localShortName.trim().toLowerCase() === fields.remoteShortName.trim().toLowerCase();
  if (!errors.localShortName && !errors.remoteShortName && same) {
    errors.remoteShortName = MESSAGES.shortNamesEqual;
  }
  return errors;
}

function nameErrors(fields: WizardFields): FieldErrors {
  const name = fields.name.trim();
  return {
    name: !name
      ? MESSAGES.nameRequired
      : CONNECTION_NAME.test(name)
        ? undefined
        : MESSAGES.nameInvalid,
    description:
      fields.description.length > DESCRIPTION_MAX_LENGTH ? MESSAGES.descriptionTooLong : undefined,
  };
}

/** The rule violations of one step (an empty object when the step is complete). */
export function validateStep(step: WizardStep, fields: WizardFields): FieldErrors {
  const errors: FieldErrors = (() => {
    switch (step) {
      case "destination":
        return { destinationUrl: urlError(fields) };
      case "mode":
        return { mode: fields.mode ? undefined : MESSAGES.modeRequired };
      case "shortNames":
        return shortNamesErrors(fields);
      case "name":
        return nameErrors(fields);
      case "project":
        return { project: fields.project ? undefined : MESSAGES.projectRequired };
      case "initiate":
        return {};
    }
  })();
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as FieldErrors;
}

/**
 * The Initiate connection request for complete fields.
 * @throws Error when a step is incomplete (the panel validates every step first)
 */
export function toInitiateRequest(fields: WizardFields): InitiateConnectionRequest {
  if (!fields.mode || !fields.project) throw new Error("The wizard is incomplete.");
  return {
    destinationUrl: fields.noUrl ? null : fields.destinationUrl.trim().replace(/\/+$/, ""),
    mode: fields.mode,
    localShortName: fields.localShortName.trim(),
    remoteShortName: fields.remoteShortName.trim(),
    name: fields.name.trim(),
    description: fields.description.trim(),
    incomingProject: fields.project,
  };
}

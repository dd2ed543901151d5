import { Button } from "azure-devops-ui/Button";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { FormItem } from "azure-devops-ui/FormItem";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { TriggerInput } from "../../../shared/contracts";
import { isSyncError } from "../../../shared/errors";
import { ErrorCard } from "../ErrorCard";
import { useMountedRef } from "../useMountedRef";

/**
 * Longest WHERE clause the node accepts, in characters (TRIGGER_CLAUSE_MAX_LENGTH in
 * src/shared/contracts/trigger.ts; repeated here so the hub bundle does not load typebox).
 */
export const WHERE_MAX_LENGTH = 8000;

/** Longest work item type name the node accepts (TriggerInputSchema.workItemType). */
const TYPE_MAX_LENGTH = 128;

/** What a new trigger form starts with: no type, no clause, active. */
export const EMPTY_TRIGGER: TriggerInput = { workItemType: "", where: "", active: true };

interface FieldErrors {
  workItemType?: string;
  where?: string;
}

/** Local checks of the node's TriggerInputSchema rules (the node checks the WIQL itself). */
export function checkTrigger(input: TriggerInput): FieldErrors {
  const errors: FieldErrors = {};
  const type = input.workItemType.trim();
  if (!type) errors.workItemType = "Enter a work item type, for example Bug.";
  else if (type.length > TYPE_MAX_LENGTH)
    errors.workItemType = `Work item type names are at most ${TYPE_MAX_LENGTH} characters.`;
  if (input.where.trim().length > WHERE_MAX_LENGTH)
    errors.where = `The WHERE clause is at most ${WHERE_MAX_LENGTH} characters.`;
  return errors;
}

/**
 * The text to show at the WHERE clause when the node refused it (SYNC_ERR_TRIGGER_INVALID: the
 * service's WIQL message, e.g. TF51005 for an unknown field), else null.
 */
function clauseRejection(failure: unknown): string | null {
  if (!isSyncError(failure) || failure.code !== "SYNC_ERR_TRIGGER_INVALID") return null;
  return `${failure.message} (${failure.code})`;
}

/**
 * Add or edit one trigger: work item type, WIQL WHERE clause and Active. `onSubmit` saves it
 * (the node runs the query against Azure DevOps first); when it rejects, the node's error is
 * shown here (SYNC_ERR_TRIGGER_INVALID at the clause, others in a card) and what the user
 * typed stays.
 */
export function TriggerForm(props: {
  initial: TriggerInput;
  title: string;
  submitText: string;
  onSubmit: (input: TriggerInput) => Promise<void>;
  onCancel: () => void;
}): React.ReactElement {
  const mounted = useMountedRef();
  const [input, setInput] = React.useState<TriggerInput>(props.initial);
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [saving, setSaving] = React.useState(false);
  const [failure, setFailure] = React.useState<unknown>(null);
  const change = (next: Partial<TriggerInput>) => setInput((current) => ({ ...current, ...next }));
  const submit = () => {
    const found = checkTrigger(input);
    setErrors(found);
    setFailure(null);
    if (found.workItemType || found.where) return;
    setSaving(true);
    props
      .onSubmit({ ...input, workItemType: input.workItemType.trim(), where: input.where.trim() })
      .then(
        () => mounted.current && setSaving(false),
        (error: unknown) => {
          if (!mounted.current) return;
          setSaving(false);
          setFailure(error);
        },
      );
  };
  const rejection = clauseRejection(failure);
  return (
    <section className="trigger-form flex-column rhythm-vertical-16" aria-label={props.title}>
      <h3 className="title-s">{props.title}</h3>
      <FormItem
        label="Work item type"
        error={Boolean(errors.workItemType)}
        message={errors.workItemType ?? "The name of the type, as in Azure DevOps: Bug, Task..."}
      >
        <TextField
          ariaLabel="Work item type"
          value={input.workItemType}
          onChange={(_event, workItemType) => change({ workItemType })}
          placeholder="Bug"
          width={TextFieldWidth.auto}
        />
      </FormItem>
      <FormItem
        label="WHERE clause (WIQL)"
        error={Boolean(errors.where) || rejection !== null}
        message={
          errors.where ??
          rejection ??
          "Which work items of this type to send. Empty: every work item of the type."
        }
      >
        <TextField
          ariaLabel="WHERE clause (WIQL)"
          value={input.where}
          onChange={(_event, where) => change({ where })}
          placeholder="[System.State] <> 'Closed'"
          multiline
          rows={3}
          inputClassName="monospace-text"
          width={TextFieldWidth.auto}
        />
      </FormItem>
      <Checkbox
        label="Active"
        checked={input.active ?? true}
        onChange={(_event, active) => change({ active })}
      />
      {failure !== null && rejection === null && <ErrorCard error={failure} />}
      <div className="flex-row rhythm-horizontal-8">
        <Button
          primary
          text={saving ? "Saving..." : props.submitText}
          disabled={saving}
          onClick={submit}
        />
        <Button text="Cancel" disabled={saving} onClick={props.onCancel} />
      </div>
    </section>
  );
}

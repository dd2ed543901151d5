import { Checkbox } from "azure-devops-ui/Checkbox";
import { FormItem } from "azure-devops-ui/FormItem";
import { RadioButton, RadioButtonGroup } from "azure-devops-ui/RadioButton";
import { TextField, TextFieldWidth } from "azure-devops-ui/TextField";
import * as React from "react";

import type { ConnectionMode } from "../../../shared/states";
import { ProjectPicker } from "../form/ProjectPicker";
import type { FieldErrors, WizardFields, WizardStep } from "./wizardModel";

interface StepProps {
  fields: WizardFields;
  errors: FieldErrors;
  change: (change: Partial<WizardFields>) => void;
}

/** A text field in a FormItem whose message is the rule violation, else a hint. */
function Field(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
  multiline?: boolean;
  placeholder?: string;
}) {
  return (
    <FormItem label={props.label} error={Boolean(props.error)} message={props.error ?? props.hint}>
      <TextField
        ariaLabel={props.label}
        value={props.value}
        onChange={(_event, value) => props.onChange(value)}
        disabled={props.disabled}
        multiline={props.multiline}
        rows={props.multiline ? 3 : undefined}
        placeholder={props.placeholder}
        width={TextFieldWidth.auto}
      />
    </FormItem>
  );
}

function DestinationStep({ fields, errors, change }: StepProps) {
  return (
    <div className="flex-column rhythm-vertical-16">
      <Field
        label="Destination instance URL"
        value={fields.destinationUrl}
        onChange={(destinationUrl) => change({ destinationUrl })}
        error={errors.destinationUrl}
        hint="The URL of your partner's sync node."
        disabled={fields.noUrl}
        placeholder="https://sync.partner.example"
      />
      <Checkbox
        label="I don't have a URL"
        checked={fields.noUrl}
        onChange={(_event, noUrl) => change({ noUrl })}
      />
      <span className="secondary-text body-s">
        Choose this when the destination sits in a private network. The connection is then private:
        the destination opens every request, and this side only answers.
      </span>
    </div>
  );
}

function ModeStep({ fields, errors, change }: StepProps) {
  return (
    <div className="flex-column rhythm-vertical-16">
      <RadioButtonGroup
        text="Configuration mode"
        selectedButtonId={fields.mode ?? undefined}
        onSelect={(mode) => change({ mode: mode as ConnectionMode })}
        ariaInvalid={Boolean(errors.mode)}
      >
        <RadioButton id="script" text="Script" />
        <span className="secondary-text body-s margin-left-24">
          Edit the outgoing and incoming sync scripts yourself.
        </span>
        <RadioButton id="basic" text="Basic" />
        <span className="secondary-text body-s margin-left-24">
          Synchronize with fixed default rules.
        </span>
      </RadioButtonGroup>
      {errors.mode && (
        <span className="error-text" role="alert">
          {errors.mode}
        </span>
      )}
      <span className="secondary-text">
        The configuration mode cannot be changed after the connection is created.
      </span>
    </div>
  );
}

function ShortNamesStep({ fields, errors, change }: StepProps) {
  return (
    <div className="flex-column rhythm-vertical-16">
      <Field
        label="Local instance short name"
        value={fields.localShortName}
        onChange={(localShortName) => change({ localShortName })}
        error={errors.localShortName}
        hint="How this organization is named in the connection, e.g. contoso."
      />
      <Field
        label="Destination instance short name"
        value={fields.remoteShortName}
        onChange={(remoteShortName) => change({ remoteShortName })}
        error={errors.remoteShortName}
        hint="How your partner is named in the connection, e.g. fabrikam."
      />
    </div>
  );
}

function NameStep({ fields, errors, change }: StepProps) {
  return (
    <div className="flex-column rhythm-vertical-16">
      <Field
        label="Connection name"
        value={fields.name}
        onChange={(name) => change({ name, nameEdited: true })}
        error={errors.name}
        hint="Both sides see this name."
      />
      <Field
        label="Description"
        value={fields.description}
        onChange={(description) => change({ description })}
        error={errors.description}
        multiline
      />
    </div>
  );
}

/** Steps 1-5 of the wizard: the fields of `step` with their validation messages. */
export function WizardFieldsStep(
  props: StepProps & { step: WizardStep },
): React.ReactElement | null {
  switch (props.step) {
    case "destination":
      return <DestinationStep {...props} />;
    case "mode":
      return <ModeStep {...props} />;
    case "shortNames":
      return <ShortNamesStep {...props} />;
    case "name":
      return <NameStep {...props} />;
    case "project":
      return (
        <ProjectPicker
          value={props.fields.project}
          onChange={(project) => props.change({ project })}
          error={props.errors.project}
        />
      );
    case "initiate":
      return null;
  }
}

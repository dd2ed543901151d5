import type { IButtonProps } from "azure-devops-ui/Button";
import { Panel } from "azure-devops-ui/Panel";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

import type { SyncNodeClient } from "../../../client";
import { useHubServices } from "../../services/hubServices";
import { EscapeScope, insideCallout } from "../EscapeScope";
import { useMountedRef } from "../useMountedRef";
import { InitiateStep, type Initiation } from "./InitiateStep";
import { StepIndicator } from "./StepIndicator";
import { WizardFieldsStep } from "./WizardFieldsStep";
import {
  EMPTY_FIELDS,
  type FieldErrors,
  STEP_TITLES,
  toInitiateRequest,
  updateFields,
  validateStep,
  WIZARD_STEPS,
  type WizardFields,
} from "./wizardModel";

/**
 * The Initiate connection wizard (docs/architecture.md#flow-of-one-invitation) in a panel: visible
 * steps, Back/Next with per-field validation, Initiate with progress, then the invitation code.
 * `onInitiated` runs as soon as the node has created the connection (the list reloads behind the
 * panel); Done closes the panel. Keyboard: Enter in a text field acts as Next; Escape closes the
 * panel wherever the focus is in it (`EscapeScope`).
 */
export function InitiateConnectionPanel(props: {
  client: SyncNodeClient;
  onDismiss: () => void;
  onInitiated: () => void;
}): React.ReactElement {
  const services = useHubServices();
  const [index, setIndex] = React.useState(0);
  const [fields, setFields] = React.useState<WizardFields>(EMPTY_FIELDS);
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [initiation, setInitiation] = React.useState<Initiation>({ status: "ready" });
  const step = WIZARD_STEPS[index];
  const mounted = useMountedRef();

  const change = (patch: Partial<WizardFields>) => {
    setFields((current) => updateFields(current, patch));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as (keyof WizardFields)[]) delete next[key];
      return next;
    });
  };
  const next = () => {
    const found = validateStep(step, fields);
    setErrors(found);
    if (Object.keys(found).length === 0) setIndex(index + 1);
  };
  const back = () => {
    setErrors({});
    setIndex(index - 1);
  };
  const initiate = () => {
    setInitiation({ status: "running" });
    props.client.initiateConnection(toInitiateRequest(fields)).then(
      (result) => {
        props.onInitiated();
        if (!mounted.current) return;
        setInitiation({ status: "done", result });
        services.notify(`Connection ${result.connection.name} initiated.`);
      },
      (error: unknown) => mounted.current && setInitiation({ status: "failed", error }),
    );
  };

  /** Enter in a single-line text field of a step (not in a dropdown's own callout) is Next. */
  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key !== "Enter" || event.defaultPrevented || step === "initiate") return;
    if (target.tagName !== "INPUT" || !TEXT_INPUT_TYPES.has((target as HTMLInputElement).type))
      return;
    if (!insideCallout(target, PANEL_CLASS)) return;
    event.preventDefault();
    next();
  };

  const buttons = footerButtons({ index, initiation, next, back, initiate, ...props });
  return (
    <EscapeScope calloutClassName={PANEL_CLASS} onEscape={props.onDismiss}>
      <Panel
        calloutClassName={PANEL_CLASS}
        onDismiss={props.onDismiss}
        titleProps={{ text: "Initiate connection" }}
        description={`Step ${index + 1} of ${WIZARD_STEPS.length}: ${STEP_TITLES[step]}`}
        footerButtonProps={buttons}
        ariaLabel="Initiate connection"
        lightDismiss={false}
      >
        <div className="flex-column flex-grow panel-body" onKeyDown={onKeyDown}>
          <StepIndicator titles={WIZARD_STEPS.map((s) => STEP_TITLES[s])} current={index} />
          {step === "initiate" ? (
            <InitiateStep fields={fields} initiation={initiation} />
          ) : (
            <WizardFieldsStep step={step} fields={fields} errors={errors} change={change} />
          )}
        </div>
      </Panel>
    </EscapeScope>
  );
}

/** The panel's callout class, for `EscapeScope` and the Enter handling. */
const PANEL_CLASS = "initiate-connection-panel";

/** Input types where Enter means "done with this step". */
const TEXT_INPUT_TYPES = new Set(["text", "url", "search"]);

function footerButtons(args: {
  index: number;
  initiation: Initiation;
  next: () => void;
  back: () => void;
  initiate: () => void;
  onDismiss: () => void;
}): IButtonProps[] {
  const { index, initiation } = args;
  if (initiation.status === "done") {
    return [{ text: "Done", primary: true, onClick: args.onDismiss }];
  }
  const running = initiation.status === "running";
  const last = index === WIZARD_STEPS.length - 1;
  const buttons: IButtonProps[] = [
    { text: "Cancel", onClick: args.onDismiss, disabled: running },
    { text: "Back", onClick: args.back, disabled: index === 0 || running },
  ];
  if (!last) return [...buttons, { text: "Next", primary: true, onClick: args.next }];
  return [
    ...buttons,
    {
      text: running ? "Initiating..." : "Initiate",
      primary: true,
      disabled: running,
      onClick: args.initiate,
      iconProps: running
        ? { render: () => <Spinner size={SpinnerSize.xSmall} className="margin-right-8" /> }
        : undefined,
    },
  ];
}

import { Button } from "azure-devops-ui/Button";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import * as React from "react";

/** A test run's primary button: disabled with a spinner and "Running..." while it runs. */
export function RunButton(props: {
  text: string;
  running: boolean;
  onClick: () => void;
}): React.ReactElement {
  return (
    <div className="flex-row flex-center rhythm-horizontal-8">
      <Button
        primary
        text={props.running ? "Running..." : props.text}
        ariaLabel={props.text}
        disabled={props.running}
        onClick={props.onClick}
      />
      {props.running && <Spinner size={SpinnerSize.small} ariaLabel="Running the script" />}
    </div>
  );
}

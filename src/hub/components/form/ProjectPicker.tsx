import { Button } from "azure-devops-ui/Button";
import { Dropdown } from "azure-devops-ui/Dropdown";
import { FormItem } from "azure-devops-ui/FormItem";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { DropdownSelection } from "azure-devops-ui/Utilities/DropdownSelection";
import * as React from "react";

import type { ProjectRef } from "../../../shared/contracts";
import { describeError } from "../../errorText";
import { useHubServices } from "../../services/hubServices";

type ProjectsState =
  | { status: "loading" }
  | { status: "loaded"; projects: ProjectRef[] }
  | { status: "failed"; error: unknown };

/**
 * The project for incoming sync: a dropdown of this organization's projects, read from Azure
 * DevOps when the picker mounts, with its own loading and error states.
 */
export function ProjectPicker(props: {
  value: ProjectRef | null;
  onChange: (project: ProjectRef) => void;
  error?: string;
}): React.ReactElement {
  const services = useHubServices();
  const [state, setState] = React.useState<ProjectsState>({ status: "loading" });
  const [attempt, setAttempt] = React.useState(0);
  const selection = React.useMemo(() => new DropdownSelection(), []);

  React.useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    services.listProjects().then(
      (projects) => live && setState({ status: "loaded", projects }),
      (error: unknown) => live && setState({ status: "failed", error }),
    );
    return () => {
      live = false;
    };
  }, [services, attempt]);

  const projects = state.status === "loaded" ? state.projects : [];
  const selectedIndex = projects.findIndex((p) => p.id === props.value?.id);
  React.useEffect(() => {
    if (selectedIndex >= 0) selection.select(selectedIndex);
    else selection.clear();
  }, [selection, selectedIndex]);

  if (state.status === "loading") {
    return <Spinner size={SpinnerSize.small} label="Loading projects..." />;
  }
  if (state.status === "failed") {
    const { code, text } = describeError(state.error);
    return (
      <div className="flex-column rhythm-vertical-8" role="alert">
        <span className="error-text">
          {text} ({code})
        </span>
        <div>
          <Button text="Retry" onClick={() => setAttempt((n) => n + 1)} />
        </div>
      </div>
    );
  }
  return (
    <FormItem
      label="Project for incoming sync"
      error={Boolean(props.error)}
      message={props.error ?? "Work items your partner sends are created in this project."}
    >
      <Dropdown
        ariaLabel="Project for incoming sync"
        placeholder={projects.length ? "Select a project" : "This organization has no projects"}
        items={projects.map((p) => ({ id: p.id, text: p.name }))}
        selection={selection}
        onSelect={(_event, item) => props.onChange({ id: item.id, name: item.text ?? item.id })}
        className="project-picker"
      />
    </FormItem>
  );
}

import { Icon } from "azure-devops-ui/Icon";
import * as React from "react";

/**
 * A horizontal list of the wizard's steps: done steps show a check, the current step is marked
 * for assistive technology with `aria-current="step"`. Colours come from host theme variables
 * (hub.css), so it follows light and dark themes, in portals too
 * (microsoft/azure-boards-estimate#323). It stays on one line in a narrow
 * panel (hub.css: denser there, other steps' titles shorten with an ellipsis as a last resort,
 * titles are tooltips), and the current step's title stays whole.
 */
export function StepIndicator(props: { titles: string[]; current: number }): React.ReactElement {
  return (
    <div className="wizard-steps-frame">
      <ol className="wizard-steps flex-row" aria-label="Steps">
        {props.titles.map((title, index) => {
          const state =
            index < props.current ? "done" : index === props.current ? "current" : "todo";
          return (
            <li
              key={title}
              className={`wizard-step wizard-step-${state} flex-row flex-center`}
              aria-current={state === "current" ? "step" : undefined}
              title={title}
            >
              <span className="wizard-step-marker flex-row flex-center justify-center" aria-hidden>
                {state === "done" ? <Icon iconName="CheckMark" /> : index + 1}
              </span>
              <span className="wizard-step-title">
                {title}
                {state === "done" && <span className="visually-hidden"> (done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

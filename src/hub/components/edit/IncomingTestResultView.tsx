import * as React from "react";

import type { IncomingTestResult } from "../../../shared/contracts";
import { TestRunWarnings } from "./TestRunWarnings";

/** One JSON Patch operation value as the table shows it (JSON; empty for `remove`). */
function valueText(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value);
}

/**
 * What an incoming test run would write: on first sync, where the work item would be created;
 * the JSON Patch operations (op, path, value) of the update; comments and attachments it would
 * add; warnings.
 */
export function IncomingTestResultView(props: { result: IncomingTestResult }): React.ReactElement {
  const { result } = props;
  return (
    <div className="flex-column rhythm-vertical-8" aria-label="Incoming test result" role="region">
      <TestRunWarnings warnings={result.warnings} />
      <span className="font-weight-semibold">
        {result.firstSync
          ? `First sync: would create a ${result.create?.type ?? "work item of no type"} in project ${
              result.create?.project ?? "(none set)"
            }`
          : "Would update the local work item"}
      </span>
      {result.patch.length === 0 ? (
        <span className="secondary-text">No field changes.</span>
      ) : (
        <table className="json-patch-table" aria-label="JSON Patch">
          <thead>
            <tr>
              <th scope="col">Op</th>
              <th scope="col">Path</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {result.patch.map((operation, index) => (
              <tr key={index}>
                <td>{operation.op}</td>
                <td className="monospace-text">{operation.path}</td>
                <td className="monospace-text">{valueText(operation.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.comments.length > 0 && (
        <ItemList
          label="Comments it would add"
          items={result.comments.map((c) => `${c.body} (${c.format})`)}
        />
      )}
      {result.attachments.length > 0 && (
        <ItemList
          label="Attachments it would add"
          items={result.attachments.map((a) => `${a.filename} (${a.size} bytes)`)}
        />
      )}
    </div>
  );
}

function ItemList(props: { label: string; items: string[] }): React.ReactElement {
  return (
    <div className="flex-column">
      <span className="font-weight-semibold">{props.label}</span>
      <ul aria-label={props.label}>
        {props.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

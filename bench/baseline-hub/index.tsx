/**
 * Baseline page of the bench (Hub bundle and Hub load rows): only React 16 and the Azure DevOps
 * extension SDK. It completes the SDK handshake, reports the load, and renders one line, so its
 * size and load time are the floor any hub built on this stack pays.
 */
import * as SDK from "azure-devops-extension-sdk";
import * as React from "react";
import * as ReactDOM from "react-dom";

function Ready(props: { user: string }) {
  return <p id="baseline-ready">Handshake complete for {props.user}</p>;
}

void SDK.init({ loaded: false, applyTheme: true }).then(() => {
  ReactDOM.render(<Ready user={SDK.getUser().displayName} />, document.getElementById("root"), () =>
    SDK.notifyLoadSucceeded(),
  );
});

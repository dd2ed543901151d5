/**
 * Panels and dialogs loaded on first use (webpack puts each in dist/hub/chunks/), so the first
 * load carries only the list (bundle budget: 150 KB gzipped).
 */
import * as React from "react";

export const InitiateConnectionPanel = React.lazy(() =>
  import(/* webpackChunkName: "initiate-connection" */ "./initiate/InitiateConnectionPanel").then(
    (m) => ({ default: m.InitiateConnectionPanel }),
  ),
);

export const AcceptInvitationPanel = React.lazy(() =>
  import(/* webpackChunkName: "accept-invitation" */ "./accept/AcceptInvitationPanel").then(
    (m) => ({ default: m.AcceptInvitationPanel }),
  ),
);

export const NodeSettingsPanel = React.lazy(() =>
  import(/* webpackChunkName: "node-settings" */ "./settings/NodeSettingsPanel").then((m) => ({
    default: m.NodeSettingsPanel,
  })),
);

export const InvitationCodeDialog = React.lazy(() =>
  import(/* webpackChunkName: "connection-dialogs" */ "./dialogs/InvitationCodeDialog").then(
    (m) => ({ default: m.InvitationCodeDialog }),
  ),
);

export const DeleteConnectionDialog = React.lazy(() =>
  import(/* webpackChunkName: "connection-dialogs" */ "./dialogs/DeleteConnectionDialog").then(
    (m) => ({ default: m.DeleteConnectionDialog }),
  ),
);

export const EditConnectionPanel = React.lazy(() =>
  import(/* webpackChunkName: "edit-connection" */ "./edit/EditConnectionPanel").then((m) => ({
    default: m.EditConnectionPanel,
  })),
);

/** The CodeMirror editor: its own chunk, loaded when the Rules tab first shows a script. */
export const ScriptEditor = React.lazy(() =>
  import(/* webpackChunkName: "script-editor" */ "./edit/ScriptEditor").then((m) => ({
    default: m.ScriptEditor,
  })),
);

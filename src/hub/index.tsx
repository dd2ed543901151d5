import "azure-devops-ui/Core/override.css";
import "./hub.css";

import * as React from "react";
import * as ReactDOM from "react-dom";

import { HubRoot } from "./HubRoot";

// Makes the connections table's "..." buttons reachable with Tab (azure-devops-ui ColumnMore).
document.body.classList.add("column-more-keyboard-accessible");

ReactDOM.render(<HubRoot />, document.getElementById("root"));

import "azure-devops-ui/Core/override.css";
import "./hub.css";

import * as React from "react";
import * as ReactDOM from "react-dom";

import { HubRoot } from "./HubRoot";

ReactDOM.render(<HubRoot />, document.getElementById("root"));

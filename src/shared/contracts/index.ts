export * from "./connection";
export * from "./error-body";
export * from "./invitation";
export * from "./node-info";
export * from "./replica";
export * from "./routes";

export * from "./connection";
export * from "./invitation";
export * from "./node-info";
export * from "./replica";
export * from "./routes";

/** Path helpers: project-scoped route prefixes with encoded segments. */

/** `Alpha/` (encoded), or "" when no project is given (organization-scoped route). */
export function projectPrefix(project?: string): string {
  return project ? `${encodeURIComponent(project)}/` : "";
}

/** `{project}/_apis/wit/` */
export function witPath(project: string | undefined, rest: string): string {
  return `${projectPrefix(project)}_apis/wit/${rest}`;
}

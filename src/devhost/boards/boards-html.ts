/**
 * Server-rendered Boards pages of the dev host: a work item list with a create form, and a
 * work item form with its comments. Plain HTML forms; HTML from work items is sanitized.
 */
import sanitizeHtml from "sanitize-html";

import { html, SafeHtml } from "../host-page/html";
import type { BoardComment, BoardWorkItem } from "./boards-client";

const field = (item: BoardWorkItem, name: string): string => {
  const value = item.fields[name];
  if (value && typeof value === "object" && "displayName" in value)
    return String(value.displayName);
  return value === undefined || value === null ? "" : String(value);
};

/** The assignee as Azure DevOps accepts it back: "Display Name <email>". */
const assignee = (item: BoardWorkItem): string => {
  const value = item.fields["System.AssignedTo"] as
    { displayName?: string; uniqueName?: string } | string | undefined;
  if (!value) return "";
  if (typeof value === "string") return value;
  return value.uniqueName
    ? `${value.displayName ?? ""} <${value.uniqueName}>`
    : (value.displayName ?? "");
};

const tags = (item: BoardWorkItem) =>
  field(item, "System.Tags")
    .split(";")
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => html`<span class="tag">${t}</span>`);

/** Options of the list page. */
export interface BoardListView {
  organization: string;
  projects: string[];
  project: string;
  types: string[];
  items: BoardWorkItem[];
  people: string[];
}

/** The work item list of one project, with the "New work item" form. */
export function renderBoardList(view: BoardListView): SafeHtml {
  const base = `/${view.organization}/_boards`;
  const rows = view.items.map(
    (item) =>
      html`<tr>
        <td><a href="${base}/${item.id}">${item.id}</a></td>
        <td>${field(item, "System.WorkItemType")}</td>
        <td><a href="${base}/${item.id}">${field(item, "System.Title")}</a></td>
        <td><span class="state-pill">${field(item, "System.State")}</span></td>
        <td>${field(item, "System.AssignedTo")}</td>
        <td>${tags(item)}</td>
        <td class="secondary-text">
          ${field(item, "System.ChangedDate").slice(0, 19).replace("T", " ")}
        </td>
      </tr>`,
  );
  return html`<h1>Work items</h1>
    <form class="project-picker" method="get" action="${base}">
      <label for="project">Project</label>
      <select id="project" name="project" onchange="this.form.submit()">
        ${view.projects.map((p) => html`<option ${p === view.project ? html`selected` : html``}>${p}</option>`)}
      </select>
    </form>
    <div class="card">
      <h2>New work item</h2>
      <form method="post" action="${base}/create" class="form-grid">
        <input type="hidden" name="project" value="${view.project}" />
        <label for="new-type">Type</label>
        <select id="new-type" name="type">
          ${view.types.map((t) => html`<option>${t}</option>`)}
        </select>
        <label for="new-title">Title</label>
        <input id="new-title" name="title" required />
        <label for="new-description">Description</label>
        <textarea id="new-description" name="description"></textarea>
        <label for="new-assignee">Assigned to</label>
        ${assigneeInput("new-assignee", "", view.people)}
        <label for="new-tags">Tags</label>
        <input id="new-tags" name="tags" placeholder="tag1; tag2" />
        <span></span>
        <div><button class="host-button host-button-primary" type="submit">Create</button></div>
      </form>
    </div>
    <div class="card">
      <table class="data-table" aria-label="Work items">
        <thead>
          <tr>
            <th>ID</th>
            <th>Type</th>
            <th>Title</th>
            <th>State</th>
            <th>Assigned to</th>
            <th>Tags</th>
            <th>Changed</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length
              ? rows
              : html`<tr>
                  <td colspan="7" class="secondary-text">No work items yet.</td>
                </tr>`
          }
        </tbody>
      </table>
    </div>`;
}

/** Options of the work item page. */
export interface BoardItemView {
  organization: string;
  item: BoardWorkItem;
  states: string[];
  comments: BoardComment[];
  people: string[];
}

/** One work item: editable fields and comments. */
export function renderBoardItem(view: BoardItemView): SafeHtml {
  const { item } = view;
  const base = `/${view.organization}/_boards`;
  const project = field(item, "System.TeamProject");
  const state = field(item, "System.State");
  return html`<p>
      <a href="${base}?project=${encodeURIComponent(project)}">&larr; ${project} work items</a>
    </p>
    <h1>${field(item, "System.WorkItemType")} ${item.id}: ${field(item, "System.Title")}</h1>
    <p class="secondary-text">
      Revision ${item.rev} &middot; changed ${field(item, "System.ChangedDate")} by
      ${field(item, "System.ChangedBy")}
    </p>
    <div class="card">
      <form method="post" action="${base}/${item.id}" class="form-grid">
        <label for="title">Title</label>
        <input id="title" name="title" value="${field(item, "System.Title")}" required />
        <label for="state">State</label>
        <select id="state" name="state">
          ${view.states.map((s) => html`<option ${s === state ? html`selected` : html``}>${s}</option>`)}
        </select>
        <label for="assignee">Assigned to</label>
        ${assigneeInput("assignee", assignee(item), view.people)}
        <label for="tags">Tags</label>
        <input id="tags" name="tags" value="${field(item, "System.Tags")}" />
        <label for="description">Description (HTML)</label>
        <textarea id="description" name="description">
${field(item, "System.Description")}</textarea>
        <span></span>
        <div><button class="host-button host-button-primary" type="submit">Save</button></div>
      </form>
    </div>
    <div class="card">
      <h2>Discussion</h2>
      ${view.comments.map(
        (c) =>
          html`<div class="comment">
            <div class="secondary-text">
              ${c.createdBy?.displayName ?? ""} &middot; ${c.createdDate ?? ""}
            </div>
            <div>${new SafeHtml(sanitizeHtml(c.text))}</div>
          </div>`,
      )}
      <form method="post" action="${base}/${item.id}/comments">
        <label for="comment" class="secondary-text">Add a comment</label>
        <textarea id="comment" name="text" required></textarea>
        <p><button class="host-button host-button-primary" type="submit">Comment</button></p>
      </form>
    </div>`;
}

function assigneeInput(id: string, value: string, people: string[]) {
  return html`<input id="${id}" name="assignedTo" value="${value}" list="${id}-people" />
    <datalist id="${id}-people">
      ${people.map((p) => html`<option value="${p}"></option>`)}
    </datalist>`;
}

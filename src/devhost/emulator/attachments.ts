/**
 * Attachments (wit/7.1 "Attachments"): upload `POST _apis/wit/attachments?fileName=` with an
 * `application/octet-stream` body (answer 201 `{id, url}`), chunked upload (`uploadType=chunked`
 * then `PUT .../attachments/{id}` with `Content-Range`), and download `GET .../attachments/{id}`.
 * Uploads over the configured limit get VS403313; linking happens with a work item
 * update `add /relations/-` `{rel: "AttachedFile", url}` (limit per work item: TF237082).
 */
import { randomUUID } from "node:crypto";

import type { FastifyInstance, FastifyRequest } from "fastify";

import { attachmentNotFound, attachmentTooLarge, invalidArgument } from "./ado-errors";
import { type OrgSettings, queryParam } from "./context";
import { type ItemHandler, type ItemParams, orgAndProject, READ_WORK, WRITE_WORK } from "./routing";

/** Content types by file extension, so a browser can show common files inline. */
const MEDIA_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
  json: "application/json",
};

function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body === undefined || body === null) return Buffer.alloc(0);
  return Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
}

function attachmentUrl(request: FastifyRequest, id: string, fileName: string) {
  return `${request.ado.baseUrl}/_apis/wit/attachments/${id}?fileName=${encodeURIComponent(fileName)}`;
}

/** `POST .../attachments?fileName=[&uploadType=chunked]`: 201 `{id, url}`. */
const upload =
  (settings: OrgSettings): ItemHandler =>
  async (request, reply) => {
    const fileName = queryParam(request, "fileName");
    if (!fileName) throw invalidArgument("The fileName parameter is required.");
    const chunked = queryParam(request, "uploadType")?.toLowerCase() === "chunked";
    const content = chunked ? Buffer.alloc(0) : bodyBytes(request.body);
    if (content.length > settings.attachmentMaxBytes) {
      throw attachmentTooLarge(settings.attachmentMaxBytes);
    }
    const id = randomUUID();
    const { store } = settings;
    store.db
      .prepare(
        "INSERT INTO attachments (id, file_name, content, uploaded_by, created_date) VALUES (?, ?, ?, ?, ?)",
      )
      .run(id, fileName, content, request.ado.caller.user.id, store.now());
    return reply.code(201).send({ id, url: attachmentUrl(request, id, fileName) });
  };

/** `PUT .../attachments/{id}?uploadType=chunked` with `Content-Range`: appends a chunk. */
const uploadChunk =
  (settings: OrgSettings): ItemHandler =>
  async (request, reply) => {
    const { id } = request.params;
    const row = settings.store.db
      .prepare("SELECT file_name FROM attachments WHERE id = ?")
      .get(id) as { file_name: string } | undefined;
    if (!row) throw attachmentNotFound(id);
    const range = /bytes (\d+)-(\d+)\/(\d+)/.exec(String(request.headers["content-range"] ?? ""));
    if (!range) {
      throw invalidArgument("A chunk needs a Content-Range header: bytes <from>-<to>/<total>.");
    }
    if (Number(range[3]) > settings.attachmentMaxBytes) {
      throw attachmentTooLarge(settings.attachmentMaxBytes);
    }
    settings.store.db
      .prepare("UPDATE attachments SET content = content || ? WHERE id = ?")
      .run(bodyBytes(request.body), id);
    return reply.code(201).send({ id, url: attachmentUrl(request, id, row.file_name) });
  };

/** `GET .../attachments/{id}[?fileName=&download=true]`: the bytes. */
const download =
  (settings: OrgSettings): ItemHandler =>
  async (request, reply) => {
    const row = settings.store.db
      .prepare("SELECT file_name, content FROM attachments WHERE id = ?")
      .get(request.params.id) as { file_name: string; content: Buffer } | undefined;
    if (!row) throw attachmentNotFound(request.params.id);
    const fileName = queryParam(request, "fileName") ?? row.file_name;
    const extension = fileName.split(".").pop()?.toLowerCase() ?? "";
    const disposition = queryParam(request, "download") === "true" ? "attachment" : "inline";
    return reply
      .type(MEDIA_TYPES[extension] ?? "application/octet-stream")
      .header(
        "content-disposition",
        `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      )
      .send(row.content);
  };

/** Registers the attachment routes. */
export function registerAttachments(app: FastifyInstance, settings: OrgSettings) {
  orgAndProject(app, "POST", "/_apis/wit/attachments", WRITE_WORK, upload(settings));
  app.put<{ Params: ItemParams }>("/_apis/wit/attachments/:id", WRITE_WORK, uploadChunk(settings));
  orgAndProject(app, "GET", "/_apis/wit/attachments/:id", READ_WORK, download(settings));
}

// The helpers user scripts see (docs/scripts.md). This file is NOT loaded by Node: the script
// worker evaluates its text inside each QuickJS context before the user's script. It is one
// expression whose value, `{ setup, collect }`, stays with the host; the user's script sees
// only the globals `setup` defines. Plain ES2023, no imports, no I/O.
(function () {
  "use strict";

  /** Most console lines kept per run, and longest line: a chatty script cannot flood logs. */
  var MAX_LOGS = 50;
  var MAX_LOG_LENGTH = 1000;
  var logs = [];
  // Built-ins the result check uses, taken before the user's script runs, so a script that
  // replaces JSON.stringify or Object.keys cannot change how its result is read. (The host
  // checks the result again; this only keeps the error messages right.)
  var stringify = JSON.stringify;
  var objectKeys = Object.keys;
  var getPrototypeOf = Object.getPrototypeOf;
  var isArray = Array.isArray;
  var objectPrototype = Object.prototype;
  var createObject = Object.create;
  var context = { users: [], twins: [] };
  var hostStripHtml = null;

  function log(level) {
    return function () {
      if (logs.length >= MAX_LOGS) return;
      var parts = [];
      for (var i = 0; i < arguments.length; i++) {
        var value = arguments[i];
        parts.push(typeof value === "string" ? value : safeStringify(value));
      }
      logs.push("console." + level + ": " + parts.join(" ").slice(0, MAX_LOG_LENGTH));
    };
  }

  function safeStringify(value) {
    try {
      return String(JSON.stringify(value));
    } catch {
      return String(value);
    }
  }

  function text(value) {
    return value === null || value === undefined ? null : String(value);
  }

  function escapeHtml(value) {
    return String(value)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  /** Ids of `items` (as strings) and a map from their `remoteId` to the item. */
  function index(items) {
    var ids = {};
    var byRemoteId = {};
    items.forEach(function (item) {
      if (item && item.id !== null && item.id !== undefined) ids[String(item.id)] = true;
      if (item && item.remoteId !== null && item.remoteId !== undefined) {
        byRemoteId[String(item.remoteId)] = item;
      }
    });
    return { ids: ids, byRemoteId: byRemoteId };
  }

  /** Remote items not yet present locally, and not local items coming back (no echo). */
  function newRemoteItems(localItems, remoteItems) {
    var local = index(localItems);
    return list(remoteItems).filter(function (remote) {
      if (!remote || remote.id === null || remote.id === undefined) return false;
      if (local.byRemoteId[String(remote.id)]) return false;
      return !(
        remote.remoteId !== null &&
        remote.remoteId !== undefined &&
        local.ids[String(remote.remoteId)]
      );
    });
  }

  function authorPrefix(comment) {
    var name = comment.author ? comment.author.displayName || comment.author.email : "Someone";
    return comment.format === "markdown"
      ? "**" + name + "** wrote:\n\n"
      : "<p><strong>" + escapeHtml(name) + "</strong> wrote:</p>";
  }

  /**
   * Adds the replica's comments that the work item does not have yet (keyed by remote id).
   * options.authorPrefix: start each added comment with "<author> wrote:". Returns the
   * work item's comment list, which it also updates.
   */
  function mergeComments(workItem, replica, options) {
    var comments = list(workItem && workItem.comments).slice();
    newRemoteItems(comments, replica && replica.comments).forEach(function (remote) {
      var format = remote.format === "markdown" ? "markdown" : "html";
      var body = String(remote.body === undefined || remote.body === null ? "" : remote.body);
      comments.push({
        id: null,
        remoteId: String(remote.id),
        author: remote.author || null,
        body: options && options.authorPrefix ? authorPrefix(remote) + body : body,
        format: format,
        created: text(remote.created),
        updated: text(remote.updated),
      });
    });
    workItem.comments = comments;
    return comments;
  }

  /** Adds the replica's attachments that the work item does not have yet (keyed by remote id). */
  function mergeAttachments(workItem, replica) {
    var attachments = list(workItem && workItem.attachments).slice();
    newRemoteItems(attachments, replica && replica.attachments).forEach(function (remote) {
      attachments.push({
        id: null,
        remoteId: String(remote.id),
        filename: String(remote.filename),
        mimeType: String(remote.mimeType || "application/octet-stream"),
        size: Number(remote.size) || 0,
        created: text(remote.created),
        contentRef: String(remote.contentRef),
      });
    });
    workItem.attachments = attachments;
    return attachments;
  }

  /** The user of this organization with that email (case-insensitive), or null. */
  function getUserByEmail(email) {
    if (email === null || email === undefined) return null;
    var wanted = String(email).trim().toLowerCase();
    var found = context.users.filter(function (user) {
      return String(user.email).toLowerCase() === wanted;
    })[0];
    return found ? { email: found.email, displayName: found.displayName } : null;
  }

  /** Plain text of an HTML fragment (tags removed, entities decoded, blocks on own lines). */
  function stripHtml(html) {
    if (html === null || html === undefined) return "";
    return hostStripHtml(String(html));
  }

  /** `{ id, key }` of the local twin of remote work item `remoteId` in this connection, or null. */
  function getLocalIssueKeyFromRemoteId(remoteId) {
    if (remoteId === null || remoteId === undefined) return null;
    var wanted = String(remoteId);
    var twin = context.twins.filter(function (candidate) {
      return String(candidate.remoteId) === wanted;
    })[0];
    return twin ? { id: twin.localId, key: String(twin.localId) } : null;
  }

  /** Adds the Exalate-style conveniences that are not data (non-enumerable, never sent). */
  function decorate(workItem) {
    if (!workItem || typeof workItem !== "object") return workItem;
    Object.defineProperty(workItem, "typeName", {
      get: function () {
        return this.type;
      },
      set: function (value) {
        this.type = value;
      },
      enumerable: false,
      configurable: true,
    });
    Object.defineProperty(workItem, "project", {
      get: function () {
        return this.projectKey === null ? null : { key: this.projectKey, name: this.projectKey };
      },
      enumerable: false,
      configurable: true,
    });
    Object.defineProperty(workItem, "setStatus", {
      value: function (name) {
        this.status = name === null || name === undefined ? null : String(name);
      },
      enumerable: false,
      configurable: true,
    });
    return workItem;
  }

  function define(name, value) {
    Object.defineProperty(globalThis, name, { value: value, writable: true, configurable: true });
  }

  /** Defines the globals of one run from the host's JSON input. */
  function setup(inputJson, stripHtmlFunction) {
    var input = JSON.parse(inputJson);
    hostStripHtml = stripHtmlFunction;
    context = input.context || context;
    define("workItem", decorate(input.workItem));
    define("replica", input.replica);
    define("firstSync", input.firstSync === true);
    define("connection", context.connection || null);
    define("incomingProject", context.incomingProject || null);
    define("commentHelper", Object.freeze({ mergeComments: mergeComments }));
    define("attachmentHelper", Object.freeze({ mergeAttachments: mergeAttachments }));
    define("nodeHelper", Object.freeze({ getUserByEmail: getUserByEmail, stripHtml: stripHtml }));
    define(
      "syncHelper",
      Object.freeze({ getLocalIssueKeyFromRemoteId: getLocalIssueKeyFromRemoteId }),
    );
    var consoleObject = {};
    ["log", "info", "warn", "error", "debug"].forEach(function (level) {
      consoleObject[level] = log(level);
    });
    define("console", Object.freeze(consoleObject));
  }

  function ResultError(path, problem) {
    var error = new Error(path + " " + problem);
    error.name = "ScriptResultError";
    error.path = path;
    return error;
  }

  function describe(value) {
    if (typeof value !== "object") return typeof value;
    var proto = getPrototypeOf(value);
    return proto && proto.constructor && proto.constructor.name ? proto.constructor.name : "object";
  }

  /** A copy of `value` that is plain JSON; throws a ScriptResultError naming the first bad path. */
  function plain(value, path, ancestors) {
    if (value === null || typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") {
      if (!isFinite(value)) throw ResultError(path, "is " + value + ", which JSON cannot carry");
      return value;
    }
    if (typeof value !== "object") throw ResultError(path, "is a " + typeof value + ", not JSON");
    if (ancestors.indexOf(value) >= 0) throw ResultError(path, "contains itself (a cycle)");
    ancestors.push(value);
    var copy = isArray(value)
      ? plainArray(value, path, ancestors)
      : plainObject(value, path, ancestors);
    ancestors.pop();
    return copy;
  }

  function plainArray(value, path, ancestors) {
    var copy = [];
    for (var i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw ResultError(path + "[" + i + "]", "is undefined, not JSON");
      copy.push(plain(value[i], path + "[" + i + "]", ancestors));
    }
    return copy;
  }

  function plainObject(value, path, ancestors) {
    var proto = getPrototypeOf(value);
    if (proto !== objectPrototype && proto !== null) {
      throw ResultError(path, "is a " + describe(value) + ", not a plain object");
    }
    var copy = createObject(null); // so a "__proto__" key stays a plain key
    objectKeys(value).forEach(function (key) {
      if (value[key] === undefined) return; // JSON semantics: an undefined property is absent
      var childPath = /^[A-Za-z_$][\w$]*$/.test(key)
        ? path + "." + key
        : path + "[" + stringify(key) + "]";
      copy[key] = plain(value[key], childPath, ancestors);
    });
    return copy;
  }

  /** JSON text of `{ value, logs }`: the replica (outgoing) or the work item (incoming). */
  function collect(kind) {
    var name = kind === "outgoing" ? "replica" : "workItem";
    var value = globalThis[name];
    var result = value === undefined ? null : plain(value, name, []);
    return stringify({ value: result, logs: logs });
  }

  return { setup: setup, collect: collect };
})();

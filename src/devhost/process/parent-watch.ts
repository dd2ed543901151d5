/**
 * Notices when the process that started this one is gone, even when it died by SIGKILL and
 * could not say goodbye: the dev host's children use it to stop instead of running orphaned.
 */

/** How often the parent process id is checked, in ms. */
const PARENT_POLL_MS = 1_000;

/**
 * Calls `onGone` once when this process's parent is gone: its IPC channel to us closed (when
 * it spawned us with one) or our parent process id changed (we were re-parented, e.g. to init).
 * The checks do not keep the event loop alive.
 * @returns a function that stops watching
 */
export function watchParent(onGone: (reason: string) => void): () => void {
  const parent = process.ppid;
  let done = false;
  const gone = (reason: string) => {
    if (done) return;
    stop();
    onGone(reason);
  };
  const onDisconnect = () => gone("the IPC channel to the parent closed");
  if (process.channel) {
    process.once("disconnect", onDisconnect);
    // The channel must not keep this process alive by itself.
    process.channel.unref();
  }
  const timer = setInterval(() => {
    if (process.ppid !== parent) gone(`the parent process ${parent} exited`);
  }, PARENT_POLL_MS);
  timer.unref();
  function stop() {
    done = true;
    clearInterval(timer);
    process.removeListener("disconnect", onDisconnect);
  }
  return stop;
}

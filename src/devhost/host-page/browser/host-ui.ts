/**
 * Host-drawn feedback the extension can ask for through the global messages and page layout
 * services: toasts (bottom centre, dark, as Azure DevOps draws them), banners above the
 * content, and a modal message dialog.
 */

/** How long a toast stays by default, in milliseconds (Azure DevOps keeps toasts ~5 s). */
const DEFAULT_TOAST_MS = 5_000;

/** A toast request (`IToast` of azure-devops-extension-api). */
export interface ToastRequest {
  message: string;
  callToAction?: string;
  duration?: number;
  forceOverrideExisting?: boolean;
  onCallToActionClick?: () => void;
}

/** Shows a toast; resolves when it is shown. Returns nothing the caller can await further. */
export function showToast(toast: ToastRequest): void {
  const area = document.getElementById("host-toasts");
  if (!area) return;
  if (toast.forceOverrideExisting) area.replaceChildren();
  const element = document.createElement("div");
  element.className = "host-toast";
  element.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = toast.message;
  element.append(text);
  if (toast.callToAction) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "host-toast-action";
    button.textContent = toast.callToAction;
    button.addEventListener("click", () => {
      toast.onCallToActionClick?.();
      element.remove();
    });
    element.append(button);
  }
  area.append(element);
  setTimeout(() => element.remove(), toast.duration ?? DEFAULT_TOAST_MS);
}

/** Banner levels (`MessageBannerLevel`: info 0, warning 1, error 2, success 3). */
const BANNER_CLASSES = ["info", "warning", "error", "success"] as const;

/** A banner request (subset of `IGlobalMessageBanner`). */
export interface BannerRequest {
  message?: string;
  level?: number;
  dismissable?: boolean;
}

/** Shows a banner above the content; `closeBanner` removes it. */
export function showBanner(banner: BannerRequest): void {
  const area = document.getElementById("host-banners");
  if (!area) return;
  const element = document.createElement("div");
  element.className = `host-banner host-banner-${BANNER_CLASSES[banner.level ?? 0] ?? "info"}`;
  element.setAttribute("role", "alert");
  element.textContent = banner.message ?? "";
  if (banner.dismissable !== false) {
    const close = document.createElement("button");
    close.type = "button";
    close.className = "host-banner-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "\u2715";
    close.addEventListener("click", () => element.remove());
    element.append(close);
  }
  area.replaceChildren(element);
}

/** Removes the banner, if any. */
export function closeBanner(): void {
  document.getElementById("host-banners")?.replaceChildren();
}

/** A message dialog request (`IMessageDialogOptions`). */
export interface MessageDialogRequest {
  title?: string;
  okText?: string;
  cancelText?: string;
  showCancel?: boolean;
  onClose?: (result: boolean | undefined) => void;
}

/** Shows a modal message dialog with OK (and Cancel); reports the choice to `onClose`. */
export function showMessageDialog(message: string, options: MessageDialogRequest = {}): void {
  const overlay = document.createElement("div");
  overlay.className = "host-dialog-overlay";
  const dialog = document.createElement("div");
  dialog.className = "host-dialog";
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "true");
  const title = document.createElement("h2");
  title.textContent = options.title ?? "";
  const body = document.createElement("p");
  body.textContent = message;
  const buttons = document.createElement("div");
  buttons.className = "host-dialog-buttons";
  const close = (result: boolean) => {
    overlay.remove();
    options.onClose?.(result);
  };
  buttons.append(dialogButton(options.okText ?? "OK", true, () => close(true)));
  if (options.showCancel) {
    buttons.append(dialogButton(options.cancelText ?? "Cancel", false, () => close(false)));
  }
  dialog.append(title, body, buttons);
  overlay.append(dialog);
  document.body.append(overlay);
}

function dialogButton(text: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = primary ? "host-button host-button-primary" : "host-button";
  button.textContent = text;
  button.addEventListener("click", onClick);
  return button;
}

import { fireEvent, screen, waitFor, within } from "@testing-library/react";

/** The text box labelled `name`. */
export function textbox(name: string): HTMLInputElement {
  return screen.getByRole("textbox", { name }) as HTMLInputElement;
}

export function type(name: string, value: string): void {
  fireEvent.change(textbox(name), { target: { value } });
}

export function click(name: string | RegExp): void {
  fireEvent.click(screen.getByRole("button", { name }));
}

/** The current step's title as the step indicator marks it (aria-current="step"). */
export function currentStep(): string {
  const steps = screen.getByRole("list", { name: "Steps" });
  const current = steps.querySelector('[aria-current="step"] .wizard-step-title');
  return current?.textContent ?? "";
}

/** Opens the project dropdown and picks `name`. */
export async function pickProject(name: string): Promise<void> {
  const dropdown = await screen.findByRole("button", { name: /Project for incoming sync/ });
  fireEvent.click(dropdown);
  const listbox = await screen.findByRole("listbox");
  fireEvent.click(within(listbox).getByText(name));
  await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
}

/** Play functions and content shared by the question element stories. */
import { expect, waitFor } from 'storybook/test';
import type { StoryContext } from '@storybook/web-components-vite';
import { localize } from '../../src/engine/text.js';
import type { Locale, LocalizedText } from '../../src/schema/definition.js';

type Control = HTMLElement & { reportValidity(): boolean; updateComplete: Promise<unknown> };

/** The story's element: the first Ankieta element in the canvas. */
export function controlIn(canvas: HTMLElement): Control {
  const control = [...canvas.querySelectorAll<Control>('*')].find((e) => e.localName.startsWith('ankieta-'));
  if (!control) throw new Error('no Ankieta element in the story');
  return control;
}

export const errorText = (control: Control) => control.shadowRoot?.querySelector('[part~="error"]')?.textContent?.trim() ?? '';

/**
 * The required-answer error as a respondent meets it: the form asks the control for its
 * validity (`reportValidity()`, what a submit does), the control shows its own message in
 * the live region and marks its inputs `aria-invalid`.
 */
export async function showValidationError({ canvasElement }: Pick<StoryContext, 'canvasElement'>): Promise<void> {
  const control = controlIn(canvasElement);
  await control.updateComplete;
  await expect(control.reportValidity()).toBe(false);
  await waitFor(async () => {
    await control.updateComplete;
    await expect(errorText(control)).not.toBe('');
  });
  await expect(control.shadowRoot!.querySelector('[aria-invalid="true"]')).not.toBeNull();
}

/** A bilingual text in one language (the templates keep every text in Polish and English). */
export const inLocale = (text: LocalizedText, locale: Locale) => localize(text, locale);

export const options = (list: readonly { value: string; label: LocalizedText }[], locale: Locale) =>
  list.map((o) => ({ value: o.value, label: localize(o.label, locale) }));

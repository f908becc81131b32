import { sendKeys } from '@web/test-runner-commands';

/**
 * Types `text` into the focused field with real key presses, a word at a time with a Space key
 * between the words. WebKitGTK's WebDriver (2.50, Debian) keeps only the first space of one
 * `type` action: `sendKeys({ type: 'a b c' })` gives "a bc". Chromium and Firefox type either way.
 */
export async function typeText(text: string): Promise<void> {
  for (const [index, word] of text.split(' ').entries()) {
    if (index > 0) await sendKeys({ press: ' ' });
    if (word) await sendKeys({ type: word });
  }
}

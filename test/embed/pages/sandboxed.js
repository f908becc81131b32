// In a frame sandboxed without allow-same-origin the test cannot reach into the page: this
// script answers the survey as a respondent would (four stars, then the send button) and tells
// the test, by postMessage, the status texts it saw and the page's uncaught errors.
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(find, what) {
  for (let i = 0; i < 400; i += 1) {
    const found = find();
    if (found) return found;
    await wait(25);
  }
  throw new Error(`no ${what}`);
}
window.addEventListener('load', async () => {
  const statuses = [];
  try {
    const survey = document.querySelector('ankieta-survey');
    const root = await until(() => survey.shadowRoot?.querySelector('#q-overall') && survey.shadowRoot, 'survey');
    const notices = () => [...root.querySelectorAll('[part~="notice"]')].map((n) => n.textContent.trim());
    // What the respondent is told before answering (nothing can be kept on the device here).
    const before = await until(() => notices().length && notices(), 'notice').catch(() => []);
    root.querySelector('#q-overall').shadowRoot.querySelectorAll('input[type=radio]')[3].click();
    await wait(50);
    root.querySelector('[part~="button-primary"]').click();
    await until(() => root.querySelector('[part~="thank-you"]'), 'thank-you screen');
    const status = () => root.querySelector('[part~="status"]')?.textContent.trim() ?? '';
    await until(() => {
      if (statuses.at(-1) !== status()) statuses.push(status());
      return status() === 'Odpowiedzi zostały wysłane.';
    }, 'sent status').catch(() => undefined);
    parent.postMessage({ statuses, notices: before, errors: window.__errors }, '*');
  } catch (error) {
    parent.postMessage({ statuses, failed: String(error), errors: window.__errors }, '*');
  }
});

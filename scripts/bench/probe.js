// The measuring harness inside every benchmark page (the same file for all three contenders,
// loaded first, as a classic script in <head>). It knows nothing about any library: it looks
// at the composed DOM (open shadow roots included) for the page's first and last questions.
//
// "Rendered and interactive" at time T means: the first answerable question's first native
// control (input, select or textarea) and the last question's first control (or the last
// item itself, when it has none) exist, are rendered (a layout box, not display:none or
// visibility:hidden), the first control takes focus when focus() is called, and T is the
// first frame painted after that (requestAnimationFrame, then a message posted from it).
// Times are performance.now(), i.e. milliseconds since navigation start.
(() => {
  const config = document.documentElement.dataset;
  const CONTROL = 'input:not([type="hidden"]), select, textarea';
  const result = { signal: undefined, dcl: undefined, satisfied: undefined, interactive: undefined, checks: 0 };
  window.__bench = result;

  /** The element with this question id, wherever it is (light DOM or an open shadow root). */
  function findQuestion(root, id) {
    const selector = `[data-question="${id}"], [data-name="${id}"]`;
    const direct = root.querySelector(selector);
    if (direct) return direct;
    for (const host of root.querySelectorAll('*')) {
      if (!host.shadowRoot) continue;
      const found = findQuestion(host.shadowRoot, id);
      if (found) return found;
    }
    return null;
  }

  /** The first native control inside an element, its shadow tree first. */
  function firstControl(element) {
    for (const root of element.shadowRoot ? [element.shadowRoot, element] : [element]) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.matches(CONTROL)) return node;
        if (node.shadowRoot) {
          const inner = firstControl(node);
          if (inner) return inner;
        }
      }
    }
    return null;
  }

  function deepActive() {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  const rendered = (element) => element.getClientRects().length > 0 && element.checkVisibility({ visibilityProperty: true });

  window.__control = (id) => {
    const question = findQuestion(document, id);
    return question && firstControl(question);
  };

  function check() {
    result.checks += 1;
    const first = window.__control(config.first);
    if (!first || !rendered(first)) return false;
    const lastQuestion = findQuestion(document, config.last);
    const last = lastQuestion && (firstControl(lastQuestion) ?? lastQuestion);
    if (!last || !rendered(last)) return false;
    first.focus({ preventScroll: true });
    return deepActive() === first;
  }

  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  const afterNextPaint = () => new Promise((resolve) => requestAnimationFrame(() => nextTask().then(resolve)));

  let finished;
  window.__benchDone = new Promise((resolve) => (finished = resolve));

  // Checks run in a task of their own after any DOM change (in the document or any open shadow
  // root), so they cost nothing while a page waits (e.g. for IndexedDB) and never interrupt a
  // library's synchronous work; a slow timer catches changes that are not DOM mutations.
  const observed = new WeakSet();
  let scheduled = false;
  let fallback;
  const mutations = new MutationObserver(() => schedule());
  const watchShadowRoots = (root) => {
    for (const host of root.querySelectorAll('*')) {
      if (!host.shadowRoot || observed.has(host.shadowRoot)) continue;
      observed.add(host.shadowRoot);
      mutations.observe(host.shadowRoot, { childList: true, subtree: true, attributes: true });
      watchShadowRoots(host.shadowRoot);
    }
  };
  async function run() {
    scheduled = false;
    if (result.satisfied !== undefined) return;
    watchShadowRoots(document);
    if (!check()) return;
    result.satisfied = performance.now();
    mutations.disconnect();
    clearInterval(fallback);
    await afterNextPaint();
    result.interactive = performance.now();
    finished();
  }
  function schedule() {
    if (scheduled || result.dcl === undefined) return;
    scheduled = true;
    void nextTask().then(run);
  }

  // The library's own "done" signal, recorded for reference only.
  const signal = () => (result.signal ??= performance.now());
  document.addEventListener('ankieta-ready', signal);
  window.__surveyRendered = signal;
  document.addEventListener('DOMContentLoaded', () => {
    result.dcl = performance.now();
    if (config.first === 'none') return finished();
    mutations.observe(document, { childList: true, subtree: true, attributes: true });
    fallback = setInterval(schedule, 50);
    void run();
  });

  // Keystroke to next paint: from the key event's own timestamp (when the browser received
  // the key) to the first frame painted after the `input` event it caused.
  const keys = [];
  const pending = [];
  result.keys = keys;
  window.__startTyping = (id) => {
    const control = window.__control(id);
    control.focus();
    addEventListener('keydown', (event) => pending.push(event.timeStamp), true);
    addEventListener(
      'input',
      () => {
        const started = pending.shift();
        if (started !== undefined) void afterNextPaint().then(() => keys.push(performance.now() - started));
      },
      true,
    );
    return deepActive() === control;
  };
  window.__typedValue = (id) => window.__control(id).value;
})();

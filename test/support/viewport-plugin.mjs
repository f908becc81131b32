// Web Test Runner plugin: `viewport` sets the page's viewport in every browser the suites run in.
// @web/test-runner-commands' setViewport works for Chromium and Firefox (puppeteer) but not for
// WebKitGTK (WebDriver): there the window is resized until the page's innerWidth/innerHeight are
// the size asked for (the window's frame, if any, is measured and added).
export function viewportPlugin() {
  return {
    name: 'ankieta-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'viewport') return undefined;
      const { width, height } = payload ?? {};
      if (!(width > 0 && height > 0)) throw new Error('viewport needs { width, height }');
      const browser = session.browser;
      if (browser.type === 'puppeteer') {
        await browser.getPage(session.id).setViewport({ width, height });
        return true;
      }
      const driver = browser.driver;
      if (browser.type !== 'webdriver' || !driver) throw new Error(`viewport: browser type ${browser.type} is not supported`);
      let outer = { width, height };
      let inner;
      for (let i = 0; i < 8; i++) {
        await driver.setWindowSize(outer.width, outer.height);
        // The page may see the new size a moment after the window has it.
        await new Promise((resolve) => setTimeout(resolve, 50 * i));
        inner = await driver.execute('return [innerWidth, innerHeight]');
        if (inner[0] === width && inner[1] === height) return true;
        outer = { width: outer.width + width - inner[0], height: outer.height + height - inner[1] };
      }
      // WebKitGTK's window does not go below about 447 px wide: a test asking for a phone's width
      // would pass at a tablet's. Such tests put the page in an iframe of that size instead
      // (test/embed/narrow.test.ts).
      throw new Error(`viewport: asked for ${width}×${height}, the window gives ${inner[0]}×${inner[1]}; use an iframe for small sizes`);
    },
  };
}

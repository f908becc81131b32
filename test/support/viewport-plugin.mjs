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
      for (let i = 0; i < 3; i++) {
        await driver.setWindowSize(outer.width, outer.height);
        const [w, h] = await driver.execute('return [innerWidth, innerHeight]');
        if (w === width && h === height) return true;
        outer = { width: outer.width + width - w, height: outer.height + height - h };
      }
      return true;
    },
  };
}

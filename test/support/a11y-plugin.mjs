// Web Test Runner plugin: what Chromium's accessibility tree says about the test page, through the
// DevTools protocol (the tree a screen reader is given, shadow roots included). One command,
// `a11y:tree`, returns every node that is not ignored as { role, name, description, properties }.
export function a11yPlugin() {
  return {
    name: 'ankieta-a11y',
    async executeCommand({ command, session }) {
      if (command !== 'a11y:tree') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page || typeof page.createCDPSession !== 'function') throw new Error('a11y:tree needs Chromium (CDP)');
      const client = await page.createCDPSession();
      try {
        const { nodes } = await client.send('Accessibility.getFullAXTree');
        return nodes
          .filter((node) => !node.ignored)
          .map((node) => ({
            role: node.role?.value ?? '',
            name: node.name?.value ?? '',
            description: node.description?.value ?? '',
            // States such as required, invalid, checked, disabled: { name: value }.
            properties: Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value?.value])),
          }));
      } finally {
        await client.detach();
      }
    },
  };
}

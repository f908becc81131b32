// Records what the widget tells the site owner on the console.
window.__console = [];
for (const level of ['warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    window.__console.push({ level, text: args.map(String).join(' ') });
    original(...args);
  };
}

// `npm run manifest` → custom-elements.json, from each element's JSDoc contract.

/** Elements register with `@define('ankieta-x')` (a guarded customElements.define); teach the analyzer. */
function defineDecorator() {
  return {
    name: 'ankieta-define-decorator',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const decorators = ts.getDecorators?.(node) ?? node.decorators ?? [];
      for (const decorator of decorators) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText() !== 'define') continue;
        const tagName = call.arguments[0]?.text;
        const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
        if (!tagName || !declaration) continue;
        declaration.tagName = tagName;
        declaration.customElement = true;
        (moduleDoc.exports ??= []).push({
          kind: 'custom-element-definition',
          name: tagName,
          declaration: { name: node.name.text, module: moduleDoc.path },
        });
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineDecorator()],
};

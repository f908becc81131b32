// `npm run manifest` → custom-elements.json, from each element's JSDoc contract.

/** Elements register with `define('ankieta-x', Class)` (a guarded customElements.define); teach the analyzer. */
function defineCall() {
  return {
    name: 'ankieta-define-call',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isExpressionStatement(node) || !ts.isCallExpression(node.expression)) return;
      const call = node.expression;
      if (call.expression.getText() !== 'define') return;
      const [tag, elementClass] = call.arguments;
      const tagName = tag && ts.isStringLiteral(tag) ? tag.text : undefined;
      const className = elementClass?.getText();
      const declaration = moduleDoc.declarations?.find((d) => d.name === className);
      if (!tagName || !declaration) return;
      declaration.tagName = tagName;
      declaration.customElement = true;
      (moduleDoc.exports ??= []).push({
        kind: 'custom-element-definition',
        name: tagName,
        declaration: { name: className, module: moduleDoc.path },
      });
    },
  };
}

/**
 * Module paths as an installed package has them: `dist/esm/components/rating/rating.js`, not the
 * `src/…ts` the analyzer read (not in the tarball, and blocked by the `exports` map), so tools
 * that write imports from the manifest write ones that resolve.
 */
function publishedPaths() {
  const published = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/esm/$1.js');
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node))
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = published(value);
      else visit(value);
  };
  return { name: 'ankieta-published-paths', packageLinkPhase: ({ customElementsManifest }) => visit(customElementsManifest.modules) };
}

/**
 * A property declared `x?: T | undefined` (which `exactOptionalPropertyTypes` needs, so a page may
 * set `undefined`) is `T | undefined | undefined` to the analyzer, which adds `| undefined` for the
 * `?`: `undefined` once.
 */
function undefinedOnce() {
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') node.text = node.text.replace(/( \| undefined)+$/, ' | undefined');
    Object.values(node).forEach(visit);
  };
  return { name: 'ankieta-undefined-once', packageLinkPhase: ({ customElementsManifest }) => visit(customElementsManifest.modules) };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineCall(), publishedPaths(), undefinedOnce()],
};

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minify as terser } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { en } from './src/i18n/en.js';
import { pl } from './src/i18n/pl.js';
import { reportPl } from './src/i18n/report.js';

const root = import.meta.dirname;
const src = (path: string) => resolve(root, 'src', path);

/** Every element folder under src/components with a file named after it is a public entry point. */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(src('components'))) {
    const file = src(`components/${name}/${name}.ts`);
    if (existsSync(file)) entries[`components/${name}/${name}`] = file;
  }
  return entries;
}

/**
 * Comments and spacing that CSS ignores, out of the css`` blocks of the script-tag bundles (Lit
 * ships the text as written, and every visitor pays for it): about 0.5 kB gzip. Spaces around
 * `+`, `-`, `*` and `/` stay, since calc() and rgb() need them.
 */
function minifyCss(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      // 0.5em → .5em, [type='radio'] → [type=radio] (values that start with a letter).
      .replace(/([:\s,(])0\.(\d)/g, '$1.$2')
      .replace(/=\x27([a-zA-Z][\w-]*)\x27\]/g, '=$1]')
      .trim();
  return {
    name: 'ankieta-minify-css',
    transform(code, id) {
      if (!id.startsWith(src('')) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => `css\`${minify(text)}\``), map: null };
    },
  };
}

/**
 * Line breaks and indentation out of the html`` and svg`` templates of the script-tag bundles:
 * every run of white space that holds a line break becomes one space. A run of spaces renders as
 * one space, so the page looks and reads the same; none of the templates puts text in `<pre>` or
 * `<textarea>` content, where it would not. One place did change, for the better: the report's
 * list of text answers (`white-space: pre-line`, kept for the answers' own line breaks) showed
 * the template's line breaks around its items as blank lines. About 0.5 kB gzip.
 */
function collapseTemplateWhitespace(): Plugin {
  return rewriteTemplates('ankieta-collapse-template-whitespace', (raw) => raw.replace(/\s*\n\s*/g, ' '));
}

/**
 * The quotes around attribute values that need none, out of the html`` and svg`` templates of
 * the script-tag bundles: `part="base" class="label"` → `part=base class=label`. HTML reads an
 * unquoted value up to white space or `>`, so the parsed DOM is the same; only values of
 * letters, digits, `-`, `_`, `.` and `:` followed by white space or `>` lose them (never before
 * `/>`, where the slash would join the value), and bound values (`class="${…}"`) keep theirs.
 * Only tag text is touched: no template holds prose of the form `a="b"`. About 0.1 kB gzip.
 */
function unquoteTemplateAttributes(): Plugin {
  return rewriteTemplates('ankieta-unquote-template-attributes', (raw) => raw.replace(/(\s[\w:.-]+)="([\w:.-]+)"(?=[\s>])/g, '$1=$2'));
}

/** Rewrites the static text of every html`` and svg`` template under src/ with `rewrite`. */
function rewriteTemplates(name: string, rewrite: (raw: string) => string): Plugin {
  type Node = { type?: string; start: number; end: number; [key: string]: unknown };
  const visit = (node: unknown, found: (n: Node) => void): void => {
    if (Array.isArray(node)) for (const child of node) visit(child, found);
    else if (node && typeof node === 'object') {
      if (typeof (node as Node).type === 'string') found(node as Node);
      for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value, found);
    }
  };
  return {
    name,
    transform(code, id) {
      if (!id.startsWith(src('')) || !/\b(html|svg)`/.test(code)) return null;
      const edits: Array<[number, number, string]> = [];
      visit(this.parse(code), (node) => {
        const tag = node.tag as Node & { name?: string };
        if (node.type !== 'TaggedTemplateExpression' || tag.type !== 'Identifier' || !['html', 'svg'].includes(tag.name!)) return;
        for (const quasi of (node.quasi as { quasis: Array<Node & { value: { raw: string } }> }).quasis) {
          const raw = quasi.value.raw;
          if (code.slice(quasi.start, quasi.end) !== raw) throw new Error(`${id}: template text not where the parser put it`);
          const rewritten = rewrite(raw);
          if (rewritten !== raw) edits.push([quasi.start, quasi.end, rewritten]);
        }
      });
      if (!edits.length) return null;
      edits.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * A second minifier over the bundle the default one made: terser's compress passes find
 * about 0.5 kB gzip more (terser alone, instead of the default, does worse than either); a third
 * pass finds 25 B more, a fourth only 4. Skipped
 * when a source map is asked for, which this step would not update.
 */
/**
 * Protected members of the question elements' base class (FormControl) and their overrides:
 * called only between the element classes inside the bundle, never by name from a page, so the
 * script-tag bundles may shorten them. The ES module build keeps every name.
 */
const INTERNAL_MEMBERS = new RegExp(
  `^(${[
    'applyState',
    'captureState',
    'describedBy',
    'eagerError',
    'focusTarget',
    'formDisabled',
    'formValue',
    'invalidAttr',
    'isDisabled',
    'otherAnswerText',
    'questionName',
    'ownErrorVisible',
    'rawAnswer',
    'renderError',
    'renderHint',
    'renderLabelText',
    'renderRequiredText',
    'resolvedLocale',
    'restoreState',
    'shownError',
    'swallowInput',
    'syncForm',
    'userChanged',
    'internals',
    'controls',
    'answer',
    // Methods and options of the classes behind <ankieta-survey> (SurveyModel, SurveyController,
    // KioskController, OfflineSession, Delivery, Autosave, OfflineStore): none is a page-facing
    // name, a DOM name, a catalog key, or a field of stored or sent data (`lease`, `responseId`,
    // `startedAt`… stay). A name added here must not be any of those.
    'model',
    'questionsOn',
    'isFirstPage',
    'isLastPage',
    'toResponse',
    'validateAll',
    'validatePage',
    'validateQuestion',
    'setAnswer',
    'submittedAnswers',
    'shownPages',
    'sourceLocale',
    'pageIndex',
    'isShown',
    'goTo',
    'exportUndelivered',
    'flushDraft',
    'saveAnswer',
    'savePage',
    'postsNow',
    'isStopped',
    'unclaim',
    'claim',
    'deleteDrafts',
    'saveDraft',
    'undeliver',
    'enqueue',
    'rewrite',
    'pristine',
    'setPage',
    'adopt',
    'secondsLeft',
    'warningSeconds',
    'thanksSeconds',
    'idleSeconds',
    'completedBefore',
    'configure',
    // Options, results and status fields passed only between those classes;
    // none is stored, sent, exported or read by name.
    'storageAvailable',
    'database',
    'databaseName',
    'storeName',
    'openTimeoutMs',
    'requestTimeoutMs',
    'textDebounceMs',
    'debounceMs',
    'draftTtlDays',
    'clock',
    'newId',
    'isOnline',
    'onReconnect',
    'retryAfterMs',
    'timedOut',
    'dispose',
    'keepDraft',
    'forgetDraft',
    'draftId',
    'immediate',
    // More of the survey controllers' (submitted, restored; the kiosk's filling, warning, finish;
    // Delivery's, Autosave's and the controller's flush), and the survey element's own state
    // (reactive properties without an attribute, private in TypeScript).
    'submitted',
    'restored',
    'filling',
    'warning',
    'finish',
    'flush',
    'loadState',
    'fieldErrors',
    'notice',
  ].join('|')})$`,
);

/**
 * The message keys of the respondent and report catalogs, one or two letters long in the
 * script-tag bundles: every key is written three times or more (Polish, English, each use), and
 * names like `statusNotDeliveredMemory` cost about 0.5 kB gzip in each bundle. The bundles export
 * nothing, so no page can see a key; the ES module build, which exports the catalogs, keeps them
 * as written.
 *
 * Only keys of two or more words (`statusSaved`, not `loading`, which is also a document's
 * readyState) are renamed, and only where the bundle uses them as keys: as a string, or as a
 * property of an object whose properties are all message keys (the catalogs, the validity flag
 * map). A key the bundle also uses as any other name (`startOver`, a method; `kioskIdle`, a
 * property) keeps its name everywhere. A string that equals a two-word key but means something
 * else would be renamed too: none does (checked by hand; keep it so). And a key must never be
 * put together from parts, which the build refuses: `as MessageKey` is allowed only on the
 * named scales' `agree5_${n}` and `quality5_${n}` (one-word keys, never renamed) and on the
 * report's `key`, which is a whole key already; `as ReportKey` only on the report's table of
 * whole keys by kind of load error.
 */
function shortenMessageKeys(): Plugin {
  type Node = { type: string; start: number; end: number; [key: string]: unknown };
  const keys = new Set([...Object.keys(pl), ...Object.keys(reportPl)]);
  const nameOf = (node: Node): string | undefined =>
    node.type === 'Identifier' || node.type === 'PrivateIdentifier'
      ? (node.name as string)
      : node.type === 'Literal' && typeof node.value === 'string'
        ? node.value
        : // The minifier before this step writes strings as templates.
          node.type === 'TemplateLiteral' && !(node.expressions as Node[]).length
          ? ((node.quasis as Array<Node & { value: { cooked: string } }>)[0]!.value.cooked ?? undefined)
          : undefined;
  /** An object literal of message keys only: a catalog, or a map by key. */
  const keyed = (object: Node) =>
    (object.properties as Node[]).every(
      (p) =>
        p.type === 'Property' && !p.computed && !p.shorthand && !p.method && p.kind === 'init' && keys.has(nameOf(p.key as Node) ?? ''),
    );
  /** a…z, A…Z, then two letters: never a key of the catalogs, nor a number (which would reorder them). */
  function* shortNames() {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters) yield a;
    for (const a of letters) for (const b of letters) if (!['do', 'if', 'in'].includes(a + b)) yield a + b;
  }
  return {
    name: 'ankieta-shorten-message-keys',
    buildStart() {
      const allowed = /((`agree5_\$\{value\}`|`quality5_\$\{value\}`|\bkey) as MessageKey|\}\[error\.kind\] as ReportKey)\b/;
      for (const file of readdirSync(src(''), { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts')) continue;
        for (const [found] of readFileSync(src(file), 'utf8').matchAll(
          /.{0,24}\bas (MessageKey|ReportKey|keyof (typeof (pl|en|reportPl|reportEn)|Catalog))\b/g,
        ))
          if (!allowed.test(found))
            throw new Error(`src/${file}: "${found.trim()}": a message key put together from parts? (see shortenMessageKeys)`);
      }
    },
    generateBundle(output, bundle) {
      // With a source map (scripts/size-report.mjs) the code stays as mapped, as with terser.
      if (output.sourcemap) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const code = chunk.code;
        /** Where each two-word key is used as a key; and the keys also used otherwise. */
        const uses = new Map<string, Node[]>();
        const otherwise = new Set<string>();
        const visit = (node: unknown, parent?: Node, grandparent?: Node): void => {
          if (Array.isArray(node)) return node.forEach((child) => visit(child, parent, grandparent));
          if (!node || typeof node !== 'object') return;
          const n = node as Node;
          const name = nameOf(n);
          if (name !== undefined && keys.has(name) && /[A-Z]/.test(name)) {
            const propertyKey = parent?.type === 'Property' && parent.key === n && !parent.computed && !parent.shorthand;
            const asKey = propertyKey
              ? grandparent?.type === 'ObjectExpression' && keyed(grandparent)
              : n.type !== 'Identifier' &&
                n.type !== 'PrivateIdentifier' &&
                !(parent?.type === 'MemberExpression' && parent.property === n);
            if (asKey) uses.set(name, [...(uses.get(name) ?? []), n]);
            else otherwise.add(name);
          }
          for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value, n, parent);
        };
        visit(this.parse(code));
        const edits: Array<[number, number, string]> = [];
        const short = shortNames();
        // The most used keys get the one-letter names.
        for (const [key, nodes] of [...uses].sort((a, b) => b[1].length - a[1].length)) {
          if (otherwise.has(key)) continue;
          let name: string;
          do name = short.next().value!;
          while (keys.has(name));
          for (const node of nodes) {
            const text = code.slice(node.start, node.end);
            if (![key, `"${key}"`, `'${key}'`, `\`${key}\``].includes(text))
              throw new Error(`${chunk.fileName}: key ${key} not where the parser put it`);
            edits.push([node.start, node.end, node.type === 'Identifier' ? name : `"${name}"`]);
          }
        }
        edits.sort((a, b) => b[0] - a[0]);
        let out = code;
        for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
        chunk.code = out;
      }
    },
  };
}

/**
 * The DOM's property names, as terser lists them, less ours: terser keeps every name on its list
 * (so `model`, `database`, `answer`, `controls`, `isDisabled`… stayed long, about 30 B gzip), and
 * with `builtins` it would no longer keep its new short names off it either.
 */
const DOM_PROPERTIES = [...readFileSync(resolve(root, 'node_modules/terser/tools/domprops.js'), 'utf8').matchAll(/^ {4}"(.+)",$/gm)]
  .map((m) => m[1]!)
  .filter((name) => !INTERNAL_MEMBERS.test(name));
// A catalog key is read by its name (a string), which terser would not rename with the catalog's property.
for (const key of Object.keys(pl)) if (INTERNAL_MEMBERS.test(key)) throw new Error(`INTERNAL_MEMBERS holds the message key ${key}`);
if (DOM_PROPERTIES.length < 5000) throw new Error("terser's list of DOM property names was not read (vite.config.ts, DOM_PROPERTIES)");

/**
 * The English catalog as its phrases alone, in the order of the Polish keys, paired with those
 * keys when the bundle loads: its own keys were a second copy of the Polish ones (about 0.1 kB
 * gzip). The type checker holds en.ts to exactly the Polish keys; the build checks it again.
 * Nothing in the bundles walks the catalog, so the order of its keys (now the Polish one) shows
 * nowhere; the ES module build keeps en.ts as written.
 */
function englishByPosition(): Plugin {
  return {
    name: 'ankieta-english-by-position',
    transform(_code, id) {
      if (id !== src('i18n/en.ts')) return null;
      const keys = Object.keys(pl) as Array<keyof typeof pl>;
      if (Object.keys(en).length !== keys.length || !keys.every((key) => Object.hasOwn(en, key)))
        throw new Error('src/i18n/en.ts: not the keys of pl.ts');
      const phrases = JSON.stringify(keys.map((key) => en[key]));
      return {
        code: `import { pl } from './pl.js';\nconst phrases = ${phrases};\nexport const en = Object.fromEntries(Object.keys(pl).map((key, i) => [key, phrases[i]]));\n`,
        map: null,
      };
    },
  };
}

function terserAfterwards(): Plugin {
  return {
    name: 'ankieta-terser-afterwards',
    async generateBundle(output, bundle) {
      // With a source map (scripts/size-report.mjs) the default minifier's output stays, mapped.
      if (output.sourcemap) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await terser(chunk.code, {
          ecma: 2020,
          // Statements kept apart rather than joined by commas: gzip finds more repeats (15 B).
          // pure_getters: a property read may be moved or dropped even where its object could be
          // null (the default, "strict", keeps those for the TypeError). Checked by diffing terser's
          // unmangled output with and without it: it dropped only lit-html's unused `_$LH` table and
          // inlined a few reads next to calls whose order no getter of ours, Lit's or zod's can tell
          // (a choice's otherText, zod's `def.element._zod.run`, a storage error's `failure`, the
          // report's `this.loadError`); no layout read (there is none used for effect) and no read
          // that guards against null went. About 75 B gzip.
          // keep_fargs: false drops unused trailing parameters (changing only a function's
          // `length`, which nothing in the bundle reads: Lit's and zod's code and ours were searched),
          // unsafe_arrows writes anonymous functions without `this`/`arguments` as arrows and
          // unsafe_methods `{ get: function () {} }` as `{ get() {} }`: both make functions that
          // cannot be called with `new`, and every one so changed is called (or passed as a
          // getter, setter or check) and never constructed (checked by diffing terser's unmangled
          // output with and without: inlined helpers, zod's descriptors, a check's `validate`).
          // unsafe_comps stays off: it turns `if (t <= 0) a else b` into `if (t > 0) b else a`,
          // which differs for NaN. About 60 B gzip.
          compress: {
            passes: 3,
            sequences: false,
            pure_getters: true,
            keep_fargs: false,
            unsafe_arrows: true,
            unsafe_methods: true,
          },
          mangle: { properties: { regex: INTERNAL_MEMBERS, builtins: true, reserved: DOM_PROPERTIES } },
          format: { comments: false, ascii_only: true },
        });
        // Pure ASCII: a server that sends the file without a charset (Apache's and nginx's default
        // for .js) makes the browser decode it in the page's encoding, and on a windows-1250 or
        // ISO-8859-2 page (older BIP and Joomla sites) "Wyślij" became "WyĹ›lij". Terser escapes
        // strings and regular expressions (ascii_only); what is left is template text, where a
        // \u escape gives the same cooked string, which is what Lit reads.
        chunk.code = result.code!.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      }
    },
  };
}

/**
 * Lit's hooks for the ShadyDOM/ShadyCSS polyfills and hydration, and its version registries
 * (`window.litHtmlVersions`…, read by Lit's dev-mode warning about duplicate copies): the
 * bundles need no polyfill (es2022 browsers have shadow DOM) and render on the client only.
 * About 0.14 kB gzip.
 */
function stripLitHooks(): Plugin {
  return {
    name: 'ankieta-strip-lit-hooks',
    transform(code, id) {
      if (!/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return null;
      return {
        code: code
          .replace(/\(\w+\.(litHtml|reactiveElement|litElement)Versions\?\?=\[\]\)\.push\("[\d.]+"\)/g, 'void 0')
          .replace(/\b\w+\.(litHtml|reactiveElement|litElement)PolyfillSupport\b/g, 'void 0')
          .replace(/\b\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)/g, 'void 0'),
        map: null,
      };
    },
  };
}

/**
 * ReactiveElement's support for decorators: `static addInitializer()` and the initializers it
 * runs for each instance, and the standard decorators' property metadata (`Symbol.metadata`,
 * the global `litPropertyMetadata`). Only Lit's decorators use them; the elements declare their
 * properties in `static properties` and use no decorator. A page can still reach the classes
 * (`customElements.get`), but subclassing them is not supported with the script-tag bundles (README
 * says so: use the npm modules): a subclass's decorators, `useDefault`, `hasChanged` and
 * `noAccessor` options are not honoured there. Each piece must be found, or the build fails (a new Lit may have moved
 * it). About 60 B gzip.
 */
function stripLitDecoratorSupport(): Plugin {
  const pieces = [
    /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap;/,
    /static addInitializer\(\w+\)\{this\._\$Ei\(\),\(this\.l\?\?=\[\]\)\.push\(\w+\)\}/,
    /void 0!==(\w+)\.l&&\(this\.l=\[\.\.\.\1\.l\]\),/,
    /,this\.constructor\.l\?\.forEach\((\w+)=>\1\(this\)\)/,
    /const (\w+)=this\[Symbol\.metadata\];if\(null!==\1\)\{const (\w+)=litPropertyMetadata\.get\(\1\);if\(void 0!==\2\)for\(const\[\w+,\w+\]of \2\)this\.elementProperties\.set\(\w+,\w+\)\}/,
  ];
  return cutReactiveElement('ankieta-strip-lit-decorator-support', pieces, /metadata|addInitializer|\.l\b/);
}

/**
 * ReactiveElement's `useDefault` property option (a reflected property whose default value
 * does not put the attribute on the element): no element declares it, so the map of default
 * values it keeps is never made, and the code that fills and reads it never runs. Each piece must
 * be found, or the build fails. About 40 B gzip.
 */
function stripLitUseDefault(): Plugin {
  return cutReactiveElement(
    'ankieta-strip-lit-use-default',
    [
      /,useDefault:!1(?=,)/,
      /\|\|\w+\.useDefault&&\w+\.reflect&&\w+===this\._\$Ej\?\.get\(\w+\)&&!this\.hasAttribute\(\w+\._\$Eu\(\w+,\w+\)\)/,
      [/\{useDefault:(\w+),reflect:(\w+),wrapped:\w+\}/, '{reflect:$2}'],
      /\w+&&!\(this\._\$Ej\?\?=new Map\)\.has\((\w+)\)&&\(this\._\$Ej\.set\(\1,(\w+)\?\?\w+\?\?this\[\1\]\),!0!==\w+\|\|void 0!==\2\)\|\|/,
      [/\(this\.hasUpdated\|\|\w+\|\|\((\w+)=void 0\)/, '(this.hasUpdated||($1=void 0)'],
      [/=(\w+)\?\?this\._\$Ej\?\.get\(\w+\)\?\?\1(?=,)/, '=$1'],
    ],
    /useDefault|_\$Ej/,
  );
}

/**
 * lit-html's MathML templates (`mathml```): the bundles import only `html` and `svg`, so a
 * template's type is never 3 and the `<math>` wrapping never happens. About 15 B gzip.
 */
function stripLitMathml(): Plugin {
  return cutLibrary(
    'ankieta-strip-lit-mathml',
    /node_modules\/lit-html\/lit-html\.js$/,
    [
      [/:3===\w+\?"<math>":""/, ':""'],
      [/:3===\w+\?"<\/math>":""/, ':""'],
      [/(2===(\w+))\|\|3===\2(?=\))/, '$1'],
    ],
    /<\/?math>|3===/,
  );
}

/**
 * lit-html's tracking of whether each part is connected (`_$AU`, `setConnected`, the
 * `isConnected` render option), which only async directives read and only they hook into
 * (`_$AP`): the bundles use none (`keyed`, `ifDefined` and our `live` are synchronous), so a
 * part never asks and nothing is told. LitElement's connected and disconnected callbacks then
 * only call ReactiveElement's, which they are left to. Each piece must be found, and none of
 * those names may be left, or the build fails. About 40 B gzip.
 */
function stripLitConnectionTracking(): Plugin[] {
  const gone = /_\$AU|_\$Cv|_\$AP|setConnected|isConnected/;
  return [
    cutLibrary(
      'ankieta-strip-lit-connection-tracking-html',
      /node_modules\/lit-html\/lit-html\.js$/,
      [
        [/get _\$AU\(\)\{return this\._\$AM\._\$AU\}/g, ''],
        /get _\$AU\(\)\{return this\._\$AM\?\._\$AU\?\?this\._\$Cv\}/,
        /,this\._\$Cv=\w+\?\.isConnected\?\?!0/,
        [/for\(this\._\$AP\?\.\(!1,!0,\w+\);/, 'for(;'],
        /setConnected\((\w+)\)\{void 0===this\._\$AM&&\(this\._\$Cv=\1,this\._\$AP\?\.\(\1\)\)\}/,
      ],
      gone,
    ),
    cutLibrary(
      'ankieta-strip-lit-connection-tracking-element',
      /node_modules\/lit-element\/lit-element\.js$/,
      [
        /this\.hasUpdated\|\|\(this\.renderOptions\.isConnected=this\.isConnected\),/,
        /connectedCallback\(\)\{super\.connectedCallback\(\),this\._\$Do\?\.setConnected\(!0\)\}/,
        /disconnectedCallback\(\)\{super\.disconnectedCallback\(\),this\._\$Do\?\.setConnected\(!1\)\}/,
      ],
      gone,
    ),
    cutLibrary(
      'ankieta-strip-lit-connection-tracking-directive',
      /node_modules\/lit-html\/directive\.js$/,
      [/get _\$AU\(\)\{return this\._\$AM\._\$AU\}/],
      gone,
    ),
  ];
}

/**
 * lit-html's support for templates made ahead of time by Lit's template compiler (an object
 * with `h` and `el` in `_$litType$`) and for a scoped registry's `creationScope` render option:
 * every template in the bundles is an html`` or svg`` literal, whose type is a number, and no
 * element sets `creationScope`. Each piece must be found, or the build fails. About 20 B gzip.
 */
function stripLitCompiledTemplates(): Plugin {
  return cutLibrary(
    'ankieta-strip-lit-compiled-templates',
    /node_modules\/lit-html\/lit-html\.js$/,
    [
      [
        /"number"==typeof (\w+)\?(this\._\$AC\(\w+\)):\(void 0===\1\.el&&\(\1\.el=\w+\.createElement\(\w+\(\1\.h,\1\.h\[0\]\),this\.options\)\),\1\)/,
        '$2',
      ],
      [/\(\w+\?\.creationScope\?\?(\w+)\)\.importNode/, '$1.importNode'],
    ],
    /creationScope|\.h\[0\]/,
  );
}

/**
 * ReactiveElement's `hasChanged` and `noAccessor` property options: no element declares either
 * (checkLitFeaturesUnused), so every property compares with Lit's default `notEqual` and gets its
 * accessor. Each piece must be found, or the build fails. About 10 B gzip.
 */
function stripLitUnusedPropertyOptions(): Plugin {
  return cutReactiveElement(
    'ankieta-strip-lit-unused-property-options',
    [/,hasChanged:\w+(?=\})/, [/\(\w+\.hasChanged\?\?(\w+)\)\(/, '$1('], [/,!\w+\.noAccessor\)/, ',!0)']],
    /hasChanged|noAccessor/,
  );
}

/**
 * The default attribute converter's JSON for properties of `type: Object` or `type: Array`: no
 * element declares either (checkLitFeaturesUnused; objects and arrays are properties without an
 * attribute), so every attribute is text, a number or a flag. Each piece must be found, or the
 * build fails. About 30 B gzip.
 */
function stripLitJsonConverter(): Plugin {
  return cutReactiveElement(
    'ankieta-strip-lit-json-converter',
    [
      /;break;case Object:case Array:\w+=null==\w+\?\w+:JSON\.stringify\(\w+\)(?=\})/,
      /;break;case Object:case Array:try\{\w+=JSON\.parse\(\w+\)\}catch\(\w+\)\{\w+=null\}(?=\})/,
    ],
    /case Object|JSON/,
  );
}

/**
 * zod's version stamp on every schema (`schema._zod.version`, for tools that meet schemas from
 * two copies of zod): nothing in the bundles reads it, and their schemas never leave them. The
 * piece must be found, or the build fails. About 20 B gzip.
 */
function stripZodVersionStamp(): Plugin {
  return cutLibrary('ankieta-strip-zod-version-stamp', /node_modules\/zod\/v4\/core\/schemas\.js$/, [
    /\n\s*inst\._zod\.version = version;/,
  ]);
}

/**
 * zod/mini schemas' methods that src/ never calls: `parse`, `parseAsync`, `safeParseAsync`,
 * `with`, `brand`, `register` and `apply` (only `safeParse`, `check` and the `clone` it uses
 * are). The bundles' schemas are built inside them and never handed to a page, so nothing else
 * can call them either; with them go zod's throwing and asynchronous parse functions.
 */
function stripZodUnusedMethods(): Plugin {
  return cutLibrary('ankieta-strip-zod-unused-methods', /node_modules\/zod\/v4\/mini\/schemas\.js$/, [
    /\n\s*\/\/ `with` is an alias[^\n]*\n\s*get with\(\) \{\n\s*return this\.check;\n\s*\},\n\s*set with\(value\) \{\n[^\n]*\n\s*\},/,
    /\n\s*parse\(data, params\) \{\n[^\n]*\n\s*\},/,
    /\n\s*parseAsync\(data, params\) \{\n[^\n]*\n\s*\},/,
    /\n\s*safeParseAsync\(data, params\) \{\n[^\n]*\n\s*\},/,
    /\n\s*brand\(\) \{\n[^\n]*\n\s*\},/,
    /\n\s*register\(reg, meta\) \{\n[^\n]*\n[^\n]*\n\s*\},/,
    /\n\s*apply\(fn, \.\.\.args\) \{\n[^\n]*\n\s*\},/,
  ]);
}

/**
 * The error object of a failed `safeParse`, of which src/ reads `issues` only (schema/parse.ts):
 * a plain object holding them, instead of zod's Error subclass with its lazily written message
 * and toString. It never leaves the bundle (the issues are turned into messages first).
 */
function plainZodError(): Plugin {
  return cutLibrary('ankieta-plain-zod-error', /node_modules\/zod\/v4\/core\/parse\.js$/, [
    [
      /export const safeParse = \/\* @__PURE__\*\/ _safeParse\(errors\.\$ZodRealError\);/,
      'export const safeParse = /* @__PURE__*/ _safeParse(function (issues) { this.issues = issues; });',
    ],
  ]);
}

/**
 * zod's `Parent` option of its class factory, which only its Error subclass passes (replaced by
 * plainZodError): every zod class left in the bundles is a plain one, made with `new`. Also the
 * classes' `instanceof` by traits, which nothing in the bundles asks of a zod class (zod's own
 * uses are in schemas the bundles do not build; src/ has none). And the copying of methods a
 * program added to a zod class's prototype onto each instance: zod's own members are installed
 * not enumerable, and no page can reach the classes to add any.
 */
function stripZodErrorParent(): Plugin {
  return cutLibrary(
    'ankieta-strip-zod-error-parent',
    /node_modules\/zod\/v4\/core\/core\.js$/,
    [
      /\n\s*\/\/ doesn't work if Parent[^\n]*\n\s*const Parent = params\?\.Parent \?\? Object;\n\s*class Definition extends Parent \{\n\s*\}\n\s*Object\.defineProperty\(Definition, "name", \{ value: name \}\);/,
      [/const inst = params\?\.Parent \? newError\(Definition\) : this;/, 'const inst = this;'],
      /\n\s*\/\/ support prototype modifications;[^\n]*\n\s*const proto = _\.prototype;\n\s*for \(const k (in proto|of Object\.keys\(proto\))\) \{\n\s*if \(!Object\.prototype\.hasOwnProperty\.call\(proto, k\)\)\n\s*continue;\n\s*if \(!\(k in inst\)\) \{\n\s*inst\[k\] = proto\[k\]\.bind\(inst\);\n\s*\}\n\s*\}/,
      /\n\s*Object\.defineProperty\(_, Symbol\.hasInstance, \{\n\s*value: \(inst\) => \{\n\s*if \(params\?\.Parent && inst instanceof params\.Parent\)\n\s*return true;\n\s*return inst\?\._zod\?\.traits\?\.has\(name\);\n\s*\},\n\s*\}\);/,
    ],
    /Parent/,
  );
}

/**
 * The regular expressions zod keeps on each schema (`_zod.pattern`: set on strings, numbers and
 * booleans, derived lazily for unions, enums, optionals…), which only template-literal schemas
 * and JSON Schema output read: the bundles build neither (src/schema/json-schema.ts is for the
 * ES modules and the build scripts), and no check of theirs looks at a schema's pattern.
 */
function stripZodPatterns(): Plugin {
  type Node = { type: string; start: number; end: number; [key: string]: unknown };
  return {
    name: 'ankieta-strip-zod-patterns',
    transform(code, id) {
      if (!/node_modules\/zod\/v4\/core\/schemas\.js$/.test(id)) return null;
      const edits: Array<[number, number]> = [];
      const text = (n: Node) => code.slice(n.start, n.end);
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        const n = node as Node;
        if (n.type === 'ExpressionStatement') {
          const e = n.expression as Node;
          const args = e.arguments as Node[] | undefined;
          if (
            (e.type === 'AssignmentExpression' && text(e.left as Node) === 'inst._zod.pattern') ||
            (e.type === 'CallExpression' &&
              text(e.callee as Node) === 'util.defineLazyInternal' &&
              args![1] &&
              text(args![1]) === '"pattern"')
          ) {
            edits.push([n.start, n.end]);
            return;
          }
        }
        for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
      };
      visit(this.parse(code));
      if (edits.length < 10) throw new Error(`${id}: fewer patterns than expected (see ankieta-strip-zod-patterns)`);
      edits.sort((a, b) => b[0] - a[0]);
      let out = code;
      for (const [start, end] of edits) out = out.slice(0, start) + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * zod's parse options that the bundles never set: they call `safeParse(value)` alone (its context
 * is `{ async: false }`), so no parse runs backward (codecs' encode), skips checks (set only by a
 * backward parse) or stops early (set by zod's `validate`), and no schema of theirs coerces
 * (`z.coerce`). The branches for them go.
 */
function stripZodUnusedParseOptions(): Plugin {
  return cutLibrary('ankieta-strip-zod-unused-parse-options', /node_modules\/zod\/v4\/core\/schemas\.js$/, [
    [/\bctx\??\.direction === "backward"/g, 'false'],
    [/\bctx\??\.direction !== "backward"/g, 'true'],
    [/\bif \(ctx\.skipChecks\)/g, 'if (false)'],
    [/!ctx\?\.skipChecks/g, 'true'],
    [/\bctx\?\.abortEarly\b/g, 'undefined'],
    [/\bif \(def\.coerce\)/g, 'if (false)'],
  ]);
}

/**
 * zod's handling of asynchronous results (a check, refinement or transform that returns a
 * Promise): no schema of the bundles has one (only `z.check` and `refine` in src/schema/zod.ts,
 * which return nothing and a boolean), so no result is ever a Promise.
 */
function stripZodAsync(): Plugin {
  return cutLibrary('ankieta-strip-zod-async', /node_modules\/zod\/v4\/core\/(schemas|parse)\.js$/, [
    [/\b[\w$]+ instanceof Promise\b/g, 'false'],
  ]);
}

/** zod's Standard Schema surface (`schema['~standard']`), which only other libraries read: none is in the bundles. */
function stripZodStandardSchema(): Plugin {
  return cutLibrary('ankieta-strip-zod-standard-schema', /node_modules\/zod\/v4\/core\/schemas\.js$/, [
    /\n\s*\/\/ Wrappers extend this[^\n]*\n\s*get "~standard"\(\) \{\n[^\n]*\n\s*\},\n\s*set "~standard"\(value\) \{\n[^\n]*\n\s*\},/,
  ]);
}

/** Takes each piece (a pattern, or a pattern and its replacement) out of ReactiveElement, which must hold it. */
function cutReactiveElement(name: string, pieces: Array<RegExp | [RegExp, string]>, gone?: RegExp): Plugin {
  return cutLibrary(name, /node_modules\/@lit\/reactive-element\/reactive-element\.js$/, pieces, gone);
}

/** Takes each piece (a pattern, or a pattern and its replacement) out of the library file `file`, which must hold it. */
function cutLibrary(name: string, file: RegExp, pieces: Array<RegExp | [RegExp, string]>, gone?: RegExp): Plugin {
  return {
    name,
    transform(code, id) {
      if (!file.test(id)) return null;
      let out = code;
      for (const piece of pieces) {
        const [pattern, replacement] = Array.isArray(piece) ? piece : [piece, ''];
        if (!pattern.test(out)) throw new Error(`${id}: ${pattern} not found (see ${name})`);
        out = out.replace(pattern, replacement);
      }
      if (gone?.test(out)) throw new Error(`${id}: ${gone} still there (see ${name})`);
      return { code: out, map: null };
    },
  };
}

/**
 * zod walks its own tables and the objects it parses with `for…in`, which also visits what a host
 * page put on `Object.prototype` as enumerable (old CMS scripts do): the bundle then threw while
 * loading (`members()` read the descriptor of an inherited key) and a strict object would have
 * reported the page's key as unknown. In the script-tag bundles those loops walk own keys only.
 * zod also copies a Set or a Map's keys with `Array.from`, which Prototype.js and MooTools replace
 * with functions that give [] or [the Set itself]: those copies are spread instead.
 */
function zodPageProof(): Plugin {
  return {
    name: 'ankieta-zod-page-proof',
    transform(code, id) {
      if (!/node_modules\/zod\//.test(id)) return null;
      const out = code
        .replace(/for \(const (\w+) in ([\w.]+)\)/g, 'for (const $1 of Object.keys($2))')
        .replace(/\bArray\.from\(([\w.]+(?:\(\))?)\)/g, '[...$1]');
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Library errors that only a mistake in the bundle's own fixed code could raise, with shorter
 * messages in the script-tag bundles: Lit's css`` given a value that is not CSS (our css``
 * blocks are fixed, and the tag is not reachable from a page), and zod's errors for a schema
 * built wrongly (our schemas are fixed, built when the bundle loads, and zod is not reachable
 * from a page either; a definition or response is data and never meets these), and zod's error for
 * an asynchronous check met by a synchronous parse (no check of ours is asynchronous). Any such mistake
 * throws on every load, so the tests would meet it first; the ES module build keeps the
 * libraries' own words. Lit's "CSSResult is not constructable" stays: a page can reach that
 * constructor through an element's `styles`. About 0.14 kB gzip.
 */
function shortenUnreachableErrors(): Plugin {
  const messages: Array<[RegExp, string]> = [
    [
      /"Value passed to 'css' function must be a 'css' function result: "\+(\w+)\+"\. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security\."/,
      '"css: not CSS: "+$1',
    ],
    [/`Invalid discriminated union option at index "\$\{[^`]*\}"`/g, '"zod: discriminated union option without its discriminator"'],
    [/`Duplicate discriminator value "\$\{String\(value\)\}"`/, '"zod: duplicate discriminator value"'],
    [/`Invalid element at key "\$\{String\(k\)\}": expected a Zod schema`/, '"zod: object shape holds a non-schema"'],
    [/"Cannot specify both `message` and `error` params"/, '"zod: message and error"'],
    [/"Uninitialized schema in ZodMiniType\."/, '"zod: uninitialized schema"'],
    [/"Async schemas not supported in object keys currently"/g, '"zod: async record key"'],
    // No schema of the bundles has an asynchronous check.
    [/`Encountered Promise during synchronous parse\. Use \.parseAsync\(\) instead\.`/, '"zod: async check"'],
  ];
  return {
    name: 'ankieta-shorten-unreachable-errors',
    transform(code, id) {
      if (!/node_modules\/(@lit\/reactive-element\/css-tag|zod\/v4\/(core\/(core|schemas|util)|mini\/schemas))\.js$/.test(id)) return null;
      let out = code;
      for (const [pattern, short] of messages) out = out.replace(pattern, short);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * What the strip…Lit… plugins take out of Lit must stay unused by src/: Lit's decorators, MathML
 * templates, async directives (which need the connection tracking) and the property options
 * `useDefault`, `hasChanged` and `noAccessor`, and `type: Object` or `type: Array`. The build fails
 * on the first file that uses one.
 */
function checkLitFeaturesUnused(): void {
  const used =
    /\b(useDefault|hasChanged|noAccessor|creationScope|mathml|AsyncDirective)\b|\btype: (Object|Array)\b|from 'lit\/(decorators|async-directive|directives\/(until|async-append|async-replace|ref))\.js'/;
  for (const file of readdirSync(src(''), { recursive: true, encoding: 'utf8' })) {
    const found = file.endsWith('.ts') && used.exec(readFileSync(src(file), 'utf8'));
    if (found) throw new Error(`src/${file} uses ${found[0]}, which the script-tag bundles leave out of Lit (see checkLitFeaturesUnused)`);
  }
}

/**
 * What stripZodUnusedMethods, stripZodStandardSchema and plainZodError take out of zod must stay
 * unused by src/: a schema's `parse`, `parseAsync`, `safeParseAsync`, `with`, `brand`,
 * `register`, `apply` and `~standard`, and a failed `safeParse`'s error other than its `issues`.
 * The build fails on the first file that seems to use one (`.parse(` other than JSON's and
 * Date's, `.error.` not followed by `issues`).
 */
function checkZodFeaturesUnused(): void {
  const used = /(?<!\bJSON|\bDate)\.parse\(|\.(parseAsync|safeParseAsync|with|brand|register|apply)\(|~standard|\.error\.(?!issues\b)\w/;
  for (const file of readdirSync(src(''), { recursive: true, encoding: 'utf8' })) {
    const found = file.endsWith('.ts') && used.exec(readFileSync(src(file), 'utf8'));
    if (found) throw new Error(`src/${file} uses ${found[0]}, which the script-tag bundles leave out of zod (see checkZodFeaturesUnused)`);
  }
}

/** One self-contained IIFE file per script-tag entry: no chunks, so SRI covers everything. */
function scriptBuild(entry: string, fileName: string) {
  checkLitFeaturesUnused();
  checkZodFeaturesUnused();
  return defineConfig({
    plugins: [
      stripLitHooks(),
      stripLitDecoratorSupport(),
      stripLitUseDefault(),
      stripLitUnusedPropertyOptions(),
      stripLitJsonConverter(),
      stripLitMathml(),
      ...stripLitConnectionTracking(),
      stripLitCompiledTemplates(),
      zodPageProof(),
      stripZodVersionStamp(),
      stripZodUnusedMethods(),
      stripZodStandardSchema(),
      plainZodError(),
      stripZodErrorParent(),
      stripZodPatterns(),
      stripZodUnusedParseOptions(),
      stripZodAsync(),
      shortenUnreachableErrors(),
      minifyCss(),
      collapseTemplateWhitespace(),
      unquoteTemplateAttributes(),
      englishByPosition(),
      shortenMessageKeys(),
      terserAfterwards(),
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: src(entry), formats: ['iife'], name: 'Ankieta', fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
}

export default defineConfig(({ mode, command }) => {
  if (command === 'serve') {
    // `npm start`: the demo pages import ../src/*.ts directly.
    return { server: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173), open: false } };
  }
  if (mode === 'iife') return scriptBuild('embed.ts', 'ankieta.js');
  if (mode === 'report') return scriptBuild('report-entry.ts', 'ankieta-report.js');
  // npm build: ES modules mirroring src/, runtime dependencies left to the application's bundler.
  return {
    build: {
      outDir: 'dist/esm',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: { index: src('index.ts'), elements: src('elements.ts'), ...elementEntries() }, formats: ['es'] },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^idb-keyval($|\/)/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});

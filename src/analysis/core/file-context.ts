import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { ModuleParser } from '../resolve/module-parser.js';
import { createModuleParser } from '../resolve/module-parser.js';
import type { TypeServices } from '../resolve/types.js';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/**
 * Per-file analysis shared by every rule of the plugin.
 *
 * The first rule that asks a question for a file computes the answer; the others reuse it. The
 * table is keyed by the file's `Program` node, so nothing outlives the file: when ESLint drops the
 * AST, the answers go with it (no module-level state survives a file, in a worker thread or in an
 * editor server that runs for hours).
 */
export class FileContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly program: TSESTree.Program;
  /** Set for another project file analysed in typed mode (not the file being linted). */
  readonly project: { readonly sourceFile: ts.SourceFile; readonly types: TypeServices } | null;
  /** `context.settings` of the lint run (the memoizer table reads `settings['memo-leak']`). */
  readonly settings: unknown;
  // The parser and the file name are read from the rule context on first use: most files never ask.
  #moduleParser: ModuleParser | null | (() => ModuleParser | null);
  #filename: string | null | (() => string | null);
  readonly #tables = new Map<string, WeakMap<object, unknown>>();
  /** Answers keyed by the file's own `Program` (one per table): a plain map, no WeakMap per table and file. */
  readonly #perFile = new Map<string, unknown>();
  readonly #byName = new Map<string, Map<string, unknown>>();
  #scriptSetup: ReadonlyArray<readonly [number, number]> | undefined;

  constructor(
    sourceCode: Readonly<TSESLint.SourceCode>,
    project: { readonly sourceFile: ts.SourceFile; readonly types: TypeServices } | null = null,
    moduleParser: ModuleParser | null | (() => ModuleParser | null) = null,
    filename: string | null | (() => string | null) = null,
    settings: unknown = undefined,
  ) {
    this.sourceCode = sourceCode;
    this.program = sourceCode.ast;
    this.project = project;
    this.#moduleParser = moduleParser;
    this.#filename = filename;
    this.settings = settings;
  }

  /** Parses other modules of the project with the parser of the linted file (`null`: none to use). */
  get moduleParser(): ModuleParser | null {
    if (typeof this.#moduleParser === 'function') this.#moduleParser = this.#moduleParser();
    return this.#moduleParser;
  }

  /** The file's absolute path on disk, or `null` (text linted without a file, `<input>`). */
  get filename(): string | null {
    if (typeof this.#filename === 'function') this.#filename = this.#filename();
    const filename = this.#filename;
    return filename && path.isAbsolute(filename) ? filename : null;
  }

  /**
   * A Vue single-file component with `<script setup>`: its top level is the body of the component's
   * `setup()`, which runs once per component instance, so nothing declared there lives for the life of
   * the program (a plain `<script>` block beside it is not told apart: its bindings count as per
   * instance too, which only costs findings).
   */
  get isVueScriptSetup(): boolean {
    return this.#scriptSetupRanges().length > 0;
  }

  /** Is `node` inside the `<script setup>` block of a Vue single-file component (see `isVueScriptSetup`)? */
  inVueScriptSetup(node: TSESTree.Node): boolean {
    const [start] = node.range;
    return this.#scriptSetupRanges().some(([from, to]) => start >= from && start < to);
  }

  #scriptSetupRanges(): ReadonlyArray<readonly [number, number]> {
    if (this.#scriptSetup === undefined) {
      if (typeof this.#filename === 'function') this.#filename = this.#filename();
      const ranges: Array<readonly [number, number]> = [];
      const text = this.sourceCode.text;
      if ((this.#filename ?? '').endsWith('.vue') && text.includes('setup')) {
        const block = /<script\b[^>]*\ssetup\b[^>]*>/gi;
        for (let match = block.exec(text); match !== null; match = block.exec(text)) {
          const end = text.indexOf('</script', block.lastIndex);
          ranges.push([block.lastIndex, end === -1 ? text.length : end]);
        }
      }
      this.#scriptSetup = ranges;
    }
    return this.#scriptSetup;
  }

  /** Memoizes `compute()` under `(table, key)` for the life of this file. */
  cached<K extends object, V>(table: string, key: K, compute: () => V): V {
    if ((key as object) === this.program) {
      if (this.#perFile.has(table)) return this.#perFile.get(table) as V;
      const value = compute();
      this.#perFile.set(table, value);
      return value;
    }
    let entries = this.#tables.get(table);
    if (!entries) {
      entries = new WeakMap();
      this.#tables.set(table, entries);
    }
    if (entries.has(key)) return entries.get(key) as V;
    const value = compute();
    entries.set(key, value);
    return value;
  }

  /** Memoizes `compute()` under `(table, name)` for the life of this file: answers keyed by a string (a module specifier). */
  cachedByName<V>(table: string, name: string, compute: () => V): V {
    let entries = this.#byName.get(table);
    if (!entries) {
      entries = new Map();
      this.#byName.set(table, entries);
    }
    if (entries.has(name)) return entries.get(name) as V;
    const value = compute();
    entries.set(name, value);
    return value;
  }

  /** The variable an identifier refers to, or `null` for an undeclared global or an unknown name. */
  findVariable(node: TSESTree.Identifier): Variable | null {
    return findVariable(this.sourceCode.getScope(node), node.name);
  }

  /** The variable named `name` as seen from `node` (for globals like `Map` that may be shadowed). */
  findVariableByName(node: TSESTree.Node, name: string): Variable | null {
    return findVariable(this.sourceCode.getScope(node), name);
  }

  /** `true` when `name` at `node` is the built-in global (not shadowed by an import or declaration). */
  isGlobalReference(node: TSESTree.Node, name: string): boolean {
    const variable = this.findVariableByName(node, name);
    return variable === null || variable.defs.length === 0;
  }
}

const contexts = new WeakMap<TSESTree.Program, FileContext>();

export function getFileContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileContext {
  const sourceCode = context.sourceCode;
  let fileContext = contexts.get(sourceCode.ast);
  if (!fileContext) {
    fileContext = new FileContext(
      sourceCode,
      null,
      () => createModuleParser(context),
      () => context.physicalFilename ?? context.filename,
      context.settings,
    );
    contexts.set(sourceCode.ast, fileContext);
  }
  return fileContext;
}

/**
 * Code in this scope runs once per program run: the module (or CommonJS wrapper) itself, or blocks
 * nested in it without a function boundary. In a Vue single-file component with `<script setup>`,
 * whose top level runs once per component instance, only code `at` a node of another `<script>`
 * block is (no `at`: not).
 */
export function isModuleLevelScope(scope: Scope | null, at?: TSESTree.Node): boolean {
  for (let current = scope; current; current = current.upper) {
    switch (current.type) {
      case 'global':
      case 'module': {
        const file = contexts.get(current.block as TSESTree.Program);
        return !file?.isVueScriptSetup || (at !== undefined && !file.inVueScriptSetup(at));
      }
      case 'function':
        // ESLint's CommonJS wrapper scope (sourceType "commonjs").
        if (current.block.type === 'Program') return true;
        // A module wrapped in an IIFE or a UMD factory runs once: `(function () { … })()`,
        // `(function (root, factory) { … })(this, function () { … })`.
        if (runsOnce(current.block) || isAmdFactory(current)) continue;
        return false;
      case 'block':
      case 'for':
      case 'switch':
      case 'catch':
      case 'tsModule': // `namespace X { … }` at the top runs once
      case 'function-expression-name': // the scope of a named IIFE's own name (`(function withAngular() {…})()`)
        continue;
      default:
        return false;
    }
  }
  return false;
}

/** A function expression called right where it is written, or passed as the factory of such a call. */
function runsOnce(fn: TSESTree.Node): boolean {
  if (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return false;
  const isIife = (node: TSESTree.Node): TSESTree.CallExpression | null => {
    let callee: TSESTree.Node = node;
    let parent = node.parent;
    // `(function () {}).call(this)`
    if (parent?.type === 'MemberExpression' && parent.object === node && !parent.computed && parent.property.type === 'Identifier' && ['call', 'apply'].includes(parent.property.name)) {
      callee = parent;
      parent = parent.parent;
    }
    if (parent?.type !== 'CallExpression' || parent.callee !== callee) return null;
    return isStatementValue(parent) ? parent : null;
  };
  if (isIife(fn)) return true;
  if (isInjectorFactory(fn)) return true;
  // The UMD factory: an argument of a module-level IIFE (the wrapper calls it once).
  const call = fn.parent;
  return (
    call?.type === 'CallExpression' &&
    call.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
    (call.callee.type === 'FunctionExpression' || call.callee.type === 'ArrowFunctionExpression') &&
    isIife(call.callee) !== null
  );
}

/**
 * `define([…], function (…) {…})` as a statement: AMD's loader calls a module's factory once and keeps
 * what it returns, so the factory's body is the module's top level. `define` must be the global one
 * (the file declares none).
 */
function isAmdFactory(scope: Scope): boolean {
  const fn = scope.block;
  const call = fn.parent;
  if (fn.type !== 'FunctionExpression' || call?.type !== 'CallExpression' || call.arguments.at(-1) !== fn) return false;
  if (call.callee.type !== 'Identifier' || call.callee.name !== 'define' || call.parent?.type !== 'ExpressionStatement') return false;
  let top: Scope = scope;
  while (top.upper) top = top.upper;
  const declared = top.set.get('define');
  if (declared && declared.defs.length > 0) return false;
  // a module-scope `define` (ESM or CommonJS wrapper) would be declared below the global scope
  return !top.childScopes.some((child) => child.set.get('define')?.defs.length);
}

/**
 * Registrations whose factory AngularJS's injector calls once per application and keeps the result
 * of: `app.factory('store', fn)`, `service` (constructed once), `provider`, `directive` (the
 * definition; its `link` runs per element), `filter`, `decorator`. A controller is not one: it runs
 * per instance.
 */
const INJECTOR_REGISTRATIONS = new Set(['factory', 'service', 'provider', 'directive', 'filter', 'decorator']);

/**
 * `module.factory('name', function (…) {…})`, also with its dependencies written inline
 * (`['$window', function ($window) {…}]`), in a statement that runs once.
 */
function isInjectorFactory(fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): boolean {
  let node: TSESTree.Node = fn;
  let parent = fn.parent;
  if (parent?.type === 'ArrayExpression' && parent.elements.at(-1) === fn) {
    node = parent;
    parent = parent.parent;
  }
  if (parent?.type !== 'CallExpression' || parent.arguments.length !== 2 || parent.arguments[1] !== node) return false;
  const [name] = parent.arguments;
  const callee = parent.callee;
  if (name?.type !== 'Literal' || typeof name.value !== 'string' || callee.type !== 'MemberExpression' || callee.computed) return false;
  if (callee.property.type !== 'Identifier' || !INJECTOR_REGISTRATIONS.has(callee.property.name)) return false;
  // The registration is a statement of its own or a link of a chain of them (`app.factory(…).directive(…)`).
  let statement: TSESTree.Node = parent;
  while (statement.parent?.type === 'MemberExpression' && statement.parent.object === statement && statement.parent.parent?.type === 'CallExpression') {
    statement = statement.parent.parent;
  }
  return statement.parent?.type === 'ExpressionStatement' || (statement.parent?.type === 'VariableDeclarator' && statement.parent.init === statement);
}

/**
 * Is `call` evaluated once where its statement runs: the statement itself (`(function () {…})();`), or
 * the value it stores (`var Foo = (function () { function Foo() {} … return Foo; })();`, the class
 * pattern of TypeScript's ES5 output, CoffeeScript and Babel), in straight-line code of its scope?
 */
function isStatementValue(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  let statement: TSESTree.Node | undefined;
  if (parent.type === 'ExpressionStatement') statement = parent;
  else if (parent.type === 'VariableDeclarator' && parent.init === call) statement = parent.parent;
  else if (parent.type === 'AssignmentExpression' && parent.right === call && parent.operator === '=' && parent.parent.type === 'ExpressionStatement') {
    statement = parent.parent;
  }
  for (let node = statement?.parent; node; node = node.parent) {
    if (node.type === 'Program' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression') return true;
    if (LOOP_TYPES.has(node.type)) return false;
  }
  return false;
}

const LOOP_TYPES = new Set<string>(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/** The variable `name` resolves to from `scope` outwards (what `ASTUtils.findVariable` does, without the dependency). */
function findVariable(initial: Scope, name: string): Variable | null {
  for (let scope: Scope | null = initial; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return null;
}

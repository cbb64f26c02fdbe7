import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Parses another module of the user's project with the parser the linted file uses
 * (`context.languageOptions.parser`: espree, @typescript-eslint/parser, vue-eslint-parser's script
 * parser, …), so that a definition imported from `../utilities/memoize` can be analysed as the file
 * that defines it. No parser of our own is bundled or required: a JavaScript-only project never
 * loads TypeScript, and a project on a newer typescript-eslint parses with its own copy.
 *
 * Type-aware parser options (`project`, `projectService`, `programs`) are dropped: the other file is
 * read for its syntax only, which keeps a parse at the cost of a plain parse.
 */
export interface ModuleParser {
  /** The parser module itself and its options: two module parsers with both equal parse alike. */
  readonly parser: object;
  readonly optionsKey: string;
  /** An ESLint `SourceCode` for `text`, with scopes and `parent` pointers; `null` if it does not parse. */
  parse(text: string, filePath: string): Readonly<TSESLint.SourceCode> | null;
}

interface ParserLike {
  parse?: (text: string, options: object) => unknown;
  parseForESLint?: (text: string, options: object) => {
    ast: TSESTree.Program;
    scopeManager?: unknown;
    visitorKeys?: Record<string, readonly string[]>;
    services?: unknown;
  };
}

type SourceCodeClass = new (config: object) => TSESLint.SourceCode;

const TYPE_AWARE_OPTIONS = new Set(['project', 'projectService', 'programs', 'tsconfigRootDir', 'EXPERIMENTAL_useProjectService']);

/**
 * One module parser per language options object (ESLint gives every file of a config block the same
 * one) and visitor keys: building it is per config, not per file.
 */
const parsersByOptions = new WeakMap<object, { readonly visitorKeys: unknown; readonly parser: ModuleParser | null }>();

export function createModuleParser(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ModuleParser | null {
  const languageOptions = (context as unknown as { languageOptions?: Record<string, unknown> }).languageOptions;
  const visitorKeys = context.sourceCode.visitorKeys;
  if (!languageOptions || typeof languageOptions !== 'object') return buildModuleParser(context, languageOptions);
  const known = parsersByOptions.get(languageOptions);
  if (known && known.visitorKeys === visitorKeys) return known.parser;
  const parser = buildModuleParser(context, languageOptions);
  parsersByOptions.set(languageOptions, { visitorKeys, parser });
  return parser;
}

function buildModuleParser(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  languageOptions: Record<string, unknown> | undefined,
): ModuleParser | null {
  const parser = languageOptions?.['parser'] as ParserLike | undefined;
  if (!parser || (typeof parser.parseForESLint !== 'function' && typeof parser.parse !== 'function')) return null;
  const given = (languageOptions?.['parserOptions'] ?? {}) as Record<string, unknown>;
  const parserOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) if (!TYPE_AWARE_OPTIONS.has(key)) parserOptions[key] = value;
  const ecmaVersion = languageOptions?.['ecmaVersion'] ?? 'latest';
  const sourceType = languageOptions?.['sourceType'] ?? 'module';
  const visitorKeysOfFile = context.sourceCode.visitorKeys as Record<string, readonly string[]>;
  let optionsKey: string;
  try {
    optionsKey = JSON.stringify([ecmaVersion, sourceType, parserOptions]);
  } catch {
    optionsKey = String(Math.random()); // options that do not serialise: never share parses
  }
  return {
    parser,
    optionsKey,
    parse(text, filePath) {
      try {
        const options = {
          ecmaVersion,
          sourceType: /\.cjs$/.test(filePath) ? 'commonjs' : sourceType,
          ...parserOptions,
          filePath,
          range: true,
          loc: true,
          tokens: true,
          comment: true,
          // a `.tsx`/`.jsx` module may hold JSX whatever the linted file is
          ecmaFeatures: { ...(parserOptions['ecmaFeatures'] as object | undefined), jsx: /\.[jt]sx$/.test(filePath) },
        };
        const result = parser.parseForESLint
          ? parser.parseForESLint(text, options)
          : { ast: parser.parse!(text, options) as TSESTree.Program };
        const visitorKeys = result.visitorKeys ?? visitorKeysOfFile;
        setParents(result.ast, visitorKeys);
        const scopeManager = result.scopeManager ?? analyseScopes(result.ast, options.sourceType, visitorKeys);
        if (!scopeManager) return null;
        const SourceCode = loadEslint('SourceCode') as SourceCodeClass;
        return new SourceCode({ text, ast: result.ast, scopeManager, visitorKeys, parserServices: {} });
      } catch {
        return null; // a file that does not parse is unknown: the analysis stays silent
      }
    },
  };
}

/** ESLint sets `parent` while it traverses; a module parsed here never is traversed by ESLint. */
function setParents(root: TSESTree.Node, visitorKeys: Record<string, readonly string[]>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const value of Array.isArray(child) ? child : [child]) {
        if (value && typeof (value as { type?: unknown }).type === 'string') {
          (value as { parent: TSESTree.Node }).parent = node;
          stack.push(value as TSESTree.Node);
        }
      }
    }
  }
}

/** espree gives no scope manager; ESLint analyses its AST with its own eslint-scope, found beside it. */
function analyseScopes(ast: TSESTree.Program, sourceType: unknown, childVisitorKeys: object): unknown {
  const eslintScope = loadBesideEslint('eslint-scope') as { analyze?: (ast: object, options: object) => unknown } | null;
  return (
    eslintScope?.analyze?.(ast, {
      ecmaVersion: 2022,
      sourceType: sourceType === 'commonjs' ? 'commonjs' : sourceType === 'script' ? 'script' : 'module',
      nodejsScope: sourceType === 'commonjs',
      childVisitorKeys,
      fallback: 'iteration',
    }) ?? null
  );
}

const requireHere = createRequire(import.meta.url);

function loadEslint(name: string): unknown {
  return (requireHere('eslint') as Record<string, unknown>)[name];
}

function loadBesideEslint(name: string): unknown {
  try {
    const eslintEntry = requireHere.resolve('eslint');
    return createRequire(path.join(path.dirname(eslintEntry), 'package.json'))(name);
  } catch {
    return null;
  }
}

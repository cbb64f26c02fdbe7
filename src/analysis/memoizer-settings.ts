import {
  MEMOIZER_LIBRARIES,
  type CacheLocation,
  type KeyArguments,
  type KeyHolding,
  type MemoizerForm,
  type MemoizerSpec,
} from './memoizer-libraries.js';
import type { FileContext } from './file-context.js';
import { getFileLocation, type FileLocation } from './settings/file-location.js';
import { importSpellings } from './settings/module-source.js';

/**
 * In-house memoizers declared in shared settings, so every rule of the plugin knows them:
 *
 * ```js
 * settings: {
 *   'memo-leak': {
 *     memoizers: [
 *       // A thin wrapper around lodash's memoize: inherit every fact from the table entry.
 *       { source: '@acme/utils', export: 'memo', like: 'lodash.memoize' },
 *       // A decorator that keeps one cache per decorated method, keyed by `String(args[0])`.
 *       { source: './decorators', export: 'cached', form: 'decorator-factory', cache: 'per-decoration', keyHolds: 'string' },
 *     ],
 *   },
 * }
 * ```
 *
 * `source` names a module as an import does. A path (`./src/decorators`, `../lib/memo.js`) is
 * resolved against the config's base directory (`context.cwd`, where ESLint runs) and matches every
 * import of that file, from any directory; a package specifier (`@acme/utils`, `@acme/utils/index.js`)
 * matches the same specifier. On both sides a module extension and a trailing `/index` are ignored
 * (`settings/module-source.ts`). `export` is a name, `'default'`, or a member path (`['cache', 'memo']`). Every other field is
 * optional; without `like`, the defaults are those of a plain function memoizer keyed by its first
 * argument (`form: 'function'`, `cache: 'per-call'`, `key: 'first-arg'`, `keyHolds: 'strong'`,
 * `forwardsThis: true`, no resolver, unbounded). Invalid settings throw an error naming the field.
 */
export interface MemoizerSetting {
  readonly source: string;
  readonly export?: string | readonly string[];
  /** The id of a table entry (`lodash.memoize`, `memoizee`, …) whose facts this memoizer shares. */
  readonly like?: string;
  readonly form?: MemoizerForm;
  readonly cache?: CacheLocation;
  readonly key?: KeyArguments;
  readonly keyHolds?: KeyHolding;
  readonly resolver?: { readonly argument?: number; readonly option?: string; readonly receivesThis?: boolean };
  readonly forwardsThis?: boolean;
  /** Default number of entries kept (`null`: unbounded). */
  readonly maxSize?: number | null;
  readonly replacement?: string;
}

const FORMS: readonly MemoizerForm[] = ['function', 'curried', 'decorator', 'decorator-factory', 'method-map'];
const CACHES: readonly CacheLocation[] = ['per-call', 'per-factory', 'per-decoration', 'per-instance'];
const KEYS: readonly KeyArguments[] = ['first-arg', 'all-args', 'leading-args', 'serialized-args', 'none'];
const HOLDS: readonly KeyHolding[] = ['strong', 'string', 'weak'];
const FIELDS = new Set([
  'source',
  'export',
  'like',
  'form',
  'cache',
  'key',
  'keyHolds',
  'resolver',
  'forwardsThis',
  'maxSize',
  'replacement',
]);

/** Thrown for invalid `settings['memo-leak'].memoizers`; the message names the field and what is expected. */
export class MemoizerSettingsError extends Error {
  override name = 'MemoizerSettingsError';
}

/**
 * Reads and validates `settings['memo-leak'].memoizers` into table entries (empty when absent).
 * With `file`, each entry's origins are the specifiers that name its module from that file; without
 * it (or for a file with no recorded location), a path source matches as written.
 */
export function parseMemoizerSettings(settings: unknown, file?: FileContext): MemoizerSpec[] {
  const location: FileLocation | null = file ? getFileLocation(file.program) : null;
  const pluginSettings = isRecord(settings) ? settings['memo-leak'] : undefined;
  if (pluginSettings === undefined) return [];
  if (!isRecord(pluginSettings)) fail("settings['memo-leak']", 'an object', pluginSettings);
  const list = pluginSettings['memoizers'];
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail("settings['memo-leak'].memoizers", 'an array', list);
  return list.map((entry: unknown, index) => parseEntry(entry, `settings['memo-leak'].memoizers[${index}]`, location));
}

function parseEntry(entry: unknown, where: string, location: FileLocation | null): MemoizerSpec {
  if (!isRecord(entry)) fail(where, 'an object', entry);
  for (const field of Object.keys(entry)) {
    if (!FIELDS.has(field)) fail(`${where}.${field}`, `one of the fields ${[...FIELDS].join(', ')}`, field, 'unknown field');
  }
  const source = entry['source'];
  if (typeof source !== 'string' || source === '') fail(`${where}.source`, 'a module specifier string', source);
  const path = parseExport(entry['export'], `${where}.export`);
  const likeId = entry['like'];
  let like: MemoizerSpec | undefined;
  if (likeId !== undefined) {
    like = MEMOIZER_LIBRARIES.find((spec) => spec.id === likeId);
    if (!like) fail(`${where}.like`, `one of ${MEMOIZER_LIBRARIES.map((spec) => `"${spec.id}"`).join(', ')}`, likeId);
  }
  const form = oneOf(entry['form'], FORMS, `${where}.form`);
  const forms = form ? [form] : (like?.forms ?? ['function']);
  const isDecorator = forms.every((f) => f === 'decorator' || f === 'decorator-factory');
  const cache = oneOf(entry['cache'], CACHES, `${where}.cache`) ?? like?.cache ?? (isDecorator ? 'per-decoration' : 'per-call');
  const keyArgs = oneOf(entry['key'], KEYS, `${where}.key`);
  const keyHolds = oneOf(entry['keyHolds'], HOLDS, `${where}.keyHolds`);
  const forwardsThis = entry['forwardsThis'];
  if (forwardsThis !== undefined && typeof forwardsThis !== 'boolean') fail(`${where}.forwardsThis`, 'a boolean', forwardsThis);
  const maxSize = entry['maxSize'];
  if (maxSize !== undefined && maxSize !== null && !(typeof maxSize === 'number' && maxSize > 0)) {
    fail(`${where}.maxSize`, 'a positive number or null', maxSize);
  }
  const replacement = entry['replacement'];
  if (replacement !== undefined && typeof replacement !== 'string') fail(`${where}.replacement`, 'a string', replacement);
  const resolver = parseResolver(entry['resolver'], `${where}.resolver`);
  const base = like;
  const display = `\`${path.length > 0 ? path.join('.') : source}\` (${source})`;
  return {
    id: `settings:${source}:${path.join('.')}`,
    display,
    origins: importSpellings(source, location).map((spelling) => ({ source: spelling, path })),
    forms,
    cache,
    fnArgument: base?.fnArgument ?? 0,
    optionsArgument: base?.optionsArgument ?? 1,
    key: {
      args: keyArgs ?? base?.key.args ?? 'first-arg',
      holds: keyHolds ?? base?.key.holds ?? 'strong',
      includesThis: base?.key.includesThis ?? false,
      ...(base?.key.lengthOption ? { lengthOption: base.key.lengthOption } : {}),
      ...(base?.key.stringOptions ? { stringOptions: base.key.stringOptions } : {}),
    },
    resolver: resolver ?? base?.resolver ?? null,
    forwardsThis: typeof forwardsThis === 'boolean' ? forwardsThis : (base?.forwardsThis ?? true),
    bound:
      maxSize !== undefined
        ? { option: base?.bound.option ?? null, default: maxSize as number | null }
        : (base?.bound ?? { option: null, default: null }),
    expiryOptions: base?.expiryOptions ?? [],
    cacheOption: base?.cacheOption ?? null,
    registryOptions: base?.registryOptions ?? [],
    perInstance: null, // the fix would import from another module than the user's wrapper
    replacement:
      typeof replacement === 'string'
        ? replacement
        : (base?.replacement ??
          'create the memoized function per instance (a class field or constructor assignment), or key a WeakMap by the instance'),
  };
}

function parseExport(value: unknown, where: string): string[] {
  if (value === undefined || value === 'default') return [];
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value) && value.every((part) => typeof part === 'string' && part !== '')) {
    return value.length > 0 && value[0] === 'default' ? (value.slice(1) as string[]) : (value as string[]);
  }
  return fail(where, "an export name, 'default', or an array of member names", value);
}

function parseResolver(value: unknown, where: string): MemoizerSpec['resolver'] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) fail(where, 'an object { argument?, option?, receivesThis? }', value);
  const { argument, option, receivesThis } = value;
  if (argument !== undefined && !(Number.isInteger(argument) && (argument as number) >= 0)) {
    fail(`${where}.argument`, 'a non-negative integer', argument);
  }
  if (option !== undefined && typeof option !== 'string') fail(`${where}.option`, 'a string', option);
  if (receivesThis !== undefined && typeof receivesThis !== 'boolean') fail(`${where}.receivesThis`, 'a boolean', receivesThis);
  if (argument === undefined && option === undefined) fail(where, 'an `argument` index or an `option` name', value);
  return {
    argument: (argument as number | undefined) ?? null,
    option: (option as string | undefined) ?? null,
    receivesThis: (receivesThis as boolean | undefined) ?? false,
    acceptsMethodName: false,
    holds: 'strong',
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return fail(where, `one of ${allowed.map((item) => `"${item}"`).join(', ')}`, value);
}

function fail(where: string, expected: string, actual: unknown, problem = 'invalid value'): never {
  throw new MemoizerSettingsError(
    `eslint-plugin-memo-leak: ${problem} at ${where}: expected ${expected}, got ${JSON.stringify(actual) ?? String(actual)}.`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

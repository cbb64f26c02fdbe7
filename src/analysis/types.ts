import { createRequire } from 'node:module';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { FileContext } from './file-context.js';

/**
 * Type information for a file, when (and only when) the user enabled typed linting
 * (`parserOptions.projectService` / `project`). Without it every rule works syntactically and this
 * module never loads TypeScript.
 */
export interface TypeServices {
  readonly ts: typeof ts;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly services: ParserServicesWithTypeInformation;
}

const loadTypeScript = (): typeof ts => createRequire(import.meta.url)('typescript') as typeof ts;

/**
 * Was the file parsed with type information (typescript-eslint's `project` / `projectService`)?
 * The same test decides whether the rules use types (`getTypeServices`) and whether a typed option
 * may be on (`util/type-information.ts`).
 */
export function hasTypeInformation(parserServices: unknown): parserServices is ParserServicesWithTypeInformation {
  const services = parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  return Boolean(services?.program && services.esTreeNodeToTSNodeMap);
}

/** The file's type services, or `null` when the file was not parsed with type information. */
export function getTypeServices(file: FileContext): TypeServices | null {
  if (file.project) return file.project.types;
  return file.cached('typeServices', file.program, () => {
    const services = file.sourceCode.parserServices;
    if (!hasTypeInformation(services)) return null;
    return {
      ts: loadTypeScript(),
      program: services.program,
      checker: services.program.getTypeChecker(),
      services,
    };
  });
}

/** The static type of an expression. */
export function getTypeOf(types: TypeServices, node: TSESTree.Node): ts.Type {
  return types.services.getTypeAtLocation(node);
}

/**
 * Is every value of this type an object that a WeakMap accepts as a key, and that is an instance
 * worth pinning (not a function or class, which live as long as their module anyway)?
 * `null`/`undefined` members of a union are allowed only when `allowNullish` is set.
 */
export function isInstanceObjectType(types: TypeServices, type: ts.Type, allowNullish = false): boolean {
  const { ts: typescript } = types;
  if (type.isUnion()) {
    let objects = 0;
    for (const part of type.types) {
      if (part.flags & (typescript.TypeFlags.Null | typescript.TypeFlags.Undefined)) {
        if (!allowNullish) return false;
        continue;
      }
      if (!isInstanceObjectType(types, part)) return false;
      objects += 1;
    }
    return objects > 0;
  }
  if (type.isIntersection()) return type.types.some((part) => isInstanceObjectType(types, part));
  if (type.flags & typescript.TypeFlags.NonPrimitive) return true; // `object`
  if (!(type.flags & typescript.TypeFlags.Object)) return false; // primitives, any, unknown, type parameters
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return false;
  return true;
}

/** `TreeNode`, `HTMLElement`, … for messages. */
export function typeToString(types: TypeServices, type: ts.Type): string {
  return types.checker.typeToString(type, undefined, types.ts.TypeFormatFlags.NoTruncation);
}

/**
 * The nominal base of a class type: follows `extends` from a class/interface symbol and returns
 * the names along the chain (`LayoutCache` → `Map`), so `class LayoutCache extends Map` is a Map.
 */
export function getBaseTypeNames(types: TypeServices, type: ts.Type): string[] {
  const names: string[] = [];
  const seen = new Set<ts.Type>();
  const visit = (current: ts.Type): void => {
    if (seen.has(current) || seen.size > 20) return;
    seen.add(current);
    const symbol = current.getSymbol();
    if (symbol) names.push(symbol.getName());
    const target = (current as ts.TypeReference).target ?? current;
    if (target.isClassOrInterface()) {
      for (const base of types.checker.getBaseTypes(target)) visit(base);
    }
  };
  visit(type);
  return names;
}

/** What the type says of a value's objectness: every value an object, none, or unknown (any, unions of both). */
export function getTypeObjectness(types: TypeServices, type: ts.Type): 'object' | 'primitive' | 'unknown' {
  const { ts: typescript } = types;
  const parts = type.isUnion() ? type.types : [type];
  let objects = 0;
  let primitives = 0;
  for (const part of parts) {
    if (part.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown | typescript.TypeFlags.TypeParameter)) {
      return 'unknown';
    }
    if (part.flags & (typescript.TypeFlags.Object | typescript.TypeFlags.NonPrimitive) || part.isIntersection()) {
      objects += 1;
    } else {
      primitives += 1;
    }
  }
  if (objects > 0 && primitives === 0) return 'object';
  if (primitives > 0 && objects === 0) return 'primitive';
  return 'unknown';
}

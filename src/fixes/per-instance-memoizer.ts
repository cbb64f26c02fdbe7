import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  getPrototypeOwner,
  getStaticMemberName,
  getStaticPropertyKey,
  isFunctionNode,
  outermostWrapper,
  unwrapExpression,
} from '../analysis/core/ast.js';
import type { FileContext } from '../analysis/core/file-context.js';
import { getImportOrigin } from '../analysis/resolve/imports.js';
import { walk } from '../analysis/core/traverse.js';
import { lookupMemoizerOrigin, type MemoizerUse } from '../analysis/memoizers/memoizers.js';
import { classReferences } from '../analysis/lifetimes/long-lived.js';
import type { SharedSlot } from '../analysis/lifetimes/shared-slots.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `Foo.prototype.m = memoize(fn)` (a module-level statement, `Foo` an ES class of this file) →
 * an instance field `m = memoize(fn);` at the top of the class body, so each instance gets its own
 * memoized function and cache.
 *
 * Refused when the move could change what runs: `Foo` extends another class (a base constructor
 * could call `m` before fields exist), a subclass in the file overrides `m` (the field would
 * shadow it) or calls `super.m`, the class already declares a field or accessor `m`, the file
 * reads `Foo.prototype.m` elsewhere, or the moved code uses the module's `this`.
 */
export function moveToInstanceField(
  file: FileContext,
  slot: SharedSlot,
  typescript: boolean,
): TSESLint.ReportFixFunction | null {
  const { assignment, classNode, memberName } = slot;
  if (!assignment || !classNode || memberName === null || !IDENTIFIER.test(memberName)) return null;
  const statement = assignment.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.parent.type !== AST_NODE_TYPES.Program) return null;
  if (classNode.superClass || !classNode.id) return null;
  if (declaresMember(classNode, memberName)) return null;
  // TypeScript rejects a field and a method of the same name ("Duplicate identifier").
  if (typescript && declaresMethod(classNode, memberName)) return null;
  if (usesModuleThis(file, assignment.right)) return null;
  if (isOverriddenOrSuperCalled(file, classNode.id.name, memberName)) return null;
  if (readsPrototypeMemberElsewhere(file, classNode, memberName, assignment)) return null;

  const sourceCode = file.sourceCode;
  const body = classNode.body;
  const openBrace = sourceCode.getFirstToken(body)!;
  const first = body.body[0];
  const classIndent = indentOf(sourceCode, classNode);
  const memberOnOwnLine = first !== undefined && first.loc.start.line !== openBrace.loc.start.line;
  const indent = memberOnOwnLine ? indentOf(sourceCode, first) : `${classIndent}  `;
  const value = sourceCode.getText(assignment.right).replace(/\n/g, `\n${indent}`);
  const field = `\n${indent}${memberName} = ${value};`;
  const removeStart = lineStartWithPrecedingBreak(sourceCode, statement);
  return (fixer) => [
    fixer.insertTextAfter(openBrace, first ? field : `${field}\n${classIndent}`),
    fixer.removeRange([removeStart, statement.range[1]]),
  ];
}

/**
 * `@MemoizeAll()` → `@Memoize()` (the per-instance export of the same library), importing it
 * next to the shared one when the file does not import it yet.
 */
export function switchToPerInstanceDecorator(
  file: FileContext,
  use: MemoizerUse,
): { name: string; fix: TSESLint.ReportFixFunction } | null {
  const counterpart = use.spec.perInstance;
  if (!counterpart || use.kind !== 'decorator' || counterpart.path.length !== 1) return null;
  const target = lookupMemoizerOrigin(file, {}, { source: counterpart.source, path: counterpart.path });
  const isFactory = unwrapExpression((use.node as TSESTree.Decorator).expression).type === AST_NODE_TYPES.CallExpression;
  if (!target || !target.forms.includes(isFactory ? 'decorator-factory' : 'decorator')) return null;
  const exportName = counterpart.path[0]!;
  const callee = use.callee;

  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
    // `LD.MemoizeAll` with `import * as LD from 'lodash-decorators'`.
    const base = getImportOrigin(file, callee.object);
    if (!base || base.source !== counterpart.source || base.path.length !== 0) return null;
    const name = `${file.sourceCode.getText(callee.object)}.${exportName}`;
    return { name, fix: (fixer) => fixer.replaceText(callee.property, exportName) };
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = file.findVariable(callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return null;

  if (def.node.type === AST_NODE_TYPES.ImportSpecifier || def.node.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
    const declaration = def.node.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const sameModule = declaration.source.value === counterpart.source;
    const existing = sameModule ? findImportedLocal(declaration, exportName) : null;
    if (existing) return { name: existing, fix: (fixer) => fixer.replaceText(callee, existing) };
    if (isNameTaken(file, counterpart.localName)) return null;
    const name = counterpart.localName;
    const onlyUse = variable.references.length === 1;
    const specifier = def.node;
    if (
      sameModule &&
      onlyUse &&
      specifier.type === AST_NODE_TYPES.ImportSpecifier &&
      specifier.local.range[0] === specifier.imported.range[0]
    ) {
      // `import { MemoizeAll } from …` used once: import the per-instance export instead.
      return { name, fix: (fixer) => [fixer.replaceText(specifier, name), fixer.replaceText(callee, name)] };
    }
    const lastNamed = [...declaration.specifiers].reverse().find((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    return {
      name,
      fix: (fixer) => [
        sameModule && lastNamed
          ? fixer.insertTextAfter(lastNamed, `, ${name}`)
          : fixer.insertTextAfter(declaration, `\nimport { ${exportName === name ? name : `${exportName} as ${name}`} } from '${counterpart.source}';`),
        fixer.replaceText(callee, name),
      ],
    };
  }
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    // `const { MemoizeAll } = require('lodash-decorators')`
    const origin = def.node.init ? getImportOrigin(file, def.node.init) : null;
    if (!origin || origin.source !== counterpart.source || origin.path.length !== 0) return null;
    if (isNameTaken(file, counterpart.localName)) return null;
    const pattern = def.node.id;
    const last = pattern.properties[pattern.properties.length - 1];
    if (!last || last.type !== AST_NODE_TYPES.Property) return null;
    const name = counterpart.localName;
    const property = exportName === name ? name : `${exportName}: ${name}`;
    return { name, fix: (fixer) => [fixer.insertTextAfter(last, `, ${property}`), fixer.replaceText(callee, name)] };
  }
  return null;
}

/**
 * `@pMemoizeDecorator({ cache: new Map() })` → `@pMemoizeDecorator()`: without the shared cache
 * object, the per-instance decorator creates a cache per instance. Only for a cache created inline
 * (a named cache may be cleared or read elsewhere).
 */
export function removeSharedCacheOption(file: FileContext, use: MemoizerUse): TSESLint.ReportFixFunction | null {
  const property = use.cacheOption;
  const options = use.options;
  if (!property || !options || use.kind !== 'decorator') return null;
  const value = unwrapExpression(property.value);
  if (value.type !== AST_NODE_TYPES.NewExpression && value.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const sourceCode = file.sourceCode;
  if (options.properties.length === 1) {
    const call = unwrapExpression((use.node as TSESTree.Decorator).expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return null;
    const open = sourceCode.getTokenAfter(call.callee, (token) => token.value === '(')!;
    const close = sourceCode.getLastToken(call)!;
    return (fixer) => fixer.replaceTextRange([open.range[0], close.range[1]], '()');
  }
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after)!;
    return (fixer) => fixer.removeRange([property.range[0], next.range[0]]);
  }
  const before = sourceCode.getTokenBefore(property)!;
  return (fixer) => fixer.removeRange([before.range[0], property.range[1]]);
}

function declaresMember(classNode: ClassNode, name: string): boolean {
  return classNode.body.body.some(
    (element) =>
      ((element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.AccessorProperty) &&
        !element.static &&
        getStaticPropertyKey(element.key, element.computed) === name) ||
      (element.type === AST_NODE_TYPES.MethodDefinition &&
        (element.kind === 'get' || element.kind === 'set') &&
        getStaticPropertyKey(element.key, element.computed) === name),
  );
}

function declaresMethod(classNode: ClassNode, name: string): boolean {
  return classNode.body.body.some(
    (element) =>
      element.type === AST_NODE_TYPES.MethodDefinition &&
      !element.static &&
      getStaticPropertyKey(element.key, element.computed) === name,
  );
}

/** `this` in the moved expression that is not inside a function of its own: it would change meaning. */
function usesModuleThis(file: FileContext, expression: Node): boolean {
  let found = false;
  walk(file, expression, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.ThisExpression && node.type !== AST_NODE_TYPES.Super) return true;
    for (let current: Node | undefined = node.parent; current && current !== expression.parent; current = current.parent) {
      if (isFunctionNode(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return true;
    }
    found = true;
    return false;
  });
  return found;
}

/** A class in the file that extends `className` and defines `name`, or any `super.name`. */
function isOverriddenOrSuperCalled(file: FileContext, className: string, name: string): boolean {
  let found = false;
  walk(file, file.program, (node) => {
    if (found) return false;
    if (
      (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) &&
      node.superClass?.type === AST_NODE_TYPES.Identifier &&
      node.superClass.name === className &&
      node.body.body.some(
        (element) =>
          (element.type === AST_NODE_TYPES.MethodDefinition ||
            element.type === AST_NODE_TYPES.PropertyDefinition ||
            element.type === AST_NODE_TYPES.AccessorProperty) &&
          getStaticPropertyKey(element.key, element.computed) === name,
      )
    ) {
      found = true;
    }
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.Super &&
      (getStaticMemberName(node) === name || getStaticMemberName(node) === null)
    ) {
      found = true;
    }
    return !found;
  });
  return found;
}

/** `Foo.prototype.m` read anywhere but the assignment being moved (`.cache.clear()`, `.call(…)`). */
function readsPrototypeMemberElsewhere(
  file: FileContext,
  classNode: ClassNode,
  name: string,
  assignment: TSESTree.AssignmentExpression,
): boolean {
  return classReferences(file, classNode).some((reference) => {
    const prototype = reference.identifier.parent;
    if (prototype?.type !== AST_NODE_TYPES.MemberExpression || getPrototypeOwner(prototype) !== reference.identifier) {
      return false;
    }
    const outer = outermostWrapper(prototype);
    const member = outer.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer) {
      return true; // the prototype object itself is passed or stored: its members may be read anywhere
    }
    if (getStaticMemberName(member) !== name && getStaticMemberName(member) !== null) return false;
    if (outermostWrapper(member) === assignment.left || member === assignment.left) return false;
    // Inside the moved expression (`memoize(Foo.prototype.m)`) it still reads the class's method.
    return !(member.range[0] >= assignment.right.range[0] && member.range[1] <= assignment.right.range[1]);
  });
}

function findImportedLocal(declaration: TSESTree.ImportDeclaration, exportName: string): string | null {
  for (const specifier of declaration.specifiers) {
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
    const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
    if (imported === exportName) return specifier.local.name;
  }
  return null;
}

function isNameTaken(file: FileContext, name: string): boolean {
  const scope = file.sourceCode.scopeManager?.globalScope;
  if (!scope) return true;
  const scopes = [scope, ...scope.childScopes.filter((child) => child.block.type === AST_NODE_TYPES.Program)];
  return scopes.some((candidate) => candidate.set.has(name) || candidate.through.some((ref) => ref.identifier.name === name));
}

function indentOf(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}

/** Start of the removal for a statement on its own line: the end of the previous line. */
function lineStartWithPrecedingBreak(sourceCode: Readonly<TSESLint.SourceCode>, statement: Node): number {
  const text = sourceCode.text;
  let start = statement.range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start -= 1;
  if (start > 0 && text[start - 1] === '\n') start -= 1;
  if (start > 0 && text[start - 1] === '\r') start -= 1;
  return start;
}

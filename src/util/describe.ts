import type { InstanceContext } from '../analysis/instance.js';

/** `ImageCache`, `ImageCache and Thumbnail`, or `instance`, for messages about whose instances are pinned. */
export function describeInstances(instances: readonly InstanceContext[]): string {
  const names = [...new Set(instances.map((instance) => instance.className ?? 'instance'))];
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

/**
 * Where a long-lived binding lives, short, for messages: `module scope`, `static field of Doc`. A
 * member of a module-level object (`caches.boxes`) already names its object, so it reads `module scope`.
 */
export function describeScope(scope: string): string {
  return scope.startsWith('member of the module-level object') ? 'module scope' : scope;
}

/** A piece of code or a type for a message, cut to `max` characters (`ReadonlyMap<A, number> & { … }` can be long). */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

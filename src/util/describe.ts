import type { InstanceContext } from '../analysis/instance.js';

/** `ImageCache`, `ImageCache and Thumbnail`, or `instance`, for messages about whose instances are pinned. */
export function describeInstances(instances: readonly InstanceContext[]): string {
  const names = [...new Set(instances.map((instance) => instance.className ?? 'instance'))];
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

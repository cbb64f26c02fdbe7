// Types of options.js, for the tests (the bench itself is plain JavaScript).
export declare function everyOptionOn(
  rule: { meta: { schema?: unknown; docs?: { typeCheckedOptions?: readonly unknown[] } } },
  options?: { typed?: boolean },
): Array<Record<string, boolean>> | null;
export declare function distinctConfigs(
  named: Array<[string, Record<string, unknown>]>,
): Array<{ name: string; rules: Record<string, unknown>; sameAs: string[] }>;

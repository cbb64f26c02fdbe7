/**
 * A typed option on a file without type information, in the editor: the ESLint language server
 * shows the rule's error (naming the rule, the option and how to enable typed linting) instead of
 * diagnostics, as it does for typescript-eslint's typed rules; nothing is silently skipped.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertBuilt, createProject, removeProject } from '../support/project.js';
import { EslintServer } from './eslint-server.js';

assertBuilt();

const CODE = 'const seen = new Set();\nexport function track(node) { seen.add(node); }\n';
let root: string;
let server: EslintServer;

beforeAll(async () => {
  root = createProject('editor-typed-option', {
    files: {
      'eslint.config.mjs': `import memoLeak from 'eslint-plugin-memo-leak';\nexport default [memoLeak.configs['recommended-type-checked']];\n`,
      'src/track.js': CODE,
    },
  });
  server = await EslintServer.start(root);
});

afterAll(async () => {
  await server?.stop();
  if (root) removeProject(root);
});

it('reports the type-information error as the file\'s ESLint error, not as an empty list of problems', async () => {
  const uri = await server.open(path.join(root, 'src', 'track.js'), 'javascript', CODE);
  const diagnostics = await server.diagnostics(uri);
  // The server logs the rule's error to the ESLint output channel (type 1: error) …
  const errors = server.messages.filter(
    (message) => message.method === 'window/logMessage' && (message.params as { type: number }).type === 1,
  );
  expect(JSON.stringify(errors), server.log()).toMatch(
    /memo-leak\/no-instance-keyed-cache has `checkObjectKeys: true`, which needs type information.*Occurred while linting .*track\.js/,
  );
  // … and marks the file's ESLint status as failed (VS Code turns its ESLint status item red).
  expect(server.messages).toContainEqual({ method: 'eslint/status', params: { uri, state: 3 } });
  expect(diagnostics).toEqual([]);
});

const configNames = ['recommended', 'strict', 'all', 'recommended-type-checked', 'strict-type-checked', 'all-type-checked'];

// eslint-doc-generator 3.7 writes the `--fix` link with eslint.org's old `user-guide/` path, which now
// only redirects; its links are rewritten to the current paths after generation.
const currentEslintUrls = [
  [/https:\/\/eslint\.org\/docs\/(?:latest\/)?user-guide\/command-line-interface#--fix/g, 'https://eslint.org/docs/latest/use/command-line-interface#--fix'],
];

/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['recommended-type-checked', '☑️'],
    ['strict-type-checked', '🔐'],
  ],
  // Listed: the four configs above. Not listed: `all`, `all-type-checked`, and the `flat/` and `legacy-` forms.
  ignoreConfig: ['all', 'all-type-checked', ...configNames.flatMap((name) => [`flat/${name}`, `legacy-${name}`])],
  ruleDocTitleFormat: 'name',
  // Every rule page has the same sections (tests/docs.test.ts checks them too). `Options` is required
  // of every page, with "This rule has no options." where there are none.
  ruleDocSectionInclude: ['Examples', 'Options', 'When Not To Use It', 'Version', 'Implementation'],
  ruleDocSectionOptions: false,
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/eslint-plugin-memo-leak/eslint-plugin-memo-leak#configs',
  postprocess: (content) => currentEslintUrls.reduce((text, [from, to]) => text.replace(from, to), content),
};

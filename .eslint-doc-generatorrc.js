/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['recommended-type-checked', '☑️'],
    ['strict-type-checked', '🔐'],
  ],
  ignoreConfig: ['all', 'all-type-checked', 'flat/recommended', 'flat/strict', 'flat/all', 'flat/recommended-type-checked', 'flat/strict-type-checked', 'flat/all-type-checked'],
  ruleDocTitleFormat: 'name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/eslint-plugin-memo-leak/eslint-plugin-memo-leak#configs',
};

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.tmp/**', '.output*/', '.wxt/', 'node_modules/', 'glossary/schema.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Glossary text is data: it must never reach the DOM as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render glossary and page text with textContent, never as HTML.' },
        { property: 'outerHTML', message: 'Render glossary and page text with textContent, never as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render glossary and page text with textContent, never as HTML.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests compare serialised DOM and build hostile fixtures on purpose.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);

// ESLint 9 flat config. Mirrors the Remix v2 templates (remix-run/remix templates/remix/.eslintrc.cjs,
// remix-run/indie-stack): eslint, React, hooks, jsx-a11y, typescript-eslint recommended + stylistic, import
// rules with `~/` as the internal group. Formatting is prettier's job (eslint-config-prettier turns the
// formatting rules off); max-len is turned back on so that no line outside data files passes 120 characters.
import path from "node:path";
import { fileURLToPath } from "node:url";

import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier/flat";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const root = path.dirname(fileURLToPath(import.meta.url));

// Data, where a line is as long as the text or path it holds: max-len does not apply. (JSON, e.g. the
// message catalogues in app/locales/, is not linted at all.) Only files that are data tables: a long
// string inside a code file gets `// eslint-disable-next-line max-len` where it stands.
const dataFiles = [
  "prisma/seed/quiz-rules-data.ts", // the call-script rule catalogue (zh + en texts)
  "prisma/seed/quiz-bank-*.ts", // the seeded question banks
  "app/components/icons.tsx", // SVG path data
];

const unusedVars = {
  args: "after-used",
  argsIgnorePattern: "^_",
  varsIgnorePattern: "^_",
  caughtErrorsIgnorePattern: "^_",
  destructuredArrayIgnorePattern: "^_",
  ignoreRestSiblings: true,
};

export default defineConfig([
  globalIgnores(["build/", "app/generated/", "data/", "node_modules/", "tests/.artifacts/", ".cache/"]),

  // Base: every JS and TS file.
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,tsx}"],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "no-unused-vars": ["error", unusedVars],
    },
  },

  // React, as the templates: on every file, so hooks in .ts files are checked too.
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,tsx}"],
    extends: [react.configs.flat.recommended, react.configs.flat["jsx-runtime"], jsxA11y.flatConfigs.recommended],
    plugins: { "react-hooks": reactHooks },
    settings: {
      react: { version: "detect" },
      formComponents: ["Form"],
      linkComponents: [
        { name: "Link", linkAttribute: "to" },
        { name: "NavLink", linkAttribute: "to" },
      ],
    },
    rules: {
      // What "plugin:react-hooks/recommended" meant in the templates. The React Compiler rules that
      // eslint-plugin-react-hooks 6+ adds to its recommended set are left out: no compiler, React 18.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // The templates' react/jsx-no-leaked-render is left out: without type information it flags boolean
      // props (`editable={editable && canDraft}`), and its fix turns them into `boolean | null`. Children
      // here are already written `cond ? <X /> : null`.
    },
  },

  // TypeScript.
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommended, tseslint.configs.stylistic],
    rules: {
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", unusedVars],
      // Off: the stylistic default would turn ~150 `type X = {…}` into interfaces, and "type" would turn
      // module augmentations (`declare module "@remix-run/node" { interface Future … }`) into type aliases,
      // which breaks declaration merging.
      "@typescript-eslint/consistent-type-definitions": "off",
      // The codebase's own style: `T[]`, but `Array<{…}>` and `Array<A | B>`.
      "@typescript-eslint/array-type": ["error", { default: "array-simple" }],
      // `() => {}` is a deliberate no-op here: `.catch(() => {})` for best-effort cleanup,
      // `vi.spyOn(console, "error").mockImplementation(() => {})` as docs/testing.md shows.
      "@typescript-eslint/no-empty-function": "off",
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "inline-type-imports" },
      ],
    },
  },

  // Imports: every JS and TS file. `~/` is app/ (tsconfig paths), resolved by import-x's own resolver
  // (unrs-resolver, reading tsconfig.json): no eslint-import-resolver-typescript needed.
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,tsx}"],
    extends: [importX.flatConfigs.recommended, importX.flatConfigs.typescript],
    settings: {
      "import-x/internal-regex": "^~/",
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json", ".node"],
          conditionNames: ["types", "import", "require", "node", "default"],
          mainFields: ["types", "module", "main"],
          tsconfig: { configFile: path.join(root, "tsconfig.json") },
        }),
      ],
    },
    rules: {
      // TypeScript checks what a namespace or default import holds (`npm run typecheck`); these two did the
      // same by parsing every imported module, node_modules included: more than half of ESLint's time here.
      "import-x/namespace": "off",
      "import-x/default": "off",
      // pg and exceljs are CommonJS: `import pg from "pg"; new pg.Client()` is the form that works in
      // Node ESM, and exactly what this rule flags.
      "import-x/no-named-as-default-member": "off",
      "import-x/order": [
        "error",
        {
          alphabetize: { caseInsensitive: true, order: "asc" },
          groups: ["builtin", "external", "internal", "parent", "sibling"],
          "newlines-between": "always",
        },
      ],
    },
  },

  // Last: turn off the rules prettier owns, then put the line length back.
  prettier,
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,tsx}"],
    rules: { "max-len": ["error", { code: 120, tabWidth: 2 }] },
  },
  { files: dataFiles, rules: { "max-len": "off" } },
]);

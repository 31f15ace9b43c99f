// Package ecosystem holds no code, only tests: they check the files through which people
// meet plan before they read its README (the release configuration, the GitHub Action,
// the pre-commit hooks, the schema catalog) and that a real editor language server
// validates plans with our schema.
//
// The language server test runs the npm package yaml-language-server pinned in
// testdata/npm (install it with `npm ci --prefix internal/ecosystem/testdata/npm`, which
// ./scripts/test does). Without node or the package the test skips, except under CI=true.
package ecosystem

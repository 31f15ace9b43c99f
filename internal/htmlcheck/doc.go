// Package htmlcheck holds no code, only tests: it opens the HTML that `plan render`
// writes for each bundled example in a real headless Chromium and in the Nu Html
// Checker, the "done when" checks of the HTML report.
//
// In Chromium (driven with chromedp) each page must load with no console error and
// no uncaught exception, make no request other than for the file itself and data:
// URLs, hold no script, declare a device-width viewport, not scroll sideways at
// 375 and 1280 CSS pixels, have no axe-core violation in the light or the dark
// colour scheme, and print to a sensible number of A4 pages. The Nu Html Checker (vnu.jar, run with Java) must
// report no error.
//
// The tools are not Go modules. Set them up once with
//
//	apt-get install -y chromium default-jre-headless
//	npm ci --prefix internal/htmlcheck/testdata/npm
//
// Without them the tests skip, except under CI=true, where a missing tool fails
// the test so that CI can never pass by skipping. TestHarnessCatchesProblems
// checks the checks: a page in testdata with one problem of each kind must fail
// every one of them.
package htmlcheck

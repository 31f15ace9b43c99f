package htmlcheck

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/planascode/plan/internal/testenv"
)

// viewports are the widths the report must fit without scrolling sideways: a small
// phone (375 CSS px, the iPhone SE/mini class) and a laptop.
// Both are desktop-style viewports: with mobile emulation Chromium zooms out to fit
// a page that is too wide, so window.innerWidth grows with the page and the check
// could not fail. That a phone lays the page out at its own width is checked apart,
// by looking for <meta name="viewport" content="width=device-width">.
var viewports = []struct{ width, height int64 }{
	{375, 812},
	{1280, 800},
}

// colourSchemes are the values of prefers-color-scheme axe runs under: colours and
// so contrast differ between them.
var colourSchemes = []string{"light", "dark"}

// TestBrowserExamples is the browser half of issue #6's "done when": the HTML of
// every example, opened in headless Chromium, has no console error, makes no
// request, has no script, fits 375 and 1280 px, has no axe violation in either
// colour scheme, and prints to a sensible number of A4 pages.
func TestBrowserExamples(t *testing.T) {
	pages := renderExamples(t)
	axeJS := readAxe(t)
	bctx := needBrowser(t)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			rep, err := inspect(t, bctx, p.path, axeJS)
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range rep.problems {
				t.Errorf("%s: %s", pr.check, pr.detail)
			}
			// The examples are real plans of 700-odd lines of YAML, with every
			// section, three charts and tables of up to 20 rows. Measured with
			// Chromium 156 on A4: 15 pages (council-consultation) and 14
			// (school-software-rollout). Fewer than 2 means the print stylesheet
			// hides most of the report; more than 40 (about three times the
			// measurement) means something forces a page per row, chart bar or
			// section. The range is loose on purpose: it must survive changes to the
			// renderer's styling and the examples, not pin them.
			if rep.pdfPages < 2 || rep.pdfPages > 40 {
				t.Errorf("pdf: printed on %d A4 pages, want 2 to 40", rep.pdfPages)
			}
			t.Logf("%s: %d A4 pages", p.name, rep.pdfPages)
			// A draft says so on every printed page, whichever page someone is handed;
			// a final report nowhere (the council example's title says "Draft", which
			// is the plan's own word).
			for i, text := range rep.pdfTexts {
				if strings.Contains(text, "DRAFT") != p.draft {
					t.Errorf("pdf: page %d of %d says DRAFT: %v, want %v", i+1, rep.pdfPages, !p.draft, p.draft)
				}
			}
		})
	}
}

// TestHarnessCatchesProblems checks the checks: a page with one problem of each
// kind must fail each of them, and a clean page must pass them all.
func TestHarnessCatchesProblems(t *testing.T) {
	axeJS := readAxe(t)
	bctx := needBrowser(t)

	t.Run("bad", func(t *testing.T) {
		rep, err := inspect(t, bctx, filepath.Join("testdata", "sample-bad.html"), axeJS)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range rep.problems {
			t.Logf("found as it should: %s: %s", pr.check, pr.detail)
		}
		want := []struct{ check, detail string }{
			{"console", "deliberate console error"},
			{"console", "deliberate exception"},
			{"network", "http://127.0.0.1:9/deliberate-external.css"},
			{"script", "<script>"},
			{"viewport", "no <meta name=\"viewport\""},
			{"overflow@375", "widest elements: div (1500 px wide"},
			{"overflow@1280", "widest elements: div (1500 px wide"},
			{"axe(light)", "color-contrast"},
			{"axe(dark)", "color-contrast"},
		}
		for _, w := range want {
			if !rep.has(w.check, w.detail) {
				t.Errorf("the harness missed the deliberate problem %s: %q", w.check, w.detail)
			}
		}
		if rep.pdfPages != 1 {
			t.Errorf("counted %d PDF pages for a one-page sample, want 1", rep.pdfPages)
		}
	})

	t.Run("good", func(t *testing.T) {
		rep, err := inspect(t, bctx, filepath.Join("testdata", "sample-good.html"), axeJS)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range rep.problems {
			t.Errorf("false alarm on the clean sample: %s: %s", pr.check, pr.detail)
		}
		// Each of its three sections starts a new page in print.
		if rep.pdfPages != 3 {
			t.Errorf("counted %d PDF pages for the clean sample, want 3", rep.pdfPages)
		}
		// The text read from each page is the text printed there, and nothing else.
		for i, heading := range []string{"First section", "A wide table that scrolls in its own box", "Third section"} {
			for j, text := range rep.pdfTexts {
				if strings.Contains(text, heading) != (i == j) {
					t.Errorf("page %d's text %q holds %q: %v", j+1, text, heading, i != j)
				}
			}
		}
	})
}

// problem is one failed check: check names it ("console", "network", "script",
// "overflow@375", "axe(dark)", ...) and detail says what and where.
type problem struct {
	check, detail string
}

// report is what inspect found on one page.
type report struct {
	problems []problem
	pdfPages int
	// pdfTexts is the text printed on each page, in order.
	pdfTexts []string
}

func (r *report) add(check, format string, args ...any) {
	r.problems = append(r.problems, problem{check, fmt.Sprintf(format, args...)})
}

// has reports whether a problem of the check mentions detail.
func (r *report) has(check, detail string) bool {
	for _, p := range r.problems {
		if p.check == check && strings.Contains(p.detail, detail) {
			return true
		}
	}
	return false
}

// events collects, from the goroutine that reads the tab's messages, what the page
// writes to the console and every request it makes.
type events struct {
	mu       sync.Mutex
	console  []string
	requests []string
}

func (e *events) listen(ev any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			e.console = append(e.console, fmt.Sprintf("console.%s(%s)%s", ev.Type, consoleArgs(ev.Args), where(ev.StackTrace)))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + firstLine(d.Exception.Description)
		}
		e.console = append(e.console, fmt.Sprintf("uncaught exception: %s at %s:%d:%d", text, d.URL, d.LineNumber+1, d.ColumnNumber+1))
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			e.console = append(e.console, fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		e.requests = append(e.requests, ev.Request.URL)
	case *network.EventWebSocketCreated:
		e.requests = append(e.requests, ev.URL)
	}
}

func consoleArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, strconv.Quote(s))
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.Description != "":
			parts = append(parts, firstLine(a.Description))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, ", ")
}

func where(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" at %s:%d:%d", f.URL, f.LineNumber+1, f.ColumnNumber+1)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// inspect opens the HTML file at path in a new tab of the browser and runs every
// check on it. An error means the harness could not do its work; what the page
// does wrong is in the report.
func inspect(t testing.TB, bctx context.Context, path, axeJS string) (*report, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()

	// The first call on a tab's context opens the tab and ties its life to that
	// context, so open it before putting a deadline on the work.
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	var ev events
	if err := chromedp.Listen(tab, ev.listen); err != nil {
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	// No limit of its own on load, layout at two widths, two axe runs and a PDF: the
	// examples take a few seconds each, and a busy machine is no failure. A page that
	// hangs is stopped shortly before go test's own deadline.
	ctx, cancel := testenv.Context(t, tab)
	defer cancel()

	// Refuse every request to the network, so that a page that asks for a font or
	// a script fails fast and never depends on the machine's connection. The
	// request is still announced, and the network check reports it.
	var block []*network.BlockPattern
	for _, scheme := range []string{"http", "https", "ws", "wss"} {
		block = append(block, &network.BlockPattern{URLPattern: scheme + "://*:*/*", Block: true})
	}
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: block}); err != nil {
		return nil, fmt.Errorf("blocking the network: %w", err)
	}
	last := viewports[len(viewports)-1]
	if err := chromedp.Do(ctx, setViewport(last.width, last.height), chromedp.Navigate(pageURL)); err != nil {
		return nil, fmt.Errorf("loading %s: %w", pageURL, err)
	}

	rep := &report{}

	// The report promises no JavaScript at all. Checked before axe is injected.
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](scriptsJS))
	if err != nil {
		return nil, fmt.Errorf("looking for scripts: %w", err)
	}
	for _, s := range scripts {
		rep.add("script", "%s", s)
	}

	// Without this a phone lays the page out 980 px wide and shrinks it.
	hasViewport, err := chromedp.Run(ctx, chromedp.Evaluate[bool](viewportMetaJS))
	if err != nil {
		return nil, fmt.Errorf("looking for the viewport meta element: %w", err)
	}
	if !hasViewport {
		rep.add("viewport", `no <meta name="viewport" content="width=device-width, initial-scale=1">: phones would shrink a 980 px wide layout`)
	}

	for _, vp := range viewports {
		if err := chromedp.Do(ctx, setViewport(vp.width, vp.height)); err != nil {
			return nil, fmt.Errorf("setting the viewport to %d px: %w", vp.width, err)
		}
		m, err := chromedp.Run(ctx, chromedp.Evaluate[widthMeasure](overflowJS))
		if err != nil {
			return nil, fmt.Errorf("measuring the width at %d px: %w", vp.width, err)
		}
		check := fmt.Sprintf("overflow@%d", vp.width)
		if m.InnerWidth != vp.width {
			rep.add(check, "window.innerWidth is %d, not the emulated %d", m.InnerWidth, vp.width)
		}
		if m.ScrollWidth > m.InnerWidth {
			rep.add(check, "document.documentElement.scrollWidth %d > window.innerWidth %d; widest elements: %s",
				m.ScrollWidth, m.InnerWidth, strings.Join(m.Culprits, "; "))
		}
	}

	// axe at the laptop width, once per colour scheme.
	if err := chromedp.Do(ctx, setViewport(last.width, last.height),
		chromedp.Evaluate[chromedp.Void](axeJS)); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	for _, scheme := range colourSchemes {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		if err != nil {
			return nil, fmt.Errorf("emulating prefers-color-scheme: %s: %w", scheme, err)
		}
		vs, err := chromedp.Run(ctx, chromedp.EvaluateAsDevTools[[]axeViolation](axeRunJS, chromedp.EvalAwaitPromise))
		if err != nil {
			return nil, fmt.Errorf("running axe (%s): %w", scheme, err)
		}
		for _, v := range vs {
			rep.add("axe("+scheme+")", "%s", v)
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		return nil, fmt.Errorf("resetting the emulated media: %w", err)
	}

	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		func(p *page.PrintToPDFParams) { t := true; p.PreferCSSPageSize = &t },
	))
	if err != nil {
		return nil, fmt.Errorf("printing to PDF: %w", err)
	}
	if rep.pdfPages, err = countPDFPages(pdf); err != nil {
		return nil, err
	}
	if rep.pdfTexts, err = pdfPageTexts(pdf); err != nil {
		return nil, fmt.Errorf("reading the text of the PDF: %w", err)
	}
	if len(rep.pdfTexts) != rep.pdfPages {
		return nil, fmt.Errorf("read the text of %d PDF pages, but counted %d", len(rep.pdfTexts), rep.pdfPages)
	}

	// Every event up to the last command's reply has been handled by now.
	ev.mu.Lock()
	defer ev.mu.Unlock()
	for _, c := range ev.console {
		rep.add("console", "%s", c)
	}
	seen := map[string]bool{}
	for _, u := range ev.requests {
		if u == pageURL || strings.HasPrefix(u, "data:") || seen[u] {
			continue
		}
		seen[u] = true
		rep.add("network", "request for %s (only the file itself and data: URLs are allowed)", u)
	}
	return rep, nil
}

func setViewport(width, height int64) chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(width, height, chromedp.EmulatePortrait)
}

const viewportMetaJS = `[...document.querySelectorAll('meta[name=viewport i]')].some(m => /(^|[,\s])width\s*=\s*device-width/i.test(m.content))`

// scriptsJS lists what could run script in the page: script elements, event-handler
// attributes and javascript: URLs.
const scriptsJS = `(() => {
  const found = [];
  for (const s of document.querySelectorAll('script')) {
    found.push('<script>' + (s.src ? ' src=' + s.src : ' ' + s.textContent.trim().slice(0, 60)));
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on') || (/^(href|src|action|formaction|xlink:href)$/.test(n) && /^\s*javascript:/i.test(a.value))) {
        found.push('<' + el.localName + ' ' + a.name + '="' + a.value.slice(0, 60) + '">');
      }
    }
  }
  return found;
})()`

// widthMeasure is what overflowJS returns.
type widthMeasure struct {
	InnerWidth  int64    `json:"innerWidth"`
	ScrollWidth int64    `json:"scrollWidth"`
	Culprits    []string `json:"culprits"`
}

// overflowJS measures the page and names the outermost elements that reach past
// the right edge of the viewport without a scrolling box that clips them, so that a
// failure says what to fix.
const overflowJS = `(() => {
  const vw = window.innerWidth;
  const describe = el => {
    let s = el.localName;
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
    return s;
  };
  const sticksOut = el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) return false;
    for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= vw + 0.5) return false;
    }
    return true;
  };
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!sticksOut(el) || (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement))) continue;
    const r = el.getBoundingClientRect();
    culprits.push(describe(el) + ' (' + Math.round(r.width) + ' px wide, right edge at ' + Math.round(r.right) + ')');
    if (culprits.length === 10) break;
  }
  return {innerWidth: vw, scrollWidth: document.documentElement.scrollWidth, culprits};
})()`

// axeViolation is one axe rule that failed, as axeRunJS returns it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		HTML    string   `json:"html"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s [%s] on %d node(s):", v.ID, v.Impact, v.Help, v.HelpURL, len(v.Nodes))
	for i, n := range v.Nodes {
		if i == 10 {
			fmt.Fprintf(&b, "\n    ... and %d more", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n    %s  %s\n      %s", strings.Join(n.Target, " "), n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
	}
	return b.String()
}

// axeRunJS runs every rule axe-core runs by default (WCAG 2.x A and AA and its best
// practices) and keeps the violations.
const axeRunJS = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
  nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html.slice(0, 200), summary: n.failureSummary || ''})),
})))`

// pdfPage matches a page object's type entry, not the /Type /Pages of the page tree.
// Chromium (Skia) writes the page dictionaries uncompressed, one per page.
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

// pdfCount matches the count of a node of the page tree, used to cross-check. Skia
// builds a tree of /Pages nodes of up to 8 children each, so the root has the largest.
var pdfCount = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b`)

func countPDFPages(pdf []byte) (int, error) {
	if !strings.HasPrefix(string(pdf[:min(len(pdf), 5)]), "%PDF-") {
		return 0, errors.New("printing to PDF gave no PDF")
	}
	n := len(pdfPage.FindAll(pdf, -1))
	root := 0
	for _, m := range pdfCount.FindAllSubmatch(pdf, -1) {
		c, _ := strconv.Atoi(string(m[1]) + string(m[2]))
		root = max(root, c)
	}
	if root != n {
		return 0, fmt.Errorf("the PDF has %d page objects but its page tree counts %d", n, root)
	}
	if n == 0 {
		return 0, errors.New("found no page in the PDF")
	}
	return n, nil
}

// readAxe returns the source of axe-core, to inject into each page.
func readAxe(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(npmFile(t, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// chromiumPath returns the browser to drive: $CHROMIUM, else Debian's chromium.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		path, err := exec.LookPath(p)
		if err != nil {
			unavailable(t, fmt.Sprintf("CHROMIUM=%s is not a browser to run (%v): unset it and run %s, or point it at Chromium or Chrome", p, err, aptSetup))
		}
		return path
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	unavailable(t, "Chromium is not installed: run "+aptSetup+" (or set CHROMIUM to a Chromium or Chrome binary)")
	return ""
}

// browser is the one headless Chromium every test shares; each page gets a tab.
var browser struct {
	sync.Mutex
	ctx     context.Context
	err     error
	cancel  []func()
	dataDir string
}

// needBrowser starts the shared browser on first use, or skips if there is none.
func needBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath(t)
	browser.Lock()
	defer browser.Unlock()
	if browser.ctx == nil && browser.err == nil {
		browser.err = startBrowser(t, path)
	}
	if browser.err != nil {
		t.Fatalf("starting %s: %v", path, browser.err)
	}
	return browser.ctx
}

func startBrowser(t testing.TB, path string) error {
	dir, err := os.MkdirTemp("", "htmlcheck-chromium-")
	if err != nil {
		return err
	}
	browser.dataDir = dir
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir), // a fresh profile
		chromedp.NoSandbox,        // CI runs as root, where Chromium's sandbox cannot start
		chromedp.Flag("disable-gpu", true),
		// Without these Chromium reaches out to Google's servers on its own, which
		// is noise (and refused connections) on a machine without internet.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	browser.cancel = []func(){bcancel, acancel}
	// The first Run starts the browser and must not have a deadline (it would end
	// the browser), so the deadline is kept here.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	wait, cancel := testenv.Context(t, context.Background())
	defer cancel()
	select {
	case err = <-started:
	case <-wait.Done():
		err = errors.New("the browser had not started when the test binary's time was nearly up")
	}
	if err != nil {
		return err
	}
	browser.ctx = bctx
	return nil
}

func closeBrowser() {
	browser.Lock()
	defer browser.Unlock()
	if browser.ctx != nil {
		ctx, cancel := context.WithTimeout(browser.ctx, 10*time.Second)
		_ = chromedp.Cancel(ctx)
		cancel()
	}
	for _, c := range browser.cancel {
		c()
	}
	if browser.dataDir != "" {
		os.RemoveAll(browser.dataDir)
	}
}

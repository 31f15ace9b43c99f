package htmlcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/render"
	reportdata "github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/testenv"
)

// crowdSizes are the numbers of stakeholder groups of the crowd plans in
// internal/render/testdata/plans/crowd (generated there by crowd_test.go): issue #19's
// charts "seen by a new user", as they fill up.
var crowdSizes = []int{1, 6, 18, 60}

// crowdPlan is a crowd plan: its name and its number of groups.
type crowdPlan struct {
	name string
	n    int
}

// crowdPlans are the crowd plans and, generated beside them, the plans whose groups
// all share one cell of the grid, more than Mermaid's lattice has room for.
func crowdPlans() []crowdPlan {
	var plans []crowdPlan
	for _, n := range crowdSizes {
		plans = append(plans, crowdPlan{fmt.Sprintf("crowd-%d", n), n})
	}
	return append(plans, crowdPlan{"crowd-20-medium-high", 20}, crowdPlan{"crowd-30-high-high", 30}, crowdPlan{"crowd-60-high-high", 60})
}

// mermaidJS is Mermaid's browser build, installed for internal/timeline's parser checks.
var mermaidJS = filepath.Join("..", "timeline", "testdata", "node_modules", "mermaid", "dist", "mermaid.min.js")

// crowdReport is the report data of the crowd plan of that name, as plan render makes it.
func crowdReport(t *testing.T, name string) *reportdata.Data {
	t.Helper()
	path := filepath.Join("..", "render", "testdata", "plans", "crowd", name+".plan.yaml")
	p, err := plan.Load(path, path, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	settings := rules.DefaultSettings()
	return reportdata.Build(p, reportdata.Options{
		Findings: lint.New(nil).CheckPlan(p),
		Today:    plan.MustDate("2027-04-20"),
		Version:  "v0.0.0-htmlcheck",
		Git:      fakeGit,
		Minimums: settings.Minimums,
		Ideals:   settings.Ideals,
	})
}

func fileURL(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// chartCheck is what chartsJS and mermaidGridJS find.
type chartCheck struct {
	Problems []string `json:"problems"`
	Chips    int      `json:"chips"`
	Texts    int      `json:"texts"`
	Points   []string `json:"points"`
	// GanttShare is the Gantt chart's width over its figure's: 1 when it uses the width.
	GanttShare float64 `json:"ganttShare"`
}

// TestChartsDoNotOverlap opens the HTML report of each crowd plan in Chromium at 1280 px
// and measures every label of every chart as the browser lays it out, with its real
// fonts: no two labels overlap or leave their chart, every name fits its chip, every
// chip stays in its cell, no quadrant's tint reaches a cell of medium ratings, no two
// chips read the same, and the Gantt chart takes the width of the text.
func TestChartsDoNotOverlap(t *testing.T) {
	bctx := needBrowser(t)
	dir := t.TempDir()
	for _, c := range crowdPlans() {
		n := c.n
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.HTML(&buf, crowdReport(t, c.name), render.HTMLOptions{}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, c.name+".html")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			got := evaluate(t, bctx, fileURL(t, path), chartsJS, false)
			for _, p := range got.Problems {
				t.Error(p)
			}
			if got.Chips != n {
				t.Errorf("%d chips on the grid for %d stakeholders", got.Chips, n)
			}
			if got.GanttShare < 0.98 {
				t.Errorf("the Gantt chart is %.0f%% as wide as the text", got.GanttShare*100)
			}
		})
	}
}

// TestStandaloneChartsDoNotOverlap opens the charts of each crowd plan as plan render
// --charts writes them, each an SVG document of its own, and measures them as above.
func TestStandaloneChartsDoNotOverlap(t *testing.T) {
	bctx := needBrowser(t)
	dir := t.TempDir()
	for _, plan := range crowdPlans() {
		n := plan.n
		d := crowdReport(t, plan.name)
		for name, c := range map[string][]byte{"grid": d.Grid.Chart.Standalone(), "matrix": d.Engagement.Chart.Standalone(), "gantt": d.Timeline.Gantt.Standalone()} {
			t.Run(plan.name+"/"+name, func(t *testing.T) {
				path := filepath.Join(dir, fmt.Sprintf("%s-%s.svg", plan.name, name))
				if err := os.WriteFile(path, c, 0o644); err != nil {
					t.Fatal(err)
				}
				got := evaluate(t, bctx, fileURL(t, path), chartsJS, false)
				for _, p := range got.Problems {
					t.Error(p)
				}
				if got.Texts == 0 {
					t.Fatal("found no label to measure")
				}
				if name == "grid" && got.Chips != n {
					t.Errorf("%d chips on the grid for %d stakeholders", got.Chips, n)
				}
			})
		}
	}
}

// TestMermaidGridDoesNotOverlap draws the Markdown report's grid with Mermaid itself in
// Chromium and measures it: one point per stakeholder, numbered 1 to n (or one per cell
// too crowded for that, numbered with its range), and no label overlapping another label
// or another point, up to 60 groups in one cell.
func TestMermaidGridDoesNotOverlap(t *testing.T) {
	src, err := os.ReadFile(mermaidJS)
	if err != nil {
		unavailable(t, fmt.Sprintf("Mermaid is not installed (%s is missing): run npm ci --prefix internal/timeline/testdata", mermaidJS))
	}
	bctx := needBrowser(t)
	page := filepath.Join(t.TempDir(), "mermaid.html")
	if err := os.WriteFile(page, []byte("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mermaid</title></head><body></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range crowdPlans() {
		n := c.n
		t.Run(c.name, func(t *testing.T) {
			diagram, _ := json.Marshal(crowdReport(t, c.name).Grid.Mermaid)
			js := string(src) + ";\nmermaid.initialize({startOnLoad: false});\n(" + mermaidGridJS + ")(" + string(diagram) + ")"
			got := evaluate(t, bctx, fileURL(t, page), js, true)
			for _, p := range got.Problems {
				t.Error(p)
			}
			var want []string
			for i := 1; i <= n; i++ {
				want = append(want, fmt.Sprint(i))
			}
			if got := numbersOf(t, got.Points); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("the points number %q, want 1 to %d", got, n)
			}
		})
	}
}

// numbersOf are the numbers the points' labels give, in order: a label is a number, or
// the range of a cell too full for a point each ("1–20").
func numbersOf(t *testing.T, labels []string) []string {
	t.Helper()
	var numbers []string
	for _, l := range labels {
		from, to, isRange := strings.Cut(l, "–")
		if !isRange {
			to = from
		}
		a, errA := strconv.Atoi(from)
		z, errZ := strconv.Atoi(to)
		if errA != nil || errZ != nil {
			t.Errorf("a point is labelled %q, neither a number nor a range", l)
			continue
		}
		for i := a; i <= z; i++ {
			numbers = append(numbers, fmt.Sprint(i))
		}
	}
	return numbers
}

// evaluate opens pageURL in a new tab at 1280 × 800 and returns what js finds.
func evaluate(t *testing.T, bctx context.Context, pageURL, js string, await bool) chartCheck {
	t.Helper()
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	ctx, cancel := testenv.Context(t, tab)
	defer cancel()
	if err := chromedp.Do(ctx, setViewport(1280, 800), chromedp.Navigate(pageURL)); err != nil {
		t.Fatalf("loading %s: %v", pageURL, err)
	}
	var opts []chromedp.EvaluateOption
	if await {
		opts = append(opts, chromedp.EvalAwaitPromise)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[chartCheck](js, opts...))
	if err != nil {
		t.Fatalf("measuring the charts: %v", err)
	}
	return got
}

// boxesJS are the helpers both measurements share.
const boxesJS = `
  const problems = [];
  const box = el => el.getBoundingClientRect();
  // Edges that touch do not overlap: half a pixel of rounding is allowed.
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  const label = el => JSON.stringify((el.textContent || '').trim().slice(0, 60));
  const noOverlaps = (what, els) => {
    const boxes = els.map(box);
    for (let i = 0; i < els.length; i++) {
      for (let j = i + 1; j < els.length; j++) {
        if (overlap(boxes[i], boxes[j])) problems.push(what + ': ' + label(els[i]) + ' overlaps ' + label(els[j]));
      }
    }
  };
`

const chartsJS = `(() => {` + boxesJS + `
  let measured = 0;
  for (const svg of document.querySelectorAll('svg.chart')) {
    const id = [...svg.classList].find(c => c.startsWith('chart-'));
    const texts = [...svg.querySelectorAll('text')];
    measured += texts.length;
    noOverlaps(id, texts);
    for (const t of texts) {
      if (!inside(box(t), box(svg))) problems.push(id + ': ' + label(t) + ' reaches outside the chart');
    }
  }
  let chips = 0;
  const grid = document.querySelector('svg.chart-grid');
  if (grid) {
    const gs = [...grid.querySelectorAll('g.chip')];
    chips = gs.length;
    noOverlaps('grid chips', gs.map(g => g.querySelector('rect.chip')));
    const seen = new Set();
    for (const g of gs) {
      const rect = g.querySelector('rect.chip'), text = g.querySelector('text');
      if (!inside(box(text), box(rect))) problems.push('grid: ' + label(text) + ' does not fit its chip');
      const cell = grid.querySelector('rect.cell[data-cell="' + g.dataset.cell + '"]');
      if (!cell || !inside(box(rect), box(cell))) problems.push('grid: ' + label(text) + ' is not inside its cell');
      const name = [...text.querySelectorAll('tspan')].map(s => s.textContent).join(' ');
      if (seen.has(name)) problems.push('grid: two chips read ' + JSON.stringify(name));
      seen.add(name);
    }
    for (const between of grid.querySelectorAll('rect.cell.between')) {
      for (const q of grid.querySelectorAll('rect.quadrant')) {
        if (overlap(box(between), box(q))) problems.push('grid: a quadrant tint (' + q.getAttribute('class') + ') reaches the medium cell ' + between.dataset.cell);
      }
      // A standalone chart (an SVG document, no body) is drawn on white.
      const background = document.body ? getComputedStyle(document.body).backgroundColor : 'rgb(255, 255, 255)';
      if (getComputedStyle(between).fill !== background) {
        problems.push('grid: the medium cell ' + between.dataset.cell + ' is filled ' + getComputedStyle(between).fill + ', not the page background');
      }
    }
  }
  const gantt = document.querySelector('svg.chart-gantt');
  const figure = gantt && gantt.closest('figure');
  const ganttShare = figure ? box(gantt).width / box(figure).width : 0;
  return {problems, chips, ganttShare, texts: measured};
})()`

const mermaidGridJS = `async (diagram) => {` + boxesJS + `
  const {svg} = await mermaid.render('grid', diagram);
  const holder = document.createElement('div');
  holder.innerHTML = svg;
  document.body.appendChild(holder);
  const chart = holder.querySelector('svg');
  const points = [...chart.querySelectorAll('g.data-point')];
  noOverlaps('mermaid', [...chart.querySelectorAll('text')]);
  for (const p of points) {
    const text = p.querySelector('text');
    for (const q of points) {
      if (q !== p && overlap(box(text), box(q.querySelector('circle')))) problems.push('mermaid: label ' + label(text) + ' covers point ' + label(q));
    }
    if (!inside(box(text), box(chart))) problems.push('mermaid: label ' + label(text) + ' reaches outside the chart');
  }
  return {problems, points: points.map(p => p.querySelector('text').textContent).sort((a, b) => parseInt(a, 10) - parseInt(b, 10))};
}`

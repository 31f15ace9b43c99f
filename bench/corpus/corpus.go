// Package corpus writes realistic stakeholder engagement plans of a chosen size for
// benchmarks and the comparison script. The plans look like the examples people write
// (block scalars, flow lists, comments, dates, roles, a full timeline) so that timings
// reflect real files rather than a toy shape, and every plan is valid against the schema
// so that the comparison with other validators measures the same work.
//
// Generation is deterministic for a seed and a plan index: plan i of a corpus is the same
// whether 10 or 10,000 plans are written, which keeps corpora of different sizes
// comparable when measuring how time grows with the number of plans.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Config sets the size of each plan and how often it has findings.
type Config struct {
	Stakeholders int
	Objectives   int
	Activities   int
	Seed         uint64
	// FlawEvery makes one plan in FlawEvery carry findings (a missing channel, an
	// unmitigated risk, a placeholder …); 0 means the default of 5, a negative value never.
	FlawEvery int
	// AllFlaws gives every plan every kind of finding the generator knows, for
	// benchmarks of the output formats, which need findings to format.
	AllFlaws bool
}

// Default is the shape the targets are stated for: 25 stakeholders, 6 objectives
// and 12 activities.
func Default() Config {
	return Config{Stakeholders: 25, Objectives: 6, Activities: 12, Seed: 1}
}

// Name is the file name of plan i in a corpus, sortable and found by `plan check DIR`.
func Name(i int) string { return fmt.Sprintf("plan-%05d.plan.yaml", i) }

// flaw is one way a generated plan falls short, each caught by a different rule.
type flaw int

const (
	flawNoChannels   flaw = iota // stakeholder-unreachable
	flawUnmitigated              // risk-unmitigated
	flawPlaceholder              // placeholder
	flawUnknownRef               // unknown-reference
	flawUnmeasured               // objective-unmeasured
	flawShortPhase               // phase-too-short
	flawNoPrivacy                // privacy-missing
	flawIgnored                  // a plan:ignore comment that silences a placeholder
	flawUnusedIgnore             // unused-ignore
	flawCount
)

// Plan returns plan i of the corpus described by c.
func Plan(c Config, i int) []byte {
	r := rand.New(rand.NewPCG(c.Seed, uint64(i)*0x9e3779b97f4a7c15+1))
	g := &gen{r: r, c: c, flaws: map[flaw]bool{}}
	every := c.FlawEvery
	if every == 0 {
		every = 5
	}
	switch {
	case c.AllFlaws:
		for f := flaw(0); f < flawCount; f++ {
			g.flaws[f] = true
		}
	case every > 0 && r.IntN(every) == 0:
		for n := 1 + r.IntN(3); n > 0; n-- {
			g.flaws[flaw(r.IntN(int(flawCount)))] = true
		}
	}
	g.write()
	return []byte(g.b.String())
}

type gen struct {
	r     *rand.Rand
	c     Config
	flaws map[flaw]bool
	b     strings.Builder

	place        string
	org          string
	topic        string
	start        time.Time
	phases       []phase
	stakeholders []string
	objectives   []string
	decisions    []string
	activityIDs  []string
}

type phase struct {
	id, kind, name string
	start, end     time.Time // end is zero for an ongoing phase
	// length is how the file states the phase's end: "weeks: 6", "days: 5" or "end: …".
	length string
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) line(format string, args ...any) {
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

// folded writes a long text as a ">-" block scalar wrapped near 90 columns, the way the
// examples are written.
func (g *gen) folded(indent, key, text string) {
	g.line("%s%s: >-", indent, key)
	g.wrap(indent+"  ", text)
}

func (g *gen) literal(indent, key, text string) {
	g.line("%s%s: |", indent, key)
	g.wrap(indent+"  ", text)
}

func (g *gen) wrap(indent, text string) {
	width := 0
	g.b.WriteString(indent)
	for i, w := range strings.Fields(text) {
		if i > 0 && width+1+len(w) > 88 {
			g.b.WriteByte('\n')
			g.b.WriteString(indent)
			width = 0
		} else if i > 0 {
			g.b.WriteByte(' ')
			width++
		}
		g.b.WriteString(w)
		width += len(w)
	}
	g.b.WriteByte('\n')
}

func date(t time.Time) string { return t.Format("2006-01-02") }

func (g *gen) sentence() string {
	return fmt.Sprintf("%s %s %s %s.", g.pick(subjects), g.pick(verbs), g.pick(objects), g.pick(tails))
}

func (g *gen) paragraph(min, max int) string {
	n := min + g.r.IntN(max-min+1)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence()
	}
	return strings.Join(s, " ")
}

func (g *gen) write() {
	g.place = g.pick(places)
	g.org = g.place + " " + g.pick(orgKinds)
	g.topic = g.pick(topics)
	g.start = time.Date(2027+g.r.IntN(3), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
	g.planTimeline()
	g.stakeholders = g.ids(g.c.Stakeholders, stakeholderWords)
	g.objectives = g.ids(g.c.Objectives, objectiveWords)
	g.activityIDs = g.ids(g.c.Activities, activityWords)
	g.decisions = []string{"adopt-" + slug(g.topic), "priorities"}

	g.line("# yaml-language-server: $schema=../schema/plan.schema.json")
	g.line("schema_version: 1")
	g.line("title: %s — %s engagement", g.org, g.topic)
	g.literal("", "summary", fmt.Sprintf("%s is asking the community about **%s**. %s", g.org, g.topic, g.paragraph(3, 5)))
	g.line("")
	g.line("mandate:")
	g.folded("  ", "statement", fmt.Sprintf("We are engaging the people of %s about %s because we want to understand what matters to them, so that we can decide in a way that works for everyone.", g.place, g.topic))
	g.folded("  ", "participation", g.paragraph(1, 2))
	g.folded("  ", "commitment", g.paragraph(1, 2))
	g.line("")
	g.line("context:")
	g.literal("  ", "legislative", "- **"+g.pick(laws)+"**: "+g.paragraph(1, 2))
	g.literal("  ", "organisational", g.paragraph(2, 3))
	g.line("")
	g.line("status:")
	g.line("  previous_engagement:")
	for i := 0; i < 2; i++ {
		g.line("    - method: %s", g.pick(methods))
		g.line("      date: %s", date(g.start.AddDate(-1-i, -g.r.IntN(11), 0)))
		g.folded("      ", "result", g.paragraph(1, 2))
	}
	g.line("")
	g.writeObjectives()
	g.line("")
	g.writeStakeholders()
	g.line("")
	g.writeRoles()
	g.line("")
	g.writeBudget()
	g.line("")
	g.writePolicy()
	g.line("")
	g.writeActivities()
	g.line("")
	g.writeRisks()
	g.line("")
	g.writeDecisions()
	g.line("")
	g.writeTimeline()
	g.line("")
	g.writeEvaluation()
}

// ids returns n distinct slugs built from words, numbered once the words run out.
func (g *gen) ids(n int, words []string) []string {
	out := make([]string, n)
	offset := g.r.IntN(len(words))
	for i := range out {
		w := words[(offset+i)%len(words)]
		if i >= len(words) {
			w = fmt.Sprintf("%s-%d", w, i/len(words)+1)
		}
		out[i] = w
	}
	return out
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

func (g *gen) planTimeline() {
	day := g.start
	add := func(id, kind, name string, days int, length string) {
		p := phase{id: id, kind: kind, name: name, start: day, length: length}
		if days > 0 {
			p.end = day.AddDate(0, 0, days-1)
			day = p.end.AddDate(0, 0, 1)
		}
		g.phases = append(g.phases, p)
	}
	weeks := 4 + g.r.IntN(5)
	add("planning", "planning", "Planning and preparation", weeks*7, fmt.Sprintf("weeks: %d", weeks))
	launch := 3 + g.r.IntN(8)
	add("launch", "launch", "", launch, fmt.Sprintf("days: %d", launch))
	engage := 28 + g.r.IntN(43)
	if g.flaws[flawShortPhase] {
		engage = 10
	}
	end := day.AddDate(0, 0, engage-1)
	add("consultation", "engagement", "Public consultation", engage, "end: "+date(end))
	closing := 2 + g.r.IntN(3)
	add("close", "close", "Analysis and report back", closing*7, fmt.Sprintf("weeks: %d", closing))
	add("ongoing", "ongoing", "Implementation updates", 0, "")
}

// within returns a date inside the dated phases, so objectives fall in the timeline.
func (g *gen) within() time.Time {
	first, last := g.phases[0].start, g.phases[len(g.phases)-2].end
	span := int(last.Sub(first).Hours() / 24)
	return first.AddDate(0, 0, g.r.IntN(span+1))
}

func (g *gen) writeObjectives() {
	g.line("# SMART objectives: each one is measured in `evaluation` below and falls within the timeline.")
	g.line("objectives:")
	for i, id := range g.objectives {
		g.line("  - id: %s", id)
		g.line("    statement: %s", g.sentence())
		g.folded("    ", "specific", g.paragraph(1, 2))
		g.folded("    ", "measurable", fmt.Sprintf("At least %d contributions, including %d from %s.", 100+g.r.IntN(900), 10+g.r.IntN(90), g.pick(groups)))
		g.line("    assignable: %s", g.pick(roleKeys[:3]))
		g.folded("    ", "realistic", g.paragraph(1, 2))
		g.line("    time_related: %s", date(g.within()))
		if i < len(g.decisions) {
			g.line("    decision: %s", g.decisions[i])
		}
	}
}

func (g *gen) writeStakeholders() {
	g.line("# The stakeholder register. Anyone marked vulnerable needs at least two ways to take part.")
	g.line("stakeholders:")
	for i, id := range g.stakeholders {
		influence, impact := g.pick(levels), g.pick(levels)
		participation := g.pick(participations)
		if influence == "high" && impact == "high" && participation == "inform" {
			participation = "collaborate"
		}
		cur := g.r.IntN(3)
		want := cur + g.r.IntN(3)
		g.line("  - id: %s", id)
		g.line("    name: %s", g.pick(groups)+" of "+g.place)
		g.folded("    ", "profile", g.paragraph(1, 3))
		g.folded("    ", "interest", g.paragraph(1, 2))
		g.line("    influence: %s", influence)
		g.line("    impact: %s", impact)
		g.line("    participation: %s", participation)
		g.line("    engagement:")
		g.line("      current: %s", engagementLevels[cur])
		g.line("      desired: %s", engagementLevels[want])
		// The flawed plan has one stakeholder nobody can reach: the register says who,
		// not how.
		if !g.flaws[flawNoChannels] || i != len(g.stakeholders)/2 {
			g.line("    channels:")
			for n := 2 + g.r.IntN(2); n > 0; n-- {
				g.line("      - %s", g.pick(channels))
			}
		}
		if g.r.IntN(4) == 0 {
			g.line("    vulnerable: true")
		}
		if g.r.IntN(2) == 0 {
			g.line("    contact: %s@%s.example", id, slug(g.place))
		}
		if g.r.IntN(6) == 0 {
			g.line("    x_crm_id: %d", 10000+g.r.IntN(90000))
		}
	}
}

var roleKeys = []string{"sro", "project_manager", "engagement_lead", "subject_matter_expert", "content_editor", "technical_support"}

func (g *gen) writeRoles() {
	g.line("roles:")
	for i, k := range roleKeys {
		g.line("  %s:", k)
		if i == 5 && g.r.IntN(2) == 0 {
			g.line("    name:")
			g.line("      - %s %s", g.pick(firstNames), g.pick(lastNames))
			g.line("      - %s %s", g.pick(firstNames), g.pick(lastNames))
		} else {
			g.line("    name: %s %s", g.pick(firstNames), g.pick(lastNames))
		}
		g.line("    contact: %s@%s.example", strings.ReplaceAll(k, "_", "."), slug(g.place))
		g.folded("    ", "responsibilities", g.paragraph(1, 2))
	}
}

func (g *gen) writeBudget() {
	g.line("budget:")
	g.line("  currency: %s", g.pick([]string{"AUD", "GBP", "EUR", "NZD", "CAD"}))
	g.line("  items:")
	for _, cat := range []string{"marketing", "tools", "staff", "other"} {
		g.line("    - category: %s", cat)
		g.line("      description: %s", g.sentence())
		g.line("      amount: %d", 100*(1+g.r.IntN(200)))
	}
}

func (g *gen) writePolicy() {
	g.line("policy:")
	g.line("  principles:")
	for _, p := range []string{"Inclusion", "Transparency", "Accountability"} {
		g.line("    - \"%s: %s\"", p, strings.TrimSuffix(g.sentence(), "."))
	}
	g.line("  response:")
	g.line("    within_days: %d", 1+g.r.IntN(10))
	g.folded("    ", "moderation", g.paragraph(1, 2))
	g.folded("    ", "reporting", g.paragraph(1, 2))
	g.line("  techniques:")
	// Every stakeholder is reached by some activity already; techniques name a sample.
	for t := 0; t < 3; t++ {
		g.line("    - tool: %s", g.pick(methods))
		g.line("      purpose: %s", g.sentence())
		ids := g.sample(g.stakeholders, 1+g.r.IntN(4))
		g.line("      stakeholders: [%s]", strings.Join(ids, ", "))
	}
	g.line("  information:")
	g.literal("    ", "collected", g.paragraph(1, 2))
	if !g.flaws[flawNoPrivacy] {
		g.literal("    ", "privacy", g.paragraph(1, 2))
	}
	g.literal("    ", "publication", g.paragraph(1, 2))
	g.literal("  ", "content_strategy", g.paragraph(2, 3))
}

func (g *gen) sample(from []string, n int) []string {
	n = min(n, len(from))
	idx := g.r.Perm(len(from))[:n]
	out := make([]string, n)
	for i, j := range idx {
		out[i] = from[j]
	}
	return out
}

func (g *gen) writeActivities() {
	g.line("# Who is invited, when, where, and whether the activity listens.")
	g.line("activities:")
	n := len(g.activityIDs)
	for i, id := range g.activityIDs {
		// Deal the stakeholders out across activities so each is reached by one that
		// gathers feedback, then add a few more to each audience.
		var audience []string
		for k, s := range g.stakeholders {
			if n > 0 && k%n == i {
				audience = append(audience, s)
			}
		}
		for _, s := range g.sample(g.stakeholders, g.r.IntN(3)) {
			if !contains(audience, s) {
				audience = append(audience, s)
			}
		}
		if len(audience) == 0 {
			audience = g.sample(g.stakeholders, 1)
		}
		if g.flaws[flawUnknownRef] && i == 0 {
			audience = append(audience, "nobody-of-that-name")
		}
		ph := g.phases[1+g.r.IntN(3)]
		g.line("  - id: %s", id)
		if g.flaws[flawPlaceholder] && i == n-1 {
			g.line("    name: Drop-in session at [Insert venue]")
		} else if g.flaws[flawIgnored] && i == 0 {
			g.line("    # plan:ignore placeholder -- the venue is booked next week")
			g.line("    name: Workshop TBD")
		} else {
			g.line("    name: %s", g.pick(activityNames)+" for "+strings.ToLower(g.pick(groups)))
		}
		g.line("    kind: %s", g.pick(activityKinds))
		if len(audience) > 0 {
			g.line("    audience: [%s]", strings.Join(audience, ", "))
		}
		switch g.r.IntN(3) {
		case 0:
			g.line("    phase: %s", ph.id)
		case 1:
			g.line("    date: %s", date(ph.start.AddDate(0, 0, g.r.IntN(3))))
		default:
			g.line("    phase: %s", ph.id)
			g.line("    cadence: %s", g.pick([]string{"weekly", "fortnightly", "monthly"}))
		}
		if g.flaws[flawUnusedIgnore] && i == 1 {
			g.line("    channel: %s # plan:ignore activity-incomplete -- kept for the audit", g.pick(channels))
		} else {
			g.line("    channel: %s", g.pick(channels))
		}
		g.line("    owner: %s", g.pick(roleKeys))
		g.line("    feedback: %v", i < len(g.stakeholders) || g.r.IntN(4) != 0)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (g *gen) writeRisks() {
	g.line("risks:")
	for i := 0; i < 4; i++ {
		g.line("  - id: %s", riskWords[i%len(riskWords)])
		g.folded("    ", "description", g.paragraph(1, 2))
		g.line("    likelihood: %s", g.pick(levels))
		g.line("    impact: %s", g.pick(levels))
		if !(g.flaws[flawUnmitigated] && i == 2) {
			g.folded("    ", "mitigation", g.paragraph(1, 2))
		}
		g.line("    owner: %s", g.pick(roleKeys))
	}
}

func (g *gen) writeDecisions() {
	g.line("# Decision points: what is open, what is fixed, and when people hear the result.")
	g.line("decisions:")
	for i, id := range g.decisions {
		ph := g.phases[2+i]
		g.line("  - id: %s", id)
		g.line("    question: %s?", strings.TrimSuffix(g.sentence(), "."))
		g.line("    phase: %s", ph.id)
		g.line("    decision_maker: %s", g.pick([]string{"sro", "Council", "Executive team", "Board"}))
		g.line("    open:")
		for n := 2 + g.r.IntN(2); n > 0; n-- {
			g.line("      - %s", strings.TrimSuffix(g.sentence(), "."))
		}
		g.line("    non_negotiable:")
		g.line("      - %s", strings.TrimSuffix(g.sentence(), "."))
		g.line("    report_back: %s", date(g.phases[3].end))
	}
}

func (g *gen) writeTimeline() {
	g.line("timeline:")
	g.line("  start: %s", date(g.start))
	g.line("  phases:")
	for _, p := range g.phases {
		g.line("    - id: %s", p.id)
		g.line("      kind: %s", p.kind)
		if p.name != "" {
			g.line("      name: %s", p.name)
		}
		if p.length != "" {
			g.line("      %s", p.length)
		}
		g.line("      activities:")
		for n := 2 + g.r.IntN(3); n > 0; n-- {
			g.line("        - %s", strings.TrimSuffix(g.sentence(), "."))
		}
	}
}

func (g *gen) writeEvaluation() {
	g.line("evaluation:")
	g.line("  measures:")
	for i, o := range g.objectives {
		if g.flaws[flawUnmeasured] && i == len(g.objectives)-1 {
			continue
		}
		g.line("    - id: measure-%d", i+1)
		g.line("      metric: %s", g.sentence())
		if g.r.IntN(2) == 0 {
			g.line("      target: %d", 10*(1+g.r.IntN(100)))
		} else {
			g.line("      target: %d%%", 50+g.r.IntN(50))
		}
		g.line("      method: %s", g.pick(methods))
		g.line("      objective: %s", o)
	}
}

package output

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/rules"
)

// SARIF is the format for code scanning: SARIF 2.1.0 as GitHub accepts it, with every
// rule described so that alerts carry their rationale and fix. The output depends only on
// the report (no timestamps, no absolute paths), so the same plans give the same bytes.
type SARIF struct{}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolName     = "plan"
	toolURI      = "https://github.com/planascode/plan"
	// srcRoot is the base id code scanning resolves relative paths against: the root of
	// the repository checked out.
	srcRoot = "%SRCROOT%"
	// fingerprintKey is the partial fingerprint GitHub reads; giving our own stops it
	// from hashing the source line, which changes whenever the line is edited.
	fingerprintKey = "primaryLocationLineHash"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool sarifTool `json:"tool"`
	// ColumnKind says columns count Unicode code points, as yaml.v3's do; the SARIF
	// default is UTF-16 code units, which differ beyond the Basic Multilingual Plane.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string          `json:"name"`
	Version        string          `json:"version,omitempty"`
	InformationURI string          `json:"informationUri"`
	Rules          []sarifRuleDesc `json:"rules"`
}

type sarifRuleDesc struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      *sarifText      `json:"fullDescription,omitempty"`
	Help                 *sarifHelp      `json:"help,omitempty"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// Format writes the report as a SARIF log with one run.
func (SARIF) Format(w io.Writer, r Report) error {
	descs, index := sarifRules(r.Rules, r.Findings)
	results := make([]sarifResult, 0, len(r.Findings)) // [] rather than null: GitHub wants an array
	seen := map[string]int{}
	rel := relPaths(r.BaseDir)
	for _, f := range r.Findings {
		uri := uriReference(rel(f.File))
		line, col, endLine, endCol := span(f)
		hash := fingerprint(f, uri)
		seen[hash]++
		results = append(results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: srcRoot},
				Region:           sarifRegion{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol},
			}}},
			// The ":n" suffix numbers results that hash alike, as GitHub's own line hash
			// does, so that each still has a fingerprint of its own.
			PartialFingerprints: map[string]string{fingerprintKey: hash + ":" + strconv.Itoa(seen[hash])},
		})
	}
	return encodeJSON(w, sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           toolName,
				Version:        r.Version,
				InformationURI: toolURI,
				Rules:          descs,
			}},
			ColumnKind: "unicodeCodePoints",
			Results:    results,
		}},
	})
}

// sarifRules describes every registered rule, sorted by id, and returns each id's index.
// A finding whose rule is not registered still gets a minimal descriptor, so that every
// result's ruleIndex points at a rule and no finding is dropped from code scanning.
func sarifRules(registered []rules.Rule, findings []diag.Finding) ([]sarifRuleDesc, map[string]int) {
	byID := map[string]rules.Rule{}
	for _, r := range registered {
		if _, dup := byID[r.ID]; !dup {
			byID[r.ID] = r
		}
	}
	for _, f := range findings {
		if _, ok := byID[f.Rule]; !ok {
			byID[f.Rule] = rules.Rule{ID: f.Rule, Severity: f.Severity}
		}
	}
	ids := slices.Sorted(maps.Keys(byID))
	descs := make([]sarifRuleDesc, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		descs = append(descs, sarifRule(byID[id]))
	}
	return descs, index
}

func sarifRule(r rules.Rule) sarifRuleDesc {
	d := sarifRuleDesc{
		ID:                   r.ID,
		Name:                 camelCase(r.ID),
		ShortDescription:     sarifText{Text: r.Summary},
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Tags: ruleTags(r)},
	}
	if d.ShortDescription.Text == "" {
		d.ShortDescription.Text = r.ID // SARIF requires text; the id is better than nothing
	}
	if r.Rationale != "" {
		d.FullDescription = &sarifText{Text: r.Rationale}
	}
	if r.Fix != "" {
		md := "**How to fix:** " + r.Fix
		if r.Rationale != "" {
			md = r.Rationale + "\n\n" + md
		}
		d.Help = &sarifHelp{Text: r.Fix, Markdown: md}
	}
	return d
}

// sarifLevel maps a severity to a SARIF level; SARIF calls info "note".
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// sourceTags names the bodies of practice that rules.Rule.Source abbreviates.
var sourceTags = map[string]string{
	"T": "engagement-plan-template",
	"D": "deployment-guidance",
	"P": "pmbok",
	"C": "consultation-practice",
}

// ruleTags are the labels code scanning lets people filter alerts by: every rule is about
// stakeholder engagement, and its sources (a rule may cite several, as in "D, C") say
// which body of practice it comes from; a rule without one checks structure.
func ruleTags(r rules.Rule) []string {
	tags := []string{"stakeholder-engagement"}
	sources := strings.FieldsFunc(r.Source, func(c rune) bool { return c == ',' || unicode.IsSpace(c) })
	if len(sources) == 0 {
		return append(tags, "structure")
	}
	for _, s := range sources {
		tag, ok := sourceTags[strings.ToUpper(s)]
		if !ok {
			tag = "source-" + strings.ToLower(s)
		}
		tags = append(tags, tag)
	}
	return tags
}

// camelCase turns a rule id such as "role-unassigned" into the SARIF rule name
// "RoleUnassigned", which is how SARIF viewers expect names to look.
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[n:])
	}
	return b.String()
}

// lineRef is a line number in a message.
var lineRef = lazyregexp.New(`\bline \d+\b`)

// fingerprint identifies a result across runs by what it is about (rule, file and the
// node's JSON pointer) and what it says, leaving out line numbers so that an edit above a
// finding does not turn it into a new alert.
func fingerprint(f diag.Finding, uri string) string {
	h := sha256.New()
	// Some messages name the line of another node ("first at line 4"); that number moves
	// with the lines above just as the finding's own line does.
	msg := lineRef.ReplaceAllString(f.Message, "line")
	for _, s := range []string{f.Rule, uri, f.Pointer, msg} {
		h.Write([]byte(s))
		h.Write([]byte{0}) // separator, so that ("ab","c") and ("a","bc") differ
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

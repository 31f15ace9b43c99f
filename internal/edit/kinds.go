package edit

import (
	"errors"
	"strings"

	"github.com/planascode/plan/internal/plan"
)

// The kinds of entry AddItem appends, one per list of the format (docs/plan-format.md)
// whose entries people add one at a time. Their field tables are the format's, in its
// order; the enums are the schema's (TestKindsMatchSchema).
var (
	Objectives = &Kind{
		Noun: "objective", Path: []string{"objectives"}, Label: "statement",
		Fields: []Field{
			idField("objective", "statement"),
			{Key: "statement", Type: Line, Required: true, Help: "the objective in one sentence (required)"},
			{Key: "specific", Type: Prose, Help: "what exactly will be achieved"},
			{Key: "measurable", Type: Prose, Help: "the metric and its target"},
			{Key: "assignable", Type: Line, Help: "who is accountable: a role key or a person's name"},
			{Key: "realistic", Type: Prose, Help: "why it can be done with the resources at hand"},
			{Key: "time_related", Type: Date, Flag: "by", Help: "the date by which it is achieved"},
			{Key: "decision", Type: Ref, RefTo: "decision", Help: "id of the decision this objective informs"},
		},
	}

	Stakeholders = &Kind{
		Noun: "stakeholder", Path: []string{"stakeholders"}, Label: "name",
		Fields: []Field{
			idField("stakeholder", "name"),
			{Key: "name", Type: Line, Required: true, Help: "name of the stakeholder or group (required)"},
			{Key: "profile", Type: Markdown, Help: "their social, technical, economic and political context (Markdown)"},
			{Key: "interest", Type: Markdown, Help: "their issues and needs, and what they gain by taking part (Markdown)"},
			{Key: "influence", Type: Line, Values: plan.Levels, Help: "influence over the outcome"},
			{Key: "impact", Type: Line, Values: plan.Levels, Help: "how strongly the project affects them"},
			{Key: "participation", Type: Line, Values: plan.ParticipationLevels, Help: "level of input (IAP2)"},
			{Key: "engagement.current", Type: Line, Values: plan.EngagementLevels, Flag: "current", Help: "engagement today"},
			{Key: "engagement.desired", Type: Line, Values: plan.EngagementLevels, Flag: "desired", Help: "engagement we need"},
			{Key: "channels", Type: Line, List: true, Flag: "channel", Help: "a way to reach them; repeat for several"},
			{Key: "vulnerable", Type: Bool, Help: "they need extra support to take part"},
			{Key: "category", Type: Token, Help: "their category, from the values the plan's profile defines (ESS10: project-affected, other-interested)"},
			{Key: "partner", Type: Bool, Help: "a partner or governing body, engaged through governance rather than as an audience"},
			{Key: "part_of", Type: Ref, RefTo: "stakeholder", Help: "id of the stakeholder group they are part of"},
			{Key: "languages", Type: Line, List: true, Flag: "language", Help: "a language they read and speak; repeat for several"},
			{Key: "support", Type: Line, List: true, Values: plan.SupportKinds, Help: "support they need to take part; repeat for several"},
			{Key: "contact", Type: Line, Help: "a named contact or group address"},
			{Key: "notes", Type: Markdown, Help: "anything else (Markdown)"},
		},
	}

	Disclosures = &Kind{
		Noun: "disclosure", Path: []string{"disclosure"}, Label: "document",
		Fields: []Field{
			idField("disclosure", "document"),
			{Key: "document", Type: Line, Required: true, Help: "the document published (required)"},
			{Key: "version", Type: Line, Help: "its version"},
			{Key: "date", Type: Date, Help: "when it is (or was) published"},
			{Key: "where", Type: Line, List: true, Help: "where it is published: a web address or a place; repeat for several"},
			{Key: "languages", Type: Line, List: true, Flag: "language", Help: "a language it is published in; repeat for several"},
			{Key: "formats", Type: Line, List: true, Flag: "published-as", Help: "a form it is published in (print, easy read, audio); repeat for several"},
			{Key: "comment_days", Type: Int, Help: "how many days comments are taken after publication"},
			{Key: "informs", Type: Ref, RefTo: "phase", Help: "id of the phase it should inform: it must be out before that phase starts"},
		},
	}

	Activities = &Kind{
		Noun: "activity", Path: []string{"activities"}, Label: "name",
		Fields: []Field{
			idField("activity", "name"),
			{Key: "name", Type: Line, Required: true, Help: "name of the activity (required)"},
			{Key: "kind", Type: Line, Values: ActivityKinds, Help: "what kind of activity it is"},
			{Key: "audience", Type: Ref, List: true, RefTo: "stakeholder", Help: "id of a stakeholder who is invited; repeat for several"},
			{Key: "phase", Type: Ref, RefTo: "phase", Help: "id of the phase in which it happens"},
			{Key: "cadence", Type: Line, Values: Cadences, Help: "how often it happens"},
			{Key: "date", Type: Date, Help: "the date of a one-off activity, or the first of a series"},
			{Key: "until", Type: Date, Help: "the last day of a series that runs from --date"},
			{Key: "sessions", Type: Int, Help: "how many times a series meets"},
			{Key: "channel", Type: Line, Help: "where it happens, or which platform it uses"},
			{Key: "owner", Type: Line, Help: "who runs it: a role key or a person's name"},
			{Key: "feedback", Type: Bool, Help: "it gathers feedback from its audience"},
		},
	}

	Risks = &Kind{
		Noun: "risk", Path: []string{"risks"}, Label: "description",
		Fields: []Field{
			idField("risk", "description"),
			{Key: "description", Type: Markdown, Required: true, Help: "the issue or risk (Markdown, required)"},
			{Key: "likelihood", Type: Line, Values: plan.Levels, Help: "how likely it is"},
			{Key: "impact", Type: Line, Values: plan.Levels, Help: "how much harm it would do"},
			{Key: "mitigation", Type: Markdown, Help: "what is done about it (Markdown)"},
			{Key: "owner", Type: Line, Help: "who manages it: a role key or a person's name"},
		},
	}

	Decisions = &Kind{
		Noun: "decision", Path: []string{"decisions"}, Label: "question",
		Fields: []Field{
			idField("decision", "question"),
			{Key: "question", Type: Line, Required: true, Help: "what is decided (required)"},
			{Key: "phase", Type: Ref, RefTo: "phase", Help: "id of the phase in which it is made"},
			{Key: "decision_maker", Type: Line, Help: "who decides: a role key or a person's name"},
			{Key: "open", Type: Line, List: true, Help: "what is on the table for discussion; repeat for several"},
			{Key: "non_negotiable", Type: Line, List: true, Help: "what is not; repeat for several"},
			{Key: "report_back", Type: Date, Help: "the date by which stakeholders are told the decision and how their input was used"},
			{Key: "outcome", Type: Markdown, Help: "what was decided, once it is (Markdown)"},
			{Key: "input_used", Type: Markdown, Help: "how stakeholders' input was used in the decision (Markdown)"},
		},
	}

	Phases = &Kind{
		Noun: "phase", Path: []string{"timeline", "phases"}, Label: "name",
		Fields: []Field{
			idField("phase", "name", "kind"),
			{Key: "kind", Type: Line, Required: true, Values: plan.PhaseKinds, Help: "what kind of phase it is (required)"},
			{Key: "name", Type: Line, Help: "its name (default: from --kind)"},
			{Key: "start", Type: Date, Help: "its first day (default: the day after the previous phase ends)"},
			{Key: "end", Type: Date, Help: "its last day; or give --weeks or --days"},
			{Key: "weeks", Type: Int, Help: "how many weeks it lasts"},
			{Key: "days", Type: Int, Help: "how many days it lasts"},
			{Key: "activities", Type: Line, List: true, Flag: "activity", Help: "what happens in the phase, in words (not an activity id); repeat for several"},
			{Key: "round", Type: Int, Help: "the round of engagement it belongs to"},
		},
		check: func(it Item) error {
			var given []string
			for _, k := range []string{"end", "weeks", "days"} {
				if it.present(k) {
					given = append(given, k)
				}
			}
			switch {
			case len(given) > 1:
				return errors.New("a phase ends once: give one of end, weeks and days, not " + strings.Join(given, " and "))
			case len(given) == 0 && it.str("kind") != plan.KindOngoing:
				return errors.New("a phase needs an end, a number of weeks or a number of days (only an ongoing phase may have none)")
			}
			return nil
		},
	}

	Measures = &Kind{
		Noun: "measure", Path: []string{"evaluation", "measures"}, Label: "metric",
		Fields: []Field{
			idField("measure", "metric"),
			{Key: "metric", Type: Line, Required: true, Help: "what is measured (required)"},
			{Key: "target", Type: NumberOrText, Help: "the value aimed for: a number or text"},
			{Key: "method", Type: Line, Help: "how it is measured"},
			{Key: "objective", Type: Ref, RefTo: "objective", Help: "id of the objective it measures"},
		},
	}

	Changes = &Kind{
		Noun: "change", Path: []string{"changes"}, Label: "summary",
		Fields: []Field{
			{Key: "date", Type: Date, Required: true, Help: "when the plan changed (required)"},
			{Key: "version", Type: Line, Help: "the version the change made"},
			{Key: "summary", Type: Line, Required: true, Help: "what changed (required)"},
			{Key: "reason", Type: Markdown, Help: "why it changed (Markdown)"},
		},
	}

	GrievanceChannels = &Kind{
		Noun: "grievance channel", Path: []string{"grievance", "channels"}, Label: "name",
		Fields: []Field{
			{Key: "name", Type: Line, Required: true, Help: "the way to complain: a hotline, an address, a complaints box (required)"},
			{Key: "anonymous", Type: Bool, Help: "a complaint may be made anonymously"},
			{Key: "free", Type: Bool, Help: "it costs the complainant nothing"},
			{Key: "languages", Type: Line, List: true, Flag: "language", Help: "a language it takes complaints in; repeat for several"},
		},
	}

	GrievanceTiers = &Kind{
		Noun: "grievance tier", Path: []string{"grievance", "tiers"}, Label: "name",
		Fields: []Field{
			{Key: "name", Type: Line, Required: true, Help: "the level that handles a complaint (required)"},
			{Key: "handled_by", Type: Line, Help: "who handles it: a role key, person, unit or organisation"},
			{Key: "acknowledge_days", Type: Int, Help: "days within which it acknowledges a complaint"},
			{Key: "resolve_days", Type: Int, Help: "days within which it resolves a complaint"},
		},
	}
)

// Kinds are every kind, in the format's order of sections.
var Kinds = []*Kind{Changes, Objectives, Stakeholders, GrievanceChannels, GrievanceTiers, Disclosures, Activities, Risks, Decisions, Phases, Measures}

// ActivityKinds and Cadences are the values of an activity's kind and cadence.
var (
	ActivityKinds = []string{"meeting", "webinar", "workshop", "survey", "forum", "training", "newsletter", "announcement", "report_back", "other"}
	Cadences      = []string{"once", "daily", "weekly", "fortnightly", "monthly", "quarterly", "semi_annually", "annually", "throughout", "as_needed"}
)

// KindByNoun returns the kind with the given noun, or nil.
func KindByNoun(noun string) *Kind {
	for _, k := range Kinds {
		if k.Noun == noun {
			return k
		}
	}
	return nil
}

// idField is an entry's id, which by default is made from the fields from, the first
// that is given.
func idField(noun string, from ...string) Field {
	return Field{Key: "id", Type: Token, Required: true, IDFrom: from,
		Help: "id to refer to the " + noun + " by (default: a slug of --" + strings.Join(from, ", else of --") + ")"}
}

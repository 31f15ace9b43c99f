package additemcmd

import "github.com/planascode/plan/internal/edit"

// commonLong is the part of every add command's help that the engine's guarantees
// make the same; LIST is the list's path.
const commonLong = `The edit changes nothing but what it adds: every comment, blank line, key order
and quoting style in the file stays byte for byte as it was, so the change reads
as a clean addition in review. The new entry goes at the end of LIST,
indented like its neighbours and written with the file's line endings; a missing
list, and a missing mapping that holds it, is created in its place in the
format's order.

FILE defaults to the only *.plan.yaml (or *.plan.yml) file in the current
directory. Where an entry has an id, it defaults to a slug of its name ("Parents
& carers" becomes parents-carers) and must not already be in the list. A flag
that names another entry (--phase, --audience, --objective, ...) must name one
the plan has.

Before anything is written, the edited plan is validated against the schema; a
file that is not a valid plan is never edited. The file is replaced atomically
(a reader or a crash never sees half of it) and keeps its permissions, and
concurrent runs on one file take turns, so none of their additions is lost.
--dry-run prints the change as a unified diff instead.

Afterwards the plan check findings about the new entry are listed as the next
steps.`

type text struct{ short, long, example string }

var help = map[*edit.Kind]text{
	edit.Changes: {
		short: "Add a revision to a plan's change log",
		long: `Add a dated revision to the plan's change log (changes), so that readers who
saw an earlier version can tell what moved and why.`,
		example: `  plan add-change --date 2027-06-20 --version 1.1 \
      --summary "Consultation extended from 23 June to 2 July." \
      --reason "Two drop-in sessions were postponed by the rail strike."`,
	},
	edit.Objectives: {
		short: "Add a SMART objective to a plan",
		long:  `Add an objective to the plan's objectives, with its SMART fields.`,
		example: `  plan add-objective --statement "Hear from every year group" \
      --measurable "Survey responses from all 5 year groups" \
      --assignable engagement_lead --by 2027-06-30
  plan add-objective --id uniform --statement "Decide the uniform policy with parents" \
      --decision uniform-policy`,
	},
	edit.Stakeholders: {
		short: "Add a stakeholder to a plan's register",
		long:  `Add a stakeholder to the plan's register (stakeholders).`,
		example: `  plan add-stakeholder --name "Parents & carers" --influence medium --impact high
  plan add-stakeholder engagement.plan.yaml --name "Year 7 pupils" --id year7 \
      --participation involve --current unaware --desired supportive \
      --channel "School assembly" --channel "Student council" --vulnerable
  plan add-stakeholder sep.plan.yaml --name "Fishing households" --category project-affected \
      --language English --language Pijin --support interpreters --support transport
  plan add-stakeholder --name "Steering committee" --partner
  plan add-stakeholder --name "Residents with disabilities" --part-of residents \
      --vulnerable --support accessible_formats --support venue_access
  plan add-stakeholder --name "Local traders" --dry-run`,
	},
	edit.GrievanceChannels: {
		short: "Add a way to complain to a plan's grievance mechanism",
		long: `Add a channel to the plan's grievance mechanism (grievance.channels): a
hotline, an address, a complaints box, a liaison officer.`,
		example: `  plan add-grievance-channel --name "Free hotline 1800 000 000" --free --anonymous \
      --language English --language Pijin
  plan add-grievance-channel --name "Complaints box at each site office" --anonymous`,
	},
	edit.GrievanceTiers: {
		short: "Add a level of handling to a plan's grievance mechanism",
		long: `Add a tier to the plan's grievance mechanism (grievance.tiers): who handles a
complaint at that level and how soon. Tiers are listed in the order a complaint
is escalated.`,
		example: `  plan add-grievance-tier --name Site --handled-by community_liaison_officer \
      --acknowledge-days 2 --resolve-days 14
  plan add-grievance-tier --name "Project management unit" --resolve-days 30`,
	},
	edit.Disclosures: {
		short: "Add a disclosed document to a plan",
		long: `Add a document published for comment or for information to the plan's
disclosure list.`,
		example: `  plan add-disclosure --document "Draft stakeholder engagement plan" --version 1.0 \
      --date 2027-02-01 --where https://example.org/sep --where "District office" \
      --language English --language Pijin --published-as print --comment-days 30 \
      --informs consultation`,
	},
	edit.Activities: {
		short: "Add an engagement activity to a plan",
		long: `Add an activity (a meeting, webinar, workshop, survey...) to the plan's
activities: who is invited, when, where and on which platform.`,
		example: `  plan add-activity --name "Launch webinar" --kind webinar --audience parents \
      --audience staff --phase launch --date 2027-03-01 --channel "Microsoft Teams" \
      --owner engagement_lead --feedback
  plan add-activity --name "Drop-in sessions" --kind meeting --phase consultation \
      --cadence weekly --date 2027-05-22 --until 2027-06-21 --sessions 5`,
	},
	edit.Risks: {
		short: "Add an issue or risk to a plan",
		long:  `Add an issue or risk, with its mitigation, to the plan's risks.`,
		example: `  plan add-risk --id turnout --description "Few parents come to evening sessions" \
      --likelihood medium --impact high --mitigation "Offer an online session too" \
      --owner engagement_lead`,
	},
	edit.Decisions: {
		short: "Add a decision point to a plan",
		long: `Add a decision point to the plan's decisions: what is decided, when, by whom,
what is open for discussion and what is not.`,
		example: `  plan add-decision --id uniform --question "Which uniform policy do we adopt?" \
      --phase consultation --decision-maker sro --open Colours --open Suppliers \
      --non-negotiable "Cost cap" --report-back 2027-07-15`,
	},
	edit.Phases: {
		short: "Add a phase to a plan's timeline",
		long: `Add a phase to the plan's timeline (timeline.phases). A phase ends once: give
--end, --weeks or --days (an ongoing phase may have none). Without --start it
begins the day after the previous phase ends. When the timeline ends in an
open-ended phase (ongoing, with no end), a phase that ends goes before it, so
that both can be dated. The id defaults to a slug of --name, else of --kind.`,
		example: `  plan add-phase --kind planning --start 2027-01-04 --weeks 4
  plan add-phase --kind engagement --name Consultation --weeks 6 \
      --activity "Online survey" --activity "Drop-in sessions"
  plan add-phase --id report --kind close --end 2027-07-30`,
	},
	edit.Measures: {
		short: "Add a measure of success to a plan",
		long: `Add a measure of success to the plan's evaluation (evaluation.measures). A
--target that is a whole number is written as a number.`,
		example: `  plan add-measure --metric "Survey responses" --target 500 \
      --method "Count in the survey tool" --objective hear-everyone`,
	},
}

package rules

// All returns every rule in order of id. The list is explicit, not built by init()
// self-registration, so that a reader sees every rule in one place.
func All() []Rule {
	return []Rule{
		activityIncomplete(),
		activityNotRecorded(),
		activityOutsidePhase(),
		budgetMissing(),
		changeNoReason(),
		commitmentOverdue(),
		decisionNoReportBack(),
		decisionScopeMissing(),
		decisionsMissing(),
		disclosureCommentShort(),
		disclosureLanguages(),
		disclosureLate(),
		duplicateID(),
		engagementGap(),
		evaluationMissing(),
		feedbackMechanismMissing(),
		grievanceIncomplete(),
		grievanceMissing(),
		grievanceOverdue(),
		manageClosely(),
		mandateMissing(),
		measureBelowTarget(),
		measureNoTarget(),
		objectiveOutsideTimeline(),
		objectiveUnmeasured(),
		objectivesMissing(),
		phaseGap(),
		phaseMissing(),
		phaseOrder(),
		phaseTooShort(),
		phaseUndated(),
		placeholderRule(),
		principlesMissing(),
		privacyMissing(),
		recordUnknownReference(),
		reportBackOverdue(),
		responsePolicyMissing(),
		riskUnmitigated(),
		risksMissing(),
		roleTypo(),
		roleUnassigned(),
		schemaRule(),
		smartMissing(),
		stakeholderCategory(),
		stakeholderIncomplete(),
		stakeholderNotEngaged(),
		stakeholderNotReached(),
		stakeholderUnreachable(),
		stakeholdersMissing(),
		timelineMissing(),
		unknownReference(),
		unusedIgnore(),
		vulnerableMissing(),
		vulnerableSupport(),
		yamlSyntax(),
	}
}

// ByID returns the rule with the given id.
func ByID(id string) (Rule, bool) {
	for _, r := range All() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

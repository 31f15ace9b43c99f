package rules

import "testing"

func TestVulnerableSupport(t *testing.T) {
	runRuleCases(t, vulnerableSupport(), []ruleCase{
		{
			name: "two channels, or not vulnerable",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: elderly
    name: E
    vulnerable: true
    channels: [Letter, Phone line]
  - id: staff
    name: S
    vulnerable: false
    channels: [Email]
  - id: others
    name: O
`,
		},
		{
			name: "one channel or none, at the item",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: elderly
    name: E
    vulnerable: true
    channels: [Website]
  - id: pupils
    name: P
    vulnerable: true
  - id: carers
    name: C
    vulnerable: true
    channels: [Email, ""]
`,
			want: []string{
				`4:5 warning stakeholder "elderly" is vulnerable but has only one channel: add a second way for them to take part under their channels`,
				`8:5 warning stakeholder "pupils" is vulnerable but has no channel: add at least two ways`,
				`11:5 warning stakeholder "carers" is vulnerable but has only one channel`,
			},
		},
	})
}

func TestVulnerableSupportConfigured(t *testing.T) {
	s := DefaultSettings()
	s.VulnerableChannels = 3
	runRuleCasesWith(t, vulnerableSupport(), s, []ruleCase{{
		name: "vulnerable_channels: 3",
		yaml: `schema_version: 1
title: T
stakeholders:
  - id: elderly
    name: E
    vulnerable: true
    channels: [Letter, Phone line]
  - id: pupils
    name: P
    vulnerable: true
  - id: carers
    name: C
    vulnerable: true
    channels: [Email, Letter, Phone line]
`,
		want: []string{
			`4:5 warning stakeholder "elderly" is vulnerable but has only two channels: add at least three ways for them to take part under their channels`,
			`8:5 warning stakeholder "pupils" is vulnerable but has no channel: add at least three ways for them to take part under their channels`,
		},
	}})
	s.VulnerableChannels = 1
	runRuleCasesWith(t, vulnerableSupport(), s, []ruleCase{{
		name: "vulnerable_channels: 1",
		yaml: `schema_version: 1
title: T
stakeholders:
  - id: elderly
    name: E
    vulnerable: true
    channels: [Letter]
  - id: pupils
    name: P
    vulnerable: true
`,
		want: []string{`8:5 warning stakeholder "pupils" is vulnerable but has no channel: add at least one way for them to take part under their channels`},
	}})
}

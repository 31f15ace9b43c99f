package edit

// Stakeholder is a stakeholder as the tests write one, with a field for each key; Item
// makes it the entry AddItem appends, and AddStakeholder appends it. Empty fields are
// left out of the file, and so is Vulnerable when false.
type Stakeholder struct {
	ID            string
	Name          string
	Profile       string
	Interest      string
	Influence     string
	Impact        string
	Participation string
	// Current and Desired are the engagement assessment: engagement.current and
	// engagement.desired in the file.
	Current    string
	Desired    string
	Channels   []string
	Vulnerable bool
	// Category is a value the plan's profile defines; Partner marks a partner or
	// governing body (left out when false); PartOf is the id of the group this one is
	// part of; Languages and Support are lists, Support of the format's values.
	Category  string
	Partner   bool
	PartOf    string
	Languages []string
	Support   []string
	Contact   string
	Notes     string
}

// Item returns the stakeholder as an entry of the register.
func (s Stakeholder) Item() Item {
	v := map[string]any{}
	set := func(key string, value any) {
		switch x := value.(type) {
		case string:
			if x == "" {
				return
			}
		case []string:
			if len(x) == 0 {
				return
			}
		case bool:
			if !x {
				return
			}
		}
		v[key] = value
	}
	set("id", s.ID)
	set("name", s.Name)
	set("profile", s.Profile)
	set("interest", s.Interest)
	set("influence", s.Influence)
	set("impact", s.Impact)
	set("participation", s.Participation)
	set("engagement.current", s.Current)
	set("engagement.desired", s.Desired)
	set("channels", s.Channels)
	set("vulnerable", s.Vulnerable)
	set("category", s.Category)
	set("partner", s.Partner)
	set("part_of", s.PartOf)
	set("languages", s.Languages)
	set("support", s.Support)
	set("contact", s.Contact)
	set("notes", s.Notes)
	return Item{Kind: Stakeholders, Values: v}
}

// AddStakeholder returns src with s appended to the top-level stakeholders list, as
// AddItem does.
func AddStakeholder(src []byte, s Stakeholder) ([]byte, error) {
	return AddItem(src, s.Item())
}

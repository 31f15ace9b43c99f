package corpus

// Word lists the generator draws from. They are long enough that plans differ in their
// text, ids and names, which matters for a parser: identical strings would flatter any
// cache or interning.

var places = []string{
	"Yarrabend", "Harbourside", "Millbrook", "Eastwood", "Kingsford", "Riverton", "Ashdale",
	"Northgate", "Bellmere", "Stonehaven", "Westfield", "Oakridge", "Fernvale", "Lakeside",
	"Marlow", "Thornbury", "Glenroy", "Redcliffe", "Brightwater", "Cedar Falls",
}

var orgKinds = []string{
	"City Council", "Shire Council", "Learning Trust", "Health Service", "Water Authority",
	"Transport Agency", "Housing Association", "University", "Library Service", "Parks Trust",
}

var topics = []string{
	"the draft Walking and Cycling Strategy", "a new learning platform", "the Main Street redesign",
	"the library opening hours review", "the draft housing strategy", "the flood resilience plan",
	"the community health hub", "parking changes in the town centre", "the new bus network",
	"the open space strategy", "the waste collection changes", "the digital inclusion plan",
}

var subjects = []string{
	"Residents", "Traders", "Young people", "Older residents", "Parents and carers", "Staff",
	"Community groups", "People with disability", "New arrivals", "Local businesses", "Students",
	"Volunteers", "Sporting clubs", "Schools", "Faith groups", "Commuters",
}

var verbs = []string{
	"want", "asked for", "care about", "worry about", "rely on", "have raised", "value",
	"would benefit from", "are affected by", "need", "support", "question",
}

var objects = []string{
	"safer crossings", "clear information", "more time to respond", "accessible venues",
	"translated materials", "evening sessions", "reliable transport", "quieter streets",
	"better lighting", "shorter surveys", "a say in the priorities", "affordable options",
	"online and paper options", "fewer logins", "the trade-offs explained", "regular updates",
}

var tails = []string{
	"near schools and shops", "before the decision is made", "in every ward",
	"throughout the consultation", "at weekends", "in the town centre", "for the next ten years",
	"during school holidays", "at the start of the program", "in plain English",
	"across all three sites", "when the works begin", "from the first week", "at a fair cost",
}

var groups = []string{
	"Residents", "Traders", "Young people", "Older residents", "Parents and carers",
	"Teachers", "Support staff", "Community groups", "People with disability",
	"Culturally diverse communities", "Local businesses", "Students", "Volunteers",
	"Sporting clubs", "Faith groups", "Commuters", "Cyclists", "Pedestrians", "Landlords",
	"Tenants", "Health workers", "Neighbouring councils",
}

var stakeholderWords = []string{
	"residents", "traders", "young-people", "older-residents", "parents", "teachers",
	"support-staff", "community-groups", "disability-groups", "cald-communities", "businesses",
	"students", "volunteers", "sports-clubs", "faith-groups", "commuters", "cyclists",
	"pedestrians", "landlords", "tenants", "health-workers", "neighbour-councils", "unions",
	"trustees", "councillors", "media", "advisory-committee", "first-nations", "carers",
	"schools", "transport-operators", "emergency-services",
}

var objectiveWords = []string{
	"broad-reach", "hear-young-people", "priorities", "inclusive-access", "report-back",
	"staff-confidence", "trust", "local-knowledge", "support-network", "family-awareness",
	"route-ranking", "trade-offs",
}

var activityWords = []string{
	"launch-briefing", "online-survey", "pop-up", "workshop", "webinar", "focus-group",
	"newsletter", "drop-in", "school-visit", "trader-walk", "advisory-meeting", "report-back",
	"social-media", "letterbox-drop", "forum", "training", "site-tour", "listening-post",
}

var activityNames = []string{
	"Launch briefing", "Online survey", "Pop-up stall", "Workshop", "Webinar", "Focus group",
	"Newsletter", "Drop-in session", "School visit", "Walking tour", "Advisory committee meeting",
	"Report-back session", "Listening post", "Community forum", "Training session",
}

var activityKinds = []string{
	"meeting", "webinar", "workshop", "survey", "forum", "training", "newsletter",
	"announcement", "report_back", "other",
}

var channels = []string{
	"Council newsletter", "Have Your Say website", "Residents' association meeting",
	"Local radio", "Community noticeboards", "Email list", "Social media", "Letterbox drop",
	"School newsletter", "Trader network", "Library displays", "Phone line", "Teams channel",
	"Interpreters at pop-ups", "Ward councillors", "Partner organisations",
}

var methods = []string{
	"Online survey", "Interactive map", "Community workshop", "Pop-up conversations",
	"Deliberative panel", "Written submissions", "Focus groups", "Public meeting",
	"Pulse survey", "Help desk ticket analysis", "Walking audit",
}

var laws = []string{
	"Local Government Act 2020", "Privacy and Data Protection Act 2014", "Equality Act 2010",
	"Disability Discrimination Act 1992", "UK GDPR and the Data Protection Act 2018",
	"Planning and Environment Act 1987", "Transport Integration Act 2010",
}

var riskWords = []string{"low-turnout", "misinformation", "consultation-fatigue", "access-barriers", "delays"}

var levels = []string{"low", "medium", "high"}

var participations = []string{"inform", "consult", "involve", "collaborate", "empower"}

var engagementLevels = []string{"unaware", "resistant", "neutral", "supportive", "leading"}

var firstNames = []string{
	"Alex", "Priya", "Sam", "Rachel", "James", "Owen", "Hannah", "Ben", "Nadia", "Laura",
	"Tom", "Mei", "Aisha", "Luca", "Grace", "Omar", "Chloe", "Raj", "Ingrid", "Kofi",
}

var lastNames = []string{
	"Chen", "Nair", "Lee", "Adeyemi", "Whitfield", "Sharma", "Davies", "Brooks", "Carter",
	"Hussain", "Mitchell", "O'Brien", "Nguyen", "Rossi", "Kowalski", "Mensah", "Walker",
}

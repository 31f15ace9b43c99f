// Package record is the engagement record as Go: what actually happened as a plan was
// carried out, one YAML file per record in a folder beside the plan (docs/records.md).
// The model keeps every value's position, as the plan's does, and the loader refuses the
// same bad input the plan loader refuses, through the same code (plan.DecodeDocument),
// so a record is checked as strictly as the plan it refers to.
//
// A Set is a plan's records in date order, with the questions the dated checks and the
// progress reports ask of them: what had happened by a day (AsOf), which records carried
// out an activity, who was engaged when, which commitments and grievances are open, the
// latest value of a measure.
package record

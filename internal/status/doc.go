// Package status works out where a plan stands on a day: the phase it is in and the days
// left, what falls due in the days ahead, what is overdue, whom the records show were
// engaged against whom the plan meant to engage, open commitments and grievances, and
// measures against their targets. `plan status` prints it; the report's progress section
// draws from the same State, so the two never disagree.
//
// Everything is read as of the day: a record dated later has not happened yet (see
// record.Set.AsOf), and a commitment closed or a grievance resolved after the day is
// still open on it.
package status

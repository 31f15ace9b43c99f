// Package timeline turns a plan's phases, decisions, activities and objectives into a
// Schedule: every phase with its dates, length and the minimum and ideal for its kind, and
// every dated event as a milestone. It writes a Schedule as a Gantt chart for the
// terminal, JSON, a Mermaid gantt diagram, an iCalendar file and CSV, one file per format.
//
// The arithmetic is plan.ResolvePhases, shared with the lint rules, so that the chart and
// plan check never disagree about a date.
package timeline

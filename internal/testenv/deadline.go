package testenv

import (
	"context"
	"testing"
	"time"
)

// hangMargin is how long before the test binary's own deadline Context ends: enough
// for the test to report what hung and clean up before go test stops the binary.
const hangMargin = 10 * time.Second

// Context returns a context derived from parent that ends shortly before the test
// binary's own deadline (go test -timeout), and never where there is none. It is the one
// time limit tests put on a command, a browser or a server: a hang then fails its own
// test with a message naming what hung, rather than the whole binary with a dump of
// every goroutine, and a machine that is merely busy fails nothing.
func Context(t testing.TB, parent context.Context) (context.Context, context.CancelFunc) {
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if deadline, ok := d.Deadline(); ok {
			return context.WithDeadline(parent, deadline.Add(-hangMargin))
		}
	}
	return context.WithCancel(parent)
}

package checkcmd

import "testing"

// TestDisplayName: a file in the working directory is named relative to it, even when
// its own name starts with two dots.
func TestDisplayName(t *testing.T) {
	for _, tc := range []struct{ dir, path, want string }{
		{"/w", "/w/a.plan.yaml", "a.plan.yaml"},
		{"/w", "/w/..notes.plan.yaml", "..notes.plan.yaml"},
		{"/w", "/w/sub/b.plan.yaml", "sub/b.plan.yaml"},
		{"/w", "/elsewhere/c.plan.yaml", "/elsewhere/c.plan.yaml"},
		{"/w", "rel/d.plan.yaml", "rel/d.plan.yaml"},
	} {
		if got := displayName(tc.dir, tc.path); got != tc.want {
			t.Errorf("displayName(%q, %q) = %q, want %q", tc.dir, tc.path, got, tc.want)
		}
	}
}

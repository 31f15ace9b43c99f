package app

import (
	"errors"
	"testing"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

// TestErrorsByType: what makes an error a usage error (exit 2) is where it comes from, not
// its wording: an argument check's error is one whatever it says, and a command's own
// untyped error is a bug (exit 3) even when it reads like cobra's.
func TestErrorsByType(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"odd", "a"}, cli.ExitBadInput, "needs an even number of files"},
		{[]string{"odd"}, cli.ExitInternal, "requires a miracle"},
		{[]string{"frobnicate"}, cli.ExitBadInput, `unknown command "frobnicate" for "plan"`},
		{[]string{"--color", "never", "chekc"}, cli.ExitBadInput, `unknown command "chekc" for "plan": did you mean "check"?`},
		{[]string{"add-stakeholder"}, cli.ExitBadInput, `required flag(s) "name" not set`},
		{[]string{"timeline", "a", "b"}, cli.ExitBadInput, "accepts at most 1 arg(s), received 2"},
		{[]string{"check", "--bogus"}, cli.ExitBadInput, "unknown flag: --bogus"},
	} {
		ios, _, _, _ := iostreams.Test()
		root := NewRootCmd(&cli.Env{IO: ios, Getenv: func(string) string { return "" }})
		odd := &cobra.Command{
			Use: "odd",
			Args: func(_ *cobra.Command, args []string) error {
				if len(args)%2 == 1 {
					return errors.New("needs an even number of files")
				}
				return nil
			},
			RunE: func(*cobra.Command, []string) error { return errors.New("requires a miracle") },
		}
		root.AddCommand(odd)
		typedArgErrors(odd)
		root.SetArgs(tc.args)
		err := execute(root, tc.args)
		if cli.Code(err) != tc.code || err.Error() != tc.msg {
			t.Errorf("plan %q: exit %d, %v; want exit %d, %q", tc.args, cli.Code(err), err, tc.code, tc.msg)
		}
	}
}

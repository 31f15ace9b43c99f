// Package versioncmd implements `plan version`.
package versioncmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
)

// NewCmd builds `plan version`.
func NewCmd(env *cli.Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			b := env.Build
			_, err := fmt.Fprintf(env.IO.Out, "plan %s\ncommit: %s\nbuilt:  %s\n", b.Version, b.Commit, b.Date)
			return err
		},
	}
}

// Package schemacmd implements `plan schema`, which prints the embedded JSON Schema so
// that editors and other validators can use exactly what plan uses.
package schemacmd

import (
	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/schema"
)

// NewCmd builds `plan schema`.
func NewCmd(env *cli.Env) *cobra.Command {
	var config, record bool
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the plan format",
		Long: `Print the JSON Schema (draft 2020-12) that plan validates every plan file
against, byte for byte as embedded in this binary. With --config, print the
schema of the .planrc.yaml configuration file instead; with --record, the schema
of an engagement record (*.record.yaml, see docs/records.md).`,
		Example: `  plan schema > plan.schema.json
  plan schema --config > planrc.schema.json
  plan schema --record > record.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			data := schema.Plan
			switch {
			case config:
				data = schema.Config
			case record:
				data = schema.Record
			}
			_, err := env.IO.Out.Write(data)
			return err
		},
	}
	cmd.Flags().BoolVar(&config, "config", false, "print the schema of .planrc.yaml instead")
	cmd.Flags().BoolVar(&record, "record", false, "print the schema of an engagement record (*.record.yaml) instead")
	cmd.MarkFlagsMutuallyExclusive("config", "record")
	return cmd
}

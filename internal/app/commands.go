package app

import (
	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/addstakeholder"
	"github.com/planascode/plan/internal/cmd/check"
	"github.com/planascode/plan/internal/cmd/initcmd"
	"github.com/planascode/plan/internal/cmd/profilescmd"
	"github.com/planascode/plan/internal/cmd/render"
	"github.com/planascode/plan/internal/cmd/rulescmd"
	"github.com/planascode/plan/internal/cmd/schemacmd"
	"github.com/planascode/plan/internal/cmd/timeline"
	"github.com/planascode/plan/internal/cmd/versioncmd"
)

// subcommands is the one list of plan's verbs, in the order `plan --help` shows them.
func subcommands(env *cli.Env) []*cobra.Command {
	return []*cobra.Command{
		initcmd.NewCmd(env, nil),
		check.NewCmd(env, nil),
		addstakeholder.NewCmd(env, nil),
		rulescmd.NewCmd(env),
		profilescmd.NewCmd(env),
		timeline.NewCmd(env, nil),
		render.NewCmd(env, nil),
		versioncmd.NewCmd(env),
		schemacmd.NewCmd(env),
	}
}

package app

import (
	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/additemcmd"
	"github.com/planascode/plan/internal/cmd/checkcmd"
	"github.com/planascode/plan/internal/cmd/diffcmd"
	"github.com/planascode/plan/internal/cmd/exportcmd"
	"github.com/planascode/plan/internal/cmd/initcmd"
	"github.com/planascode/plan/internal/cmd/profilescmd"
	"github.com/planascode/plan/internal/cmd/recordcmd"
	"github.com/planascode/plan/internal/cmd/removecmd"
	"github.com/planascode/plan/internal/cmd/rendercmd"
	"github.com/planascode/plan/internal/cmd/rulescmd"
	"github.com/planascode/plan/internal/cmd/schemacmd"
	"github.com/planascode/plan/internal/cmd/setcmd"
	"github.com/planascode/plan/internal/cmd/statuscmd"
	"github.com/planascode/plan/internal/cmd/timelinecmd"
	"github.com/planascode/plan/internal/cmd/versioncmd"
)

// subcommands is the one list of plan's verbs, in the order `plan --help` shows them.
func subcommands(env *cli.Env) []*cobra.Command {
	cmds := []*cobra.Command{
		initcmd.NewCmd(env, nil),
		checkcmd.NewCmd(env, nil),
	}
	cmds = append(cmds, additemcmd.NewCmds(env)...)
	return append(cmds,
		setcmd.NewCmd(env, nil),
		removecmd.NewCmd(env, nil),
		recordcmd.NewCmd(env, nil),
		rulescmd.NewCmd(env),
		profilescmd.NewCmd(env),
		statuscmd.NewCmd(env, nil),
		timelinecmd.NewCmd(env, nil),
		diffcmd.NewCmd(env, nil),
		rendercmd.NewCmd(env, nil),
		exportcmd.NewCmd(env, nil),
		versioncmd.NewCmd(env),
		schemacmd.NewCmd(env),
	)
}

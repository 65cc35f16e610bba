// Command step-ca is smallstep's online CA, built from the library sources Debian ships
// (golang-github-smallstep-certificates-dev 0.19.0), which lack a main package.
// Usage: step-ca <config/ca.json> --password-file <file>
package main

import (
	"fmt"
	"os"

	"github.com/smallstep/certificates/commands"
	"github.com/urfave/cli"
	"go.step.sm/cli-utils/step"
)

func main() {
	step.Set("Smallstep CA", "0.19.0", "debian-source-build")
	app := cli.NewApp()
	app.Name = "step-ca"
	app.HelpName = "step-ca"
	app.Usage = "online certificate authority (Mosaic test build)"
	app.Version = "0.19.0"
	app.UsageText = commands.AppCommand.UsageText
	app.Flags = commands.AppCommand.Flags
	app.Action = commands.AppCommand.Action
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// Package audit appends every write to a hash-chained audit_log in the same transaction and
// verifies the chain (`audit verify`).
package audit

import (
	"fmt"
	"os"
	"sort"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"
)

// Register wires the audit hooks and the `audit verify` command.
func Register(app *pocketbase.PocketBase) {
	BindHooks(app)

	root := &cobra.Command{Use: "audit", Short: "Audit trail tools"}
	root.AddCommand(&cobra.Command{
		Use:   "verify",
		Short: "Walk the audit hash chain and each record's latest entry; exit 1 on any altered or removed row",
		RunE: func(cmd *cobra.Command, args []string) error {
			rep, err := Verify(app)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(rep.Problems) == 0 {
				fmt.Fprintln(out, rep.Summary())
				return nil
			}
			sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Seq < rep.Problems[j].Seq })
			for _, p := range rep.Problems {
				fmt.Fprintln(out, p.String())
			}
			fmt.Fprintln(out, rep.Summary())
			os.Exit(1)
			return nil
		},
	})
	app.RootCmd.AddCommand(root)
}

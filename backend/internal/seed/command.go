package seed

import (
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"
)

func command(app *pocketbase.PocketBase) *cobra.Command {
	cfg := DefaultConfig()
	var bench int
	cmd := &cobra.Command{
		Use:          "seed",
		SilenceUsage: true,
		Short:        "Write the deterministic demo data set (refuses to seed twice); --bench-policies adds synthetic policies",
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			// a one-off batch process with memory to spare: collect garbage less often (about 10%
			// less CPU for the demo data set)
			debug.SetGCPercent(400)
			if err := app.RunAllMigrations(); err != nil {
				return err
			}
			if Seeded(app) {
				if bench == 0 {
					return ErrAlreadySeeded
				}
				fmt.Fprintln(out, "demo data already present; adding benchmark policies only")
			} else {
				start := time.Now()
				fmt.Fprintf(out, "seeding: seed %d, %d enterprises, %d policy years (reference date %s)\n",
					cfg.Seed, cfg.Enterprises, cfg.Years, RefDate.Format("2006-01-02"))
				p := Generate(cfg)
				if err := Write(app, p, out); err != nil {
					return err
				}
				fmt.Fprintf(out, "seeded in %s\n", time.Since(start).Round(time.Millisecond))
				printProblems(out, p)
				printLogins(out, p)
			}
			if bench > 0 {
				start := time.Now()
				n, err := AddBenchPolicies(app, bench, cfg.Seed)
				if err != nil {
					return err
				}
				d := time.Since(start)
				fmt.Fprintf(out, "added %d benchmark policies in %s (%.0f/s)\n", n, d.Round(time.Millisecond), float64(n)/d.Seconds())
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed; the same seed gives the same data")
	f.IntVar(&cfg.Enterprises, "enterprises", cfg.Enterprises, "enterprises in the registry")
	f.IntVar(&cfg.Years, "years", cfg.Years, "policy years back from the reference date (renewal chains)")
	f.IntVar(&cfg.EnterpriseLogins, "enterprise-logins", cfg.EnterpriseLogins, "enterprises that get a login (enterprise-<n>@azx.demo)")
	f.IntVar(&bench, "bench-policies", 0, "also add this many synthetic policies (BENCH-…) for the benchmark")
	return cmd
}

func printProblems(out io.Writer, p *Plan) {
	fmt.Fprintln(out, "problems planted (Suzhou bulletin kinds):")
	got := p.Problems()
	for _, k := range ProblemKinds {
		fmt.Fprintf(out, "  %-24s %5d\n", k, got[k])
	}
}

func printLogins(out io.Writer, p *Plan) {
	fmt.Fprintf(out, "demo logins (password %s):\n", Password)
	for _, u := range p.Users {
		scope := ""
		if u.ScopeLevel != "" {
			scope = fmt.Sprintf(" [%s %s]", u.ScopeLevel, u.RegionScope)
		}
		fmt.Fprintf(out, "  %-28s %-10s %s%s\n", u.Email, u.Role, u.Name, scope)
	}
}

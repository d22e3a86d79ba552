package seed

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/spf13/cobra"

	"azx/backend/internal/packs"
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
			// less CPU for the demo data set), but not past 1 GiB (the plan of 100,000 enterprises
			// alone holds about 250 MB)
			debug.SetGCPercent(400)
			debug.SetMemoryLimit(1 << 30)
			if stop, err := profile(os.Getenv("AZX_SEED_PROFILE")); err != nil {
				return err
			} else {
				defer stop()
			}
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
				snap, err := packs.Current(app)
				if err != nil {
					return err
				}
				if len(snap.Docs()) == 0 {
					return errors.New("no rule packs: run `azx-server packs load` first")
				}
				cfg.Packs = snap
				p := Generate(cfg)
				if err := Write(app, p, out); err != nil {
					return err
				}
				fmt.Fprintf(out, "seeded in %s\n", time.Since(start).Round(time.Millisecond))
				fmt.Fprintf(out, "seed cost: %s\n", cost())
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

// profile writes a CPU profile to prefix.cpu and a heap profile to prefix.heap (when the run
// ends) if prefix is set: AZX_SEED_PROFILE=/tmp/seed azx-server seed ..., then go tool pprof.
func profile(prefix string) (func(), error) {
	if prefix == "" {
		return func() {}, nil
	}
	cpu, err := os.Create(prefix + ".cpu")
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		cpu.Close()
		if heap, err := os.Create(prefix + ".heap"); err == nil {
			runtime.GC()
			_ = pprof.WriteHeapProfile(heap)
			heap.Close()
		}
	}, nil
}

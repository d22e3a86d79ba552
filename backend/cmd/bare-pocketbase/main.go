// Command bare-pocketbase is the yardstick of `npm run bench`: PocketBase of the version AZX is
// built on (this module's go.mod), with nothing of AZX, serving one `policies` collection shaped
// as AZX's list query needs it (the columns it filters and sorts on, an index for them, the whole
// record in a json `data` column). A list rule keeps each insurer to its own rows and the create
// rule to its own organization, as AZX's do; there is no schema, no rule pack, no audit chain.
//
//	bare-pocketbase setup --dir DIR --policies N --body BODY.json --email E --password P --organization ORG
//	bare-pocketbase serve --dir DIR --http 127.0.0.1:PORT
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
	"github.com/spf13/cobra"
)

// The list query of the benchmark filters by industry and a period_start range, newest first.
var industries = []string{"hazardous_chemicals", "construction", "transport", "metal_smelting", "fuel_station", "hazchem_user"}

func main() {
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: false})
	var n int
	var bodyFile, email, password, org string
	setup := &cobra.Command{
		Use:   "setup",
		Short: "Create the policies collection, one insurer user and N policies with the given body",
		RunE: func(cmd *cobra.Command, args []string) error {
			// PocketBase leaves a command's error to the command: exit non-zero here
			err := app.RunAllMigrations()
			var body []byte
			if err == nil {
				body, err = os.ReadFile(bodyFile)
			}
			if err == nil {
				err = fill(app, n, body, email, password, org)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "setup:", err)
				os.Exit(1)
			}
			return nil
		},
	}
	setup.Flags().IntVar(&n, "policies", 100000, "rows to store")
	setup.Flags().StringVar(&bodyFile, "body", "", "the policy record (JSON) every row carries as data")
	setup.Flags().StringVar(&email, "email", "insurer@bare.bench", "the insurer user's e-mail")
	setup.Flags().StringVar(&password, "password", "bare-bench-2026", "its password")
	setup.Flags().StringVar(&org, "organization", "ORG-INSURER-1", "its organization (the insurer column of its rows)")
	app.RootCmd.AddCommand(setup)
	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

func fill(app core.App, n int, body []byte, email, password, org string) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	users.Fields.Add(&core.TextField{Name: "organization"})
	rule := `@request.auth.id != "" && insurer = @request.auth.organization`
	users.AuthRule = types.Pointer("")
	if err := app.Save(users); err != nil {
		return err
	}
	u := core.NewRecord(users)
	u.SetEmail(email)
	u.SetPassword(password)
	u.SetVerified(true)
	u.Set("organization", org)
	if err := app.Save(u); err != nil {
		return err
	}

	pol := core.NewBaseCollection("policies")
	pol.Fields.Add(
		&core.TextField{Name: "policy_no", Required: true},
		&core.TextField{Name: "insurer", Required: true},
		&core.TextField{Name: "industry"},
		&core.DateField{Name: "period_start"},
		&core.JSONField{Name: "data", MaxSize: 1 << 20},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	pol.ListRule, pol.ViewRule, pol.CreateRule = types.Pointer(rule), types.Pointer(rule), types.Pointer(rule)
	pol.AddIndex("idx_bare_policy_no", true, "policy_no", "")
	pol.AddIndex("idx_bare_insurer_industry_start", false, "insurer, industry, period_start", "")
	if err := app.Save(pol); err != nil {
		return err
	}

	// the rows straight into the table (one transaction): the yardstick's data, not its writes
	var record map[string]any
	if err := json.Unmarshal(body, &record); err != nil {
		return fmt.Errorf("--body: %w", err)
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return app.RunInTransaction(func(tx core.App) error {
		for i := 0; i < n; i++ {
			record["policy_no"] = fmt.Sprintf("BARE-%07d", i)
			data, _ := json.Marshal(record)
			at := start.Add(time.Duration(i%1000) * 24 * time.Hour).Format(types.DefaultDateLayout)
			now := types.NowDateTime().String()
			if _, err := tx.DB().Insert("policies", dbx.Params{
				"id": core.GenerateDefaultRandomId(), "policy_no": record["policy_no"], "insurer": insurerOf(i, org),
				"industry": industries[i%len(industries)], "period_start": at, "data": string(data), "created": now, "updated": now,
			}).Execute(); err != nil {
				return err
			}
		}
		_, err := tx.DB().NewQuery("ANALYZE").Execute()
		return err
	})
}

// insurerOf spreads the rows over ten insurers, as the demo data spreads policies.
func insurerOf(i int, org string) string {
	if i%10 == 0 {
		return org
	}
	return fmt.Sprintf("ORG-INSURER-%d", i%10+1)
}

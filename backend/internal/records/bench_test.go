package records_test

import (
	"fmt"
	"testing"
)

// BenchmarkPolicySave measures one validated, derived and audited policy create through
// app.Save (the work every API create does after PocketBase's own request handling).
func BenchmarkPolicySave(b *testing.B) {
	t := &testing.T{}
	app, _ := newApp(t)
	org, ent, _ := world(t, app)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1, "enterprise": ent.Id, "insurer": org.Id,
			"data": map[string]any{"policy_no": fmt.Sprintf("B-%d", i), "premium": 20000, "period": map[string]any{"start": "2026-01-01"}}})
		if err := app.Save(r); err != nil {
			b.Fatal(err)
		}
	}
}

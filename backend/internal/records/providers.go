package records

import (
	"context"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
)

// ProviderAssignments are the providers that new policies assign to their enterprises while a
// batch of policies is written (the seed's waves). A policy written with the context of
// ProviderAssignments has its assignment noted instead of its enterprise saved at once (the
// policies' create hook, bindPropagation); Store then makes the enterprise saves that the hook
// would have made one by one, for the caller to store in a batch. The rows are those of a save
// an assignment, and so are the audit entries (one update of an enterprise a new provider);
// they come after the batch's policies instead of between them.
//
// Store must run before any policy that reads those enterprises is validated: a renewal's
// validation reads its enterprise's providers (the seed stores them after each wave).
type ProviderAssignments struct {
	mu   sync.Mutex
	list []assignment
}

type assignment struct{ enterprise, provider, actor string }

type assignmentsKey struct{}

// StartProviderAssignments starts noting assignments (none yet).
func StartProviderAssignments() *ProviderAssignments { return &ProviderAssignments{} }

// Context is the context to write the policies with.
func (pa *ProviderAssignments) Context(ctx context.Context) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return context.WithValue(ctx, assignmentsKey{}, pa)
}

func assignmentsOf(ctx context.Context) (*ProviderAssignments, bool) {
	if ctx == nil {
		return nil, false
	}
	pa, ok := ctx.Value(assignmentsKey{}).(*ProviderAssignments)
	return pa, ok && pa != nil
}

func (pa *ProviderAssignments) note(enterprise, provider, actor string) {
	pa.mu.Lock()
	defer pa.mu.Unlock()
	pa.list = append(pa.list, assignment{enterprise, provider, actor})
}

// Store makes the enterprise saves that the assignments noted so far call for, and forgets
// them: the enterprises are read from app (the writer's transaction) and each assignment, in the
// order noted, appends its provider unless the enterprise has it already, as the hook does, by
// the policy's actor. save gets them in rounds, round k holding each enterprise's k-th new
// provider (an enterprise with two new providers is saved twice, as before), to store as a
// server update (loader.Update with ServerSave's context).
func (pa *ProviderAssignments) Store(app core.App, save func(recs []*core.Record) error) error {
	pa.mu.Lock()
	list := pa.list
	pa.list = nil
	pa.mu.Unlock()
	if len(list) == 0 {
		return nil
	}
	var ids []string
	seen := map[string]bool{}
	for _, a := range list {
		if !seen[a.enterprise] {
			seen[a.enterprise] = true
			ids = append(ids, a.enterprise)
		}
	}
	found, err := app.FindRecordsByIds(Enterprises, ids)
	if err != nil {
		return err
	}
	ents := make(map[string]*core.Record, len(found))
	providers := make(map[string]string, len(found))
	for _, ent := range found {
		ents[ent.Id] = ent
		providers[ent.Id] = ent.GetString("providers")
	}
	type step struct {
		ent              *core.Record
		providers, actor string
	}
	var rounds [][]step
	saves := map[string]int{}
	for _, a := range list {
		ent, ok := ents[a.enterprise]
		if !ok || containsField(providers[a.enterprise], a.provider) {
			continue // a missing enterprise: the policy's relation check reports it
		}
		providers[a.enterprise] = strings.TrimSpace(providers[a.enterprise] + " " + a.provider)
		k := saves[a.enterprise]
		saves[a.enterprise]++
		for len(rounds) <= k {
			rounds = append(rounds, nil)
		}
		rounds[k] = append(rounds[k], step{ent, providers[a.enterprise], a.actor})
	}
	for _, round := range rounds {
		recs := make([]*core.Record, len(round))
		for i, s := range round {
			s.ent.Set("providers", s.providers)
			audit.SetActor(s.ent, s.actor)
			recs[i] = s.ent
		}
		err := save(recs)
		for _, r := range recs {
			audit.ClearActor(r)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

package hazards

import "context"

// History is a hazard whose events are being written one after another in one go (the demo
// seed, an import of past records): the status they have moved it to so far, held here until
// the hazard is stored once with the last one (records.SaveHazardHistory), instead of a save of
// the hazard after each event. Each event is still checked against the status it moves from.
type History struct {
	ID     string // the hazard
	Status string // where the events written so far left it
	Major  bool
	Mover  string // the audit actor of the last event that moved it ("": none did)
}

type historyKey struct{}

// WithHistories marks a context for the saves of the events of these hazards (by id).
func WithHistories(ctx context.Context, hs map[string]*History) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return context.WithValue(ctx, historyKey{}, hs)
}

// HistoryOf is the history being written for the hazard id in ctx (false: none, the hazard's
// stored status is its status).
func HistoryOf(ctx context.Context, id string) (*History, bool) {
	if ctx == nil {
		return nil, false
	}
	hs, _ := ctx.Value(historyKey{}).(map[string]*History)
	h, ok := hs[id]
	return h, ok
}

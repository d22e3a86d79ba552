package records

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/audit"
	"azx/backend/internal/hazards"
	"azx/backend/internal/loader"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
)

// transitionKey marks a save made by the server itself, not a correction: a hazard moved by a
// hazard event (the only way its status changes) or party columns propagated from a parent.
type transitionKey struct{}

func serverUpdate(ctx context.Context) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return context.WithValue(ctx, transitionKey{}, true)
}

func isTransition(ctx context.Context) bool {
	if ctx == nil {
		return false
	}
	v, _ := ctx.Value(transitionKey{}).(bool)
	return v
}

// immutableParents cannot change on a correction: a record stays under the parent it was made for.
var immutableParents = map[string][]string{
	ServiceReports: {"policy"},
	Hazards:        {"service_report", "policy", "enterprise"},
	Claims:         {"policy"},
}

func bindModelHooks(app core.App) {
	app.OnRecordAfterCreateSuccess("organizations").BindFunc(forgetOrgKinds)
	app.OnRecordAfterUpdateSuccess("organizations").BindFunc(forgetOrgKinds)
	app.OnRecordAfterDeleteSuccess("organizations").BindFunc(forgetOrgKinds)

	app.OnRecordValidate(Enterprises, Policies, ServiceReports, Hazards, HazardEvents, Claims).BindFunc(func(e *core.RecordEvent) error {
		r := e.Record
		name := r.Collection().Name
		// the parents derive reads in this transaction need no second look-up by PocketBase's
		// relation check (loader's field checks skip the COUNT for ids in the context's Known)
		read, batch := loader.KnownOf(e.Context)
		if !batch {
			read = loader.NewKnown()
			e.Context = loader.WithKnown(e.Context, read)
		}
		errs, d := derive(e.App, read, r)
		if name == Enterprises {
			checkEnterpriseOrg(e.App, r, errs)
		}
		if name == Policies {
			stampUpload(e.App, r)
			deriveRenewal(e.App, read, r, errs)
		}
		if name == Enterprises && !isTransition(e.Context) {
			// providers is kept by the server from the policies, never taken from a client
			providers := ""
			if prev := Previous(e.App, r); prev != nil {
				providers = prev.GetString("providers")
			}
			r.Set("providers", providers)
		}

		if r.IsNew() {
			if IsBusiness(name) {
				r.Set("revision", 1)
				r.Set("correction_reason", "")
			}
			if name == Hazards {
				// every hazard starts in the loop's first state; only hazard events move it on
				r.Set("status", hazards.Loop.Initial)
			}
			if name == HazardEvents && audit.ActorOf(r) != audit.System {
				// written through the API: the actor is the signed-in user, never the client's claim
				r.Set("actor", audit.UserID(r))
			}
			if name == HazardEvents {
				setActorParty(e.App, r)
			}
		} else if name == HazardEvents && !isTransition(e.Context) {
			// append-only history: not even code (or a user deletion unsetting actor) rewrites it
			fieldErr(errs, "hazard", "event_immutable", "隐患处理记录一经保存不能修改", "A hazard event can never be changed")
		} else if IsBusiness(name) && !isTransition(e.Context) {
			orig := Previous(e.App, r)
			if orig == nil {
				orig = r.Original()
			}
			if strings.TrimSpace(r.GetString("correction_reason")) == "" {
				fieldErr(errs, "correction_reason", "correction_reason_required",
					"更正已提交的记录必须填写更正原因", "A correction of a submitted record needs a correction reason")
			}
			if name == Hazards && r.GetString("status") != orig.GetString("status") {
				fieldErr(errs, "status", "status_via_events",
					"隐患状态只能通过隐患处理记录（hazard_events）变更", "A hazard's status changes only through a hazard event")
			}
			if name == Claims {
				// a correction of the report keeps what the claim events made of it
				for _, c := range ClaimEventColumns {
					r.Set(c, orig.Get(c))
				}
			}
			for _, f := range immutableParents[name] {
				if r.GetString(f) != orig.GetString(f) {
					fieldErr(errs, f, "immutable", "不能更改所属记录，请新建记录", "The parent record cannot change; create a new record instead")
				}
			}
		}
		defer enterprises.Delete(r)
		if d.def != nil && d.data != nil && !hasDataErrors(errs) {
			validated.Store(r, d.data)
			defer validated.Delete(r)
		}
		return mergeErrors(errs, e.Next(), d)
	})

	// A correction stores the previous state first, in the write's transaction (the audit
	// handler, which runs outside this one, opened it).
	app.OnRecordUpdateExecute(Enterprises, Policies, ServiceReports, Hazards, Claims).BindFunc(func(e *core.RecordEvent) error {
		if isTransition(e.Context) {
			return e.Next()
		}
		r := e.Record
		orig := Previous(e.App, r)
		if orig == nil {
			return e.Next()
		}
		if err := saveVersion(e.App, r, orig); err != nil {
			return err
		}
		r.Set("revision", orig.GetInt("revision")+1)
		return e.Next()
	})

	// A hazard event moves its hazard to to_status in the same transaction.
	app.OnRecordCreateExecute(HazardEvents).Bind(&hook.Handler[*core.RecordEvent]{
		Func: func(e *core.RecordEvent) error {
			if err := e.Next(); err != nil {
				return err
			}
			to := e.Record.GetString("to_status")
			if to == "" || to == e.Record.GetString("from_status") {
				return nil
			}
			if hist, ok := hazards.HistoryOf(e.Context, e.Record.GetString("hazard")); ok {
				// HazardHistories.Finish stores the hazard once, after its last event
				hist.Status, hist.Mover = to, audit.ActorOf(e.Record)
				return nil
			}
			h, err := e.App.FindRecordById(Hazards, e.Record.GetString("hazard"))
			if err != nil {
				return err
			}
			// closed_at stays the writer's: a server clock here would make the seed non-deterministic
			h.Set("status", to)
			audit.SetActor(h, audit.ActorOf(e.Record))
			defer audit.ClearActor(h)
			return e.App.SaveWithContext(serverUpdate(e.Context), h)
		},
	})
}

// bindPropagation keeps the party columns copied onto other rows in step.
func bindPropagation(app core.App) {
	// a policy's provider is assigned to its enterprise (the provider may then read it)
	assign := func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		provider := e.Record.GetString("provider")
		if _, pending := pendingAssign.LoadAndDelete(e.Record); !pending || provider == "" {
			return nil
		}
		if pa, ok := assignmentsOf(e.Context); ok {
			// a batch of policies: its writer stores the enterprise saves after the batch
			pa.note(e.Record.GetString("enterprise"), provider, audit.ActorOf(e.Record))
			return nil
		}
		ent, err := e.App.FindRecordById(Enterprises, e.Record.GetString("enterprise"))
		if err != nil {
			return nil // the relation check reports a missing enterprise
		}
		current := ent.GetString("providers")
		if containsField(current, provider) {
			return nil
		}
		ent.Set("providers", strings.TrimSpace(current+" "+provider))
		audit.SetActor(ent, audit.ActorOf(e.Record))
		defer audit.ClearActor(ent)
		return e.App.SaveWithContext(serverUpdate(e.Context), ent)
	}
	app.OnRecordCreateExecute(Policies).BindFunc(assign)
	app.OnRecordUpdateExecute(Policies).BindFunc(assign)
	forget := func(e *core.RecordErrorEvent) error {
		pendingAssign.Delete(e.Record)
		return e.Next()
	}
	app.OnRecordAfterCreateError(Policies).BindFunc(forget)
	app.OnRecordAfterUpdateError(Policies).BindFunc(forget)

	// an enterprise linked to another organization, or corrected to another region or industry,
	// takes its rows along
	app.OnRecordUpdateExecute(Enterprises).BindFunc(func(e *core.RecordEvent) error {
		prev := Previous(e.App, e.Record)
		if err := e.Next(); err != nil {
			return err
		}
		if prev == nil || !partiesChanged(prev, e.Record, []string{"organization", "region_code", "industry"}) {
			return nil
		}
		// its policies take their reports and hazards along (below); hazards without a policy here
		ctx, actor := serverUpdate(e.Context), audit.ActorOf(e.Record)
		if err := resaveDependents(e.App, ctx, actor, dbx.HashExp{"enterprise": e.Record.Id}, Policies); err != nil {
			return err
		}
		return resaveDependents(e.App, ctx, actor, dbx.HashExp{"enterprise": e.Record.Id, "policy": ""}, Hazards)
	})

	// a policy corrected to another enterprise, insurer or provider takes its reports, hazards and
	// their events along, and the enterprise it left loses a provider no other policy assigns
	app.OnRecordUpdateExecute(Policies).BindFunc(func(e *core.RecordEvent) error {
		prev := Previous(e.App, e.Record)
		if err := e.Next(); err != nil {
			return err
		}
		if prev == nil || !partiesChanged(prev, e.Record, parentColumnsOf[Policies]) {
			return nil
		}
		actor := audit.ActorOf(e.Record)
		ctx := serverUpdate(e.Context)
		if err := resaveDependents(e.App, ctx, actor, dbx.HashExp{"policy": e.Record.Id}, ServiceReports, Hazards); err != nil {
			return err
		}
		if old := prev.GetString("enterprise"); old != e.Record.GetString("enterprise") || prev.GetString("provider") != e.Record.GetString("provider") {
			return recomputeProviders(e.App, ctx, actor, old)
		}
		return nil
	})
}

func partiesChanged(prev, now *core.Record, cols []string) bool {
	for _, c := range cols {
		if prev.GetString(c) != now.GetString(c) {
			return true
		}
	}
	return false
}

// resaveDependents saves again, as the actor of the change, every row of the collections that
// matches of, then the events of the hazards among them: each derives its copied parties and
// region afresh (deriveParents) in the change's transaction, and the audit chain appends an entry
// for each (earlier entries are never rewritten).
func resaveDependents(app core.App, ctx context.Context, actor string, of dbx.HashExp, collections ...string) error {
	var hazardIDs []any
	for _, name := range collections {
		rows, err := app.FindAllRecords(name, of)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if name == Hazards {
				hazardIDs = append(hazardIDs, r.Id)
			}
			if err := saveAs(app, ctx, r, actor); err != nil {
				return err
			}
		}
	}
	if len(hazardIDs) == 0 {
		return nil
	}
	events, err := app.FindAllRecords(HazardEvents, dbx.In("hazard", hazardIDs...))
	if err != nil {
		return err
	}
	for _, r := range events {
		if err := saveAs(app, ctx, r, actor); err != nil {
			return err
		}
	}
	return nil
}

// recomputeProviders keeps an enterprise's providers to those its policies still assign (in the
// order they were assigned).
func recomputeProviders(app core.App, ctx context.Context, actor, enterprise string) error {
	ent, err := app.FindRecordById(Enterprises, enterprise)
	if err != nil {
		return nil
	}
	var assigned []string
	if err := app.DB().Select("provider").Distinct(true).From(Policies).
		Where(dbx.HashExp{"enterprise": enterprise}).AndWhere(dbx.Not(dbx.HashExp{"provider": ""})).
		Column(&assigned); err != nil {
		return err
	}
	var keep []string
	for _, p := range strings.Fields(ent.GetString("providers")) {
		if slices.Contains(assigned, p) {
			keep = append(keep, p)
		}
	}
	for _, p := range assigned {
		if !slices.Contains(keep, p) {
			keep = append(keep, p)
		}
	}
	list := strings.Join(keep, " ")
	if list == ent.GetString("providers") {
		return nil
	}
	ent.Set("providers", list)
	return saveAs(app, ctx, ent, actor)
}

func saveAs(app core.App, ctx context.Context, r *core.Record, actor string) error {
	audit.SetActor(r, actor)
	defer audit.ClearActor(r)
	return app.SaveWithContext(ctx, r)
}

func saveVersion(app core.App, r, orig *core.Record) error {
	col, err := app.FindCachedCollectionByNameOrId(RecordVersions)
	if err != nil {
		return err
	}
	snapshot, err := json.Marshal(orig.FieldsData())
	if err != nil {
		return err
	}
	v := core.NewRecord(col)
	v.Set("collection_name", r.Collection().Name)
	v.Set("record_id", r.Id)
	v.Set("revision", orig.GetInt("revision"))
	v.Set("snapshot", types.JSONRaw(snapshot))
	v.Set("reason", r.GetString("correction_reason"))
	v.Set("actor", audit.ActorOf(r))
	audit.SetActor(v, audit.ActorOf(r))
	defer audit.ClearActor(v)
	return app.Save(v)
}

// Errors re-exported for callers that type-assert Prepare's result.
type Errors = validation.Errors

const actorPartySQL = `SELECT "role", "organization" FROM "users" WHERE "id" = ? LIMIT 1`

// setActorParty copies the actor's role and organization onto a new hazard event, so the
// hazard's parties can read who did each step (users are private); never the client's values.
func setActorParty(app core.App, r *core.Record) {
	role, org := "", ""
	if id := r.GetString("actor"); id != "" {
		// the two columns alone, by a statement the transaction keeps prepared, not the whole
		// user read back (FindRecordById) for every event
		var ro, or sql.NullString
		if err := stored.ScanRow(app, actorPartySQL, []any{id}, &ro, &or); err == nil {
			role, org = ro.String, or.String
		}
	}
	r.Set("actor_role", role)
	r.Set("actor_org", org)
}

// hasDataErrors: the schema (or a rule of it) refused something inside data.
func hasDataErrors(errs validation.Errors) bool {
	for k := range errs {
		if k == "data" || strings.HasPrefix(k, "data.") {
			return true
		}
	}
	return false
}

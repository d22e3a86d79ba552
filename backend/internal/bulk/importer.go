package bulk

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/loader"
	"azx/backend/internal/packs"
	"azx/backend/internal/validation"
)

// Result is the response of an upload. Failed and Flagged hold the first answerFirst rows of
// each; all of them are in the upload's results file (Results, spool.go).
type Result struct {
	Created      int       `json:"created"`
	Unchanged    int       `json:"unchanged"`
	FailedCount  int       `json:"failed_count"`
	FlaggedCount int       `json:"flagged_count"`
	Failed       []Failure `json:"failed"`
	// Flagged are rows stored in import mode although rules of the packs refuse them: each
	// broken rule is a system finding (system_findings) with its code, source and row
	Flagged []Flagged `json:"flagged"`
	// Complete: Failed and Flagged are every refused and flagged row; otherwise fetch Results
	Complete bool   `json:"complete"`
	Results  string `json:"results"`  // GET path of every refused and flagged row of the upload
	Mode     string `json:"mode"`     // import or entry
	Encoding string `json:"encoding"` // the text encoding the file was read in: utf-8 or gb18030
}

// Flagged is a row stored with the rules it breaks.
type Flagged struct {
	Row   int    `json:"row"`
	Key   string `json:"key"`
	Rules []Flag `json:"rules"`
}

// Flag is one broken rule of a stored row.
type Flag struct {
	Code      string `json:"code"`
	Path      string `json:"path"`
	Source    string `json:"source"`
	SourceEn  string `json:"source_en"`
	Message   string `json:"message"`
	MessageZh string `json:"message_zh"`
	MessageEn string `json:"message_en"`
}

// kind describes one uploadable collection.
type kind struct {
	collection  string
	definition  string // definition key (latest published version is used)
	keyColumn   string // policy_no or uscc: the idempotency key, unique in the collection
	keyIndex    string // the unique index of keyColumn, which a chunk's read of its keys names (batch.go)
	rename      map[string]string
	role        string   // who uploads entries
	importRoles []string // who imports historic records (?mode=import)
	extra       []string // reference columns besides the definition's properties
	// flagged: in import mode the packs' refusals of this kind's records are stored and flagged
	flagged bool
	// prepare checks the row against the uploader (organization, scope), resolves references
	// and fills the relation columns; it returns field errors or nil.
	prepare func(tx core.App, b *batch, u *uploader, row map[string]any, rec *core.Record) map[string]FieldError
	// enterpriseOf is the uscc of the enterprise a row names, read for its chunk at once (nil:
	// the kind names none)
	enterpriseOf func(row map[string]any) string
	// owns reports whether an existing row is the uploader's to compare against.
	owns func(u *uploader, existing *core.Record) bool
}

// uploader is the signed-in user making the upload.
type uploader struct {
	auth    *core.Record
	lang    string
	imports bool                // import mode: the packs' refusals are stored and flagged
	upload  string              // the uploader's id of this upload, kept on the flags
	orgs    map[string]orgFound // organizations the rows name, read once an upload
}

type orgFound struct {
	rec *core.Record
	err error
}

// organization is the organization of a kind (insurer, provider) with a uscc, read once an upload.
func (u *uploader) organization(tx core.App, uscc, kind string) (*core.Record, error) {
	if u.orgs == nil {
		u.orgs = map[string]orgFound{}
	}
	if f, ok := u.orgs[kind+" "+uscc]; ok {
		return f.rec, f.err
	}
	org := &core.Record{}
	err := tx.RecordQuery("organizations").AndWhere(dbx.HashExp{"uscc": uscc, "kind": kind}).Limit(1).One(org)
	u.orgs[kind+" "+uscc] = orgFound{org, err}
	return org, err
}

func (u *uploader) org() string { return u.auth.GetString("organization") }

func (u *uploader) regulator() bool { return u.auth.GetString("role") == "regulator" }

func (u *uploader) fail(code, zh, en string) FieldError { return fieldError(code, zh, en, u.lang) }

// run stores every valid row, in transactions of chunkRows rows; a refused row leaves no trace
// and does not disturb the others (storeChunk). The rows are
// built a chunk at a time from the file (source.each), and what a chunk's rows refer to is read
// once for the chunk (batch), so neither memory nor the reads per row grow with the file.
func (k *kind) run(app core.App, u *uploader, rows *source, version int) (*Result, error) {
	res := &Result{Failed: []Failure{}, Flagged: []Flagged{}}
	col, err := app.FindCollectionByNameOrId(k.collection)
	if err != nil {
		return nil, err
	}
	out, err := openSpool(app, u.auth.Id)
	if err != nil {
		return nil, err
	}
	res.Results = "/api/azx/bulk/results/" + out.id
	var flags *core.Collection
	if u.imports && k.flagged {
		if flags, err = app.FindCollectionByNameOrId("system_findings"); err != nil {
			return nil, err
		}
	}
	// the writer's batch settings while the chunks are written (a page cache their transactions
	// fit in, fewer checkpoints: ../loader/pragmas.go)
	restore, err := loader.TuneWriter(app, loader.UploadPragmas)
	if err != nil {
		return nil, err
	}
	defer restore()
	chunk := make([]Row, 0, chunkRows)
	store := func() error {
		var done []rowDone
		err := errCareful
		if batchLoads {
			done, err = k.loadChunk(app, u, col, flags, chunk, version)
		}
		if errors.Is(err, errCareful) {
			done, err = k.storeChunk(app, u, col, flags, chunk, version)
		}
		clear(chunk) // the stored rows' fields are garbage now
		chunk = chunk[:0]
		if err != nil {
			return err
		}
		// told once the chunk has committed: a chunk stored again carefully is told once
		for _, o := range done {
			switch {
			case o.errs != nil:
				f := Failure{Row: o.row, Key: o.key, Errors: o.errs}
				if len(res.Failed) < answerFirst {
					res.Failed = append(res.Failed, f)
				}
				if err := out.fail(f); err != nil {
					return err
				}
			case o.outcome == "unchanged":
				res.Unchanged++
			default:
				res.Created++
			}
			if len(o.flags) > 0 {
				f := Flagged{Row: o.row, Key: o.key, Rules: o.flags}
				if len(res.Flagged) < answerFirst {
					res.Flagged = append(res.Flagged, f)
				}
				if err := out.flag(f); err != nil {
					return err
				}
			}
		}
		return nil
	}
	var storeErr error
	err = rows.each(func(r Row) bool {
		chunk = append(chunk, r)
		if len(chunk) == chunkRows {
			storeErr = store()
		}
		return storeErr == nil
	})
	if err == nil {
		err = storeErr
	}
	if err == nil && len(chunk) > 0 {
		err = store()
	}
	if err = errors.Join(err, out.close()); err != nil {
		out.discard()
		return nil, err
	}
	res.FailedCount, res.FlaggedCount = out.nFailed, out.nFlagged
	res.Complete = len(res.Failed) == out.nFailed && len(res.Flagged) == out.nFlagged
	return res, nil
}

// chunkRows rows share a transaction: few commits, yet the write lock is released often
// enough for other writers during a 50,000-row upload. A chunk that fails as a whole (the
// database, not a row) leaves the earlier chunks stored; uploading the file again is safe.
var chunkRows = 1000 // a variable so the tests can make chunks of a few rows

// batchLoads: chunks are stored through the batch loader, a save a row only when it cannot
// (errCareful); false stores every chunk a save a row, which the tests compare with it.
var batchLoads = true

// rowDone is what became of one row of a chunk.
type rowDone struct {
	row          int
	key, outcome string
	errs         map[string]FieldError
	flags        []Flag
}

// errCareful: the chunk cannot be loaded in batch (a row's create hooks refused it after
// others had written, or the batch insert failed): it is stored again a save a row.
var errCareful = errors.New("the chunk needs a save a row")

// storeChunk stores a chunk's rows in one transaction, a save and a savepoint a row: the way back
// for a chunk the batch load (loadChunk) could not store, where a row refused after it wrote
// something must be undone alone. A row's flags go in after it, their audit entries at the
// chunk's end, in its transaction (appendFlagEntries).
func (k *kind) storeChunk(app core.App, u *uploader, col, flags *core.Collection, rows []Row, version int) ([]rowDone, error) {
	var done []rowDone
	err := app.RunInTransaction(func(tx core.App) error {
		done = make([]rowDone, 0, len(rows))
		b := k.batch(tx, col, flags, rows)
		for _, row := range rows {
			d := rowDone{row: row.Num}
			if row.Err != nil {
				d.errs = map[string]FieldError{"_row": u.fail(row.Err.Code, row.Err.Zh, row.Err.En)}
			} else {
				d.key, d.outcome, d.errs, d.flags = k.store(tx, b, u, row, version)
			}
			done = append(done, d)
		}
		return appendFlagEntries(tx, b, audit.AuthActor(u.auth))
	})
	return done, err
}

// build makes the record of one row: the uploader's checks and references (kind.prepare), the
// definition and data. A row whose key is stored already is compared instead (rec nil, its
// outcome or errors given).
func (k *kind) build(tx core.App, b *batch, u *uploader, row Row, version int) (key string, rec *core.Record, outcome string, errs map[string]FieldError) {
	fields := row.Fields
	key, _ = fields[k.keyColumn].(string)
	rec = core.NewRecord(b.col)
	if errs := k.prepare(tx, b, u, fields, rec); errs != nil {
		return key, nil, "", errs
	}
	rec.Set("definition", k.definition)
	rec.Set("version", version)
	rec.Set("data", fields)
	if existing := b.existing(tx, key); existing != nil {
		outcome, errs := k.compare(u, existing, rec)
		return key, nil, outcome, errs
	}
	return key, rec, "", nil
}

// store validates and saves one row in its own savepoint; in import mode the packs' refusals are
// collected, not raised, and become system findings once the row is stored, inserted after it
// in the chunk's transaction (the row and its flags commit together).
func (k *kind) store(tx core.App, b *batch, u *uploader, row Row, version int) (string, string, map[string]FieldError, []Flag) {
	key, rec, outcome, errs := k.build(tx, b, u, row, version)
	if rec == nil {
		return key, outcome, errs, nil
	}
	if _, err := tx.DB().NewQuery("SAVEPOINT azx_bulk_row").Execute(); err != nil {
		return key, "", map[string]FieldError{"_row": u.fail("bulk_save_failed", "数据库错误："+err.Error(), "Database error: "+err.Error())}, nil
	}
	flagging := u.imports && k.flagged
	if flagging {
		packs.StartImport(rec)
	}
	audit.SetActor(rec, audit.AuthActor(u.auth))
	forget := b.derivesFrom(rec)
	err := tx.Save(rec)
	forget()
	audit.ClearActor(rec)
	var problems []packs.Problem
	if flagging {
		problems = packs.ImportFlags(rec)
	}
	if err != nil {
		_, _ = tx.DB().NewQuery("ROLLBACK TO azx_bulk_row").Execute()
		_, _ = tx.DB().NewQuery("RELEASE azx_bulk_row").Execute()
		audit.Rewound(tx) // the row's entries, appended before a later step refused it, are gone
		return key, "", rowErrors(err, u.lang, k.rename), nil
	}
	if _, err := tx.DB().NewQuery("RELEASE azx_bulk_row").Execute(); err != nil {
		return key, "", map[string]FieldError{"_row": u.fail("bulk_save_failed", "数据库错误："+err.Error(), "Database error: "+err.Error())}, nil
	}
	b.stored(key)
	return key, "created", nil, b.flag(tx, u, rec, row.Num, problems)
}

// compare decides between unchanged and a refusal when the key already exists: the same
// content is a no-op (uploading a file twice stores nothing twice); different content needs
// a correction with a reason, which an upload cannot carry.
func (k *kind) compare(u *uploader, existing, rec *core.Record) (string, map[string]FieldError) {
	if !k.owns(u, existing) {
		return "", map[string]FieldError{k.keyColumn: u.fail("bulk_key_taken",
			"该编号已由其他机构或辖区外的单位登记，不能上传",
			"This key is already registered by another organization or outside your region; it cannot be uploaded")}
	}
	same := sameJSON(existing.Get("data"), rec.Get("data"))
	for _, rel := range []string{"enterprise", "provider"} {
		if rec.Collection().Fields.GetByName(rel) != nil && rec.GetString(rel) != "" && rec.GetString(rel) != existing.GetString(rel) {
			same = false
		}
	}
	if same {
		return "unchanged", nil
	}
	return "", map[string]FieldError{k.keyColumn: u.fail("bulk_exists_different",
		"该记录已存在且内容不同：请通过更正（填写更正原因）修改，而不是重新上传",
		"This record already exists with different content: submit a correction (with a reason) instead of uploading it again")}
}

// sameJSON compares two JSON values by meaning (key order and number spelling ignored).
func sameJSON(a, b any) bool {
	return reflect.DeepEqual(normalize(a), normalize(b))
}

func normalize(v any) any {
	var raw []byte
	switch x := v.(type) {
	case []byte:
		raw = x
	case json.RawMessage:
		raw = x
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return nil
		}
		raw = b
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil
	}
	return out
}

// latestVersion is the newest published version of a definition key.
func latestVersion(app core.App, key string) (int, error) {
	var v int
	err := app.DB().Select("COALESCE(MAX([[version]]), 0)").From("form_definitions").
		Where(dbx.HashExp{"key": key, "status": "published"}).Row(&v)
	if err == nil && v == 0 {
		err = fmt.Errorf("form definition %q has no published version", key)
	}
	return v, err
}

// inScope mirrors the regulators' access rule on a region code.
func inScope(auth *core.Record, region string) bool {
	scope := auth.GetString("region_scope")
	switch auth.GetString("scope_level") {
	case "province":
		return validation.ProvinceCode(region) == scope
	case "city":
		return validation.CityCode(region) == scope
	case "county":
		return region == scope
	}
	return false
}

package audit

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/cores"
	"azx/backend/internal/stored"
)

// Collection is the name of the audit log collection.
const Collection = "audit_log"

// priority places the audit handler outside every other Execute handler: it opens the
// transaction, lets the write (and whatever the other handlers add to it) happen, then appends.
const priority = -50

// Audited reports whether writes to a collection are logged: everything except the log itself
// and PocketBase's own underscore collections (superusers, tokens, OTPs...).
func Audited(name string) bool {
	return name != Collection && !strings.HasPrefix(name, "_")
}

// BindHooks wires the audit hooks into app (Register does it for the binary).
func BindHooks(app core.App) {
	// a process (or a test's app) opening a data folder reads the chain head from its table once
	app.OnBootstrap().Bind(&hook.Handler[*core.BootstrapEvent]{
		Id: "azx_audit_head_forget",
		Func: func(e *core.BootstrapEvent) error {
			committed.forget(e.App.DataDir())
			return e.Next()
		},
	})
	remember := func(e *core.RecordRequestEvent) error {
		if a := AuthActor(e.Auth); a != "" {
			SetActor(e.Record, a)
			defer ClearActor(e.Record)
		}
		return e.Next()
	}
	app.OnRecordCreateRequest().BindFunc(remember)
	app.OnRecordUpdateRequest().BindFunc(remember)
	app.OnRecordDeleteRequest().BindFunc(remember)

	for action, h := range map[string]*hook.Hook[*core.RecordEvent]{
		"create": app.OnRecordCreateExecute().Hook,
		"update": app.OnRecordUpdateExecute().Hook,
		"delete": app.OnRecordDeleteExecute().Hook,
	} {
		action := action
		h.Bind(&hook.Handler[*core.RecordEvent]{
			Id:       "azx_audit_" + action,
			Priority: priority,
			Func: func(e *core.RecordEvent) error {
				if !Audited(e.Record.Collection().Name) {
					return e.Next()
				}
				if action == "create" && createDeferred(e.Record) {
					if !e.App.IsTransactional() {
						return errors.New("audit: a deferred create entry needs the writer's transaction")
					}
					return e.Next() // the writer appends it once the row is in (AppendExported)
				}
				return inTransaction(e, func() error {
					if err := e.Next(); err != nil {
						return err
					}
					return Append(e.App, e.Record, action)
				})
			},
		})
	}
}

// inTransaction runs fn with e.App inside a transaction (the caller's, if there is one), so the
// write and its audit entry commit or roll back together.
func inTransaction(e *core.RecordEvent, fn func() error) error {
	if e.App.IsTransactional() {
		return fn()
	}
	orig := e.App
	defer func() { e.App = orig }()
	return orig.RunInTransaction(func(tx core.App) error {
		e.App = tx
		return fn()
	})
}

// DeletedHash is the record_hash of a delete entry: the hash of JSON null, the record's
// content after the write.
var DeletedHash = func() string { s := sha256.Sum256([]byte("null")); return hex.EncodeToString(s[:]) }()

// Append writes the audit entry of one write; app must be the transaction of that write.
func Append(app core.App, r *core.Record, action string) error {
	recordHash := DeletedHash
	if action != "delete" {
		row, ok := exportedRow(app, r)
		if !ok {
			var err error
			if row, err = ReadRow(app, r.Collection().Name, r.Id); err != nil {
				return err
			}
		}
		recordHash = RowHash(row)
	}

	return appendEntry(app, r.Collection().Name, r.Id, ActorOf(r), action, recordHash)
}

// AppendCreates writes a create entry, by the system, for every row of a table as it is stored
// (rowid order): rows written straight into a new table (a migration loading shipped data) get
// their entries without a save each. app must be the transaction that wrote them.
func AppendCreates(app core.App, table string) error {
	rows, err := app.DB().NewQuery("SELECT * FROM {{" + table + "}} ORDER BY rowid").Rows()
	if err != nil {
		return err
	}
	var loaded []createdRow
	for rows.Next() {
		m := dbx.NullStringMap{}
		if err := rows.ScanMap(m); err != nil {
			rows.Close()
			return err
		}
		row := fromNullStrings(m)
		id := ""
		if row["id"] != nil {
			id = *row["id"]
		}
		loaded = append(loaded, createdRow{collection: table, id: id, row: row})
	}
	if err := rows.Close(); err != nil {
		return err
	}
	return appendCreated(app, loaded, System)
}

// AppendExported writes a create entry by actor for each of records, in order, which the caller
// has just inserted into their table as they export, without a save each; rows[i] is
// records[i]'s Record.DBExport as the insert took it (nil, or a nil row: exported again here).
// app must be the transaction that inserted them. The rows are hashed on the cores (each
// record's own work) before the entries are linked one after the other on the caller's: a batch
// writer (../loader, a bulk import's flags) hashes a thousand rows at once, the linking alone
// being serial.
func AppendExported(app core.App, records []*core.Record, rows []map[string]any, actor string) error {
	created := make([]createdRow, len(records))
	cores.Each(len(records), func(i int) {
		r := records[i]
		created[i] = createdRow{collection: r.Collection().Name, id: r.Id}
		var row map[string]*string
		var ok bool
		if rows != nil && rows[i] != nil {
			row, ok = storedRow(app, r, rows[i])
		} else {
			row, ok = exportedRow(app, r)
		}
		if ok {
			created[i].hash = RowHash(row)
		}
	})
	for i := range created {
		if created[i].hash != "" {
			continue
		}
		// the stored text is not certain from the record: read the row (in the transaction)
		row, err := ReadRow(app, created[i].collection, created[i].id)
		if err != nil {
			return err
		}
		created[i].hash = RowHash(row)
	}
	return appendCreated(app, created, actor)
}

// createdRow is a row written straight into its table, to be logged as created: its row, or the
// row's hash already taken.
type createdRow struct {
	collection, id string
	row            map[string]*string
	hash           string // RowHash(row), when already computed
}

// appendCreated links a create entry by actor for each row, in order, to the head of app's
// transaction, under one lock and one read of the head, each entry by insertOne (plain SQL the
// writer's connection keeps prepared). Not many entries a statement: SQLite then keeps a
// statement journal (every page the statement touches copied), which cost more than the
// statements it saved.
func appendCreated(app core.App, rows []createdRow, actor string) error {
	if len(rows) == 0 {
		return nil
	}
	t := tipOf(app)
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.load(app); err != nil {
		return err
	}
	at := types.NowDateTime().String()
	h := t.head
	for _, c := range rows {
		rowHash := c.hash
		if rowHash == "" {
			rowHash = RowHash(c.row)
		}
		e := Entry{Seq: h.Seq + 1, At: at, Actor: actor, Collection: c.collection, RecordID: c.id, Action: "create",
			RecordHash: rowHash, PrevHash: h.Hash}
		if e.PrevHash == "" {
			e.PrevHash = Genesis
		}
		e.Hash = e.Computed()
		if err := t.insertOne(app, e); err != nil {
			t.known = false // the head is read again before the next append
			if !t.direct {
				committed.settle(t, err)
			}
			return err
		}
		h = headOf(e)
	}
	t.wrote(h)
	return nil
}

func headOf(e Entry) head { return head{Seq: e.Seq, Hash: e.Hash} }

// appendEntry links one entry to the chain head of app's transaction.
func appendEntry(app core.App, collection, recordID, actor, action, recordHash string) error {
	t := tipOf(app)
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.load(app); err != nil {
		return err
	}
	prev := t.head.Hash
	if prev == "" {
		prev = Genesis
	}

	e := Entry{
		Seq:        t.head.Seq + 1,
		At:         types.NowDateTime().String(),
		Actor:      actor,
		Collection: collection,
		RecordID:   recordID,
		Action:     action,
		RecordHash: recordHash,
		PrevHash:   prev,
	}
	e.Hash = e.Computed()
	err := t.insertOne(app, e)
	if err == nil {
		t.wrote(head{e.Seq, e.Hash})
	} else {
		t.known = false // the statement may have failed after a partial write: read the head again
		if !t.direct {
			committed.settle(t, err) // this transaction's head is no longer offered
		}
	}
	return err
}

// insertOneSQL writes one entry: plain SQL, the same text every time, so the writer's connection
// keeps it prepared (internal/stmtcache) across transactions. (A statement prepared on the
// transaction, as before, was parsed again for every API write, each its own transaction.)
const insertOneSQL = "INSERT INTO " + Collection + " (id, seq, at, actor, collection_name, record_id, action, record_hash, prev_hash, hash) " +
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

// insertOne writes e; the caller holds t.mu.
func (t *tip) insertOne(app core.App, e Entry) error {
	return stored.Exec(app, insertOneSQL, core.GenerateDefaultRandomId(), e.Seq, e.At, e.Actor, e.Collection,
		e.RecordID, e.Action, e.RecordHash, e.PrevHash, e.Hash)
}

// head is the last entry of the chain.
type head struct {
	Seq  int64  `db:"seq"`
	Hash string `db:"hash"`
}

// load reads the chain head unless the transaction already knows it; the caller holds t.mu.
// A transaction of this process starts from the head the last committed one left in memory
// (committedHead): the head is re-read only after a start, a rollback or a write that failed.
func (t *tip) load(app core.App) error {
	if t.known {
		return nil
	}
	if h, ok := committed.get(app.DataDir()); ok && !t.direct {
		t.head, t.known = h, true
		return nil
	}
	err := app.DB().Select("seq", "hash").From(Collection).OrderBy("seq DESC").Limit(1).One(&t.head)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	t.known = true
	return nil
}

// tip is the chain head as one transaction sees it. A transaction holds SQLite's write lock, so
// no one else appends until it ends: a batch (seed, bulk upload) reads the head once instead of
// once per write. Its lock orders appends of goroutines that share the transaction (the seed's
// workers), so two entries never take the same seq.
type tip struct {
	mu      sync.Mutex
	known   bool
	direct  bool // no transaction: each append commits alone
	dataDir string
	head    head
}

// wrote moves the tip to the entry just appended and offers it as the next transaction's head
// once this one commits. An append outside a transaction is committed as it returns, and no
// transaction's end settles it: the head in memory is forgotten, so the next transaction reads
// the table.
func (t *tip) wrote(h head) {
	t.head, t.known = h, true
	if t.direct {
		committed.forget(t.dataDir)
	} else {
		committed.offer(t)
	}
}

var tips sync.Map // *dbx.Tx → *tip, dropped when the transaction ends, committed or not

// committedHead is the chain head of the last transaction of this process that appended, per
// database, usable once that transaction is known to have committed. PocketBase runs one write
// transaction at a time (its nonconcurrent pool has one connection and SQLite one writer), so
// the next transaction, which holds the writer lock when it appends, finds the head it would
// read from the table. PocketBase tells a transaction's end after it has let the connection go:
// a transaction that starts in between finds the head still pending and reads the table.
// Another process writing the same data folder while this one serves (none does: the CLI
// commands that write run with the server stopped) would fork the chain, which audit verify
// reports.
type committedHead struct {
	mu    sync.Mutex
	heads map[string]*offered // data folder → the last transaction's head
}

type offered struct {
	head      head
	owner     *tip // the transaction that appended it
	committed bool
}

var committed = &committedHead{heads: map[string]*offered{}}

func (c *committedHead) forget(dataDir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.heads, dataDir)
}

// get: the head a committed transaction left, or false (none known, or its end not told yet).
func (c *committedHead) get(dataDir string) (head, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	o, ok := c.heads[dataDir]
	if !ok || !o.committed {
		return head{}, false
	}
	return o.head, true
}

// offer: t appended; its head counts once t's transaction has committed.
func (c *committedHead) offer(t *tip) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.heads[t.dataDir] = &offered{head: t.head, owner: t}
}

// settle is told a transaction's end: its offered head is kept when it committed, forgotten when
// it did not (the table then holds whatever the rollback restored; the next append reads it).
// A later transaction's offer is left alone.
func (c *committedHead) settle(t *tip, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	o, ok := c.heads[t.dataDir]
	if !ok || o.owner != t {
		return
	}
	if err != nil || !t.known {
		delete(c.heads, t.dataDir)
		return
	}
	o.committed = true
}

// Rewound tells the chain that app's transaction rolled back to a savepoint (a refused row of a
// bulk upload): entries appended since are gone, so the head kept in memory is read again
// before the next append, which then links to the entry the table still holds.
func Rewound(app core.App) {
	t := tipOf(app)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.known = false
	if !t.direct {
		committed.settle(t, errRewound) // the head this transaction offered is no longer its head
	}
}

var errRewound = errors.New("rolled back to a savepoint")

func tipOf(app core.App) *tip {
	tx, ok := app.DB().(*dbx.Tx)
	info := app.TxInfo()
	if !ok || info == nil {
		return &tip{direct: true, dataDir: app.DataDir()} // not in a transaction: read the head each time
	}
	if t, ok := tips.Load(tx); ok {
		return t.(*tip)
	}
	t, loaded := tips.LoadOrStore(tx, &tip{dataDir: app.DataDir()})
	if !loaded {
		info.OnComplete(func(err error) error {
			tips.Delete(tx)
			committed.settle(t.(*tip), err)
			return nil
		})
	}
	return t.(*tip)
}

// ReadRow reads one row of a collection's table as text columns (nil for NULL).
func ReadRow(app core.App, table, id string) (map[string]*string, error) {
	m := dbx.NullStringMap{}
	err := app.DB().NewQuery("SELECT * FROM {{" + table + "}} WHERE [[id]] = {:id} LIMIT 1").
		Bind(dbx.Params{"id": id}).One(&m)
	if err != nil {
		return nil, err
	}
	return fromNullStrings(m), nil
}

func fromNullStrings(m dbx.NullStringMap) map[string]*string {
	out := make(map[string]*string, len(m))
	for k, v := range m {
		if v.Valid {
			s := v.String
			out[k] = &s
		} else {
			out[k] = nil
		}
	}
	return out
}

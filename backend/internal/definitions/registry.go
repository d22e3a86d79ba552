// Package definitions owns form_definitions: the cached, compiled registry the record hooks
// validate against, the server-side rules of the definition lifecycle, and the
// `definitions load` command.
package definitions

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// Collection is the name of the definitions collection.
const Collection = "form_definitions"

// Definition statuses (schemas/vocabularies/definition-status.json).
const (
	StatusDraft     = vocab.DefinitionStatusDraft
	StatusPublished = vocab.DefinitionStatusPublished
	StatusRetired   = vocab.DefinitionStatusRetired
)

// Definition is one compiled form definition version.
type Definition struct {
	ID      string
	Key     string
	Version int
	Status  string
	Base    string
	Hash    string
	Schema  *validation.Schema
	Columns []validation.Column
}

// ErrNotFound means no form_definitions row has the key and version.
var ErrNotFound = errors.New("form definition not found")

// recheckAfter bounds how stale a cached row may be when another process (a CLI command)
// changed it; changes made by this process invalidate the cache at once.
const recheckAfter = 30 * time.Second

type entry struct {
	def       *Definition
	checkedAt time.Time
}

var (
	mu       sync.RWMutex
	byKey    = map[string]entry{}
	compiled = map[string]*validation.Schema{} // by hash: a schema is compiled once
)

func cacheKey(key string, version int) string { return key + "@" + strconv.Itoa(version) }

// Invalidate drops a cached definition (called when its row changes).
func Invalidate(key string, version int) {
	mu.Lock()
	delete(byKey, cacheKey(key, version))
	mu.Unlock()
}

// Lookup returns the compiled definition (key, version), from the cache when fresh.
func Lookup(app core.App, key string, version int) (*Definition, error) {
	ck := cacheKey(key, version)
	mu.RLock()
	e, ok := byKey[ck]
	mu.RUnlock()
	if ok && time.Since(e.checkedAt) < recheckAfter {
		return e.def, nil
	}

	row := &core.Record{}
	err := app.RecordQuery(Collection).
		AndWhere(dbx.HashExp{"key": key, "version": version}).
		Limit(1).One(row)
	if err != nil {
		Invalidate(key, version)
		return nil, ErrNotFound
	}
	hash := row.GetString("hash")
	if ok && e.def.Hash == hash && e.def.Status == row.GetString("status") {
		mu.Lock()
		byKey[ck] = entry{def: e.def, checkedAt: time.Now()}
		mu.Unlock()
		return e.def, nil
	}

	schema, err := compiledSchema(row)
	if err != nil {
		return nil, err
	}
	def := &Definition{
		ID:      row.Id,
		Key:     key,
		Version: version,
		Status:  row.GetString("status"),
		Base:    row.GetString("base"),
		Hash:    hash,
		Schema:  schema,
		Columns: validation.Columns(schema.Doc()),
	}
	mu.Lock()
	byKey[ck] = entry{def: def, checkedAt: time.Now()}
	mu.Unlock()
	return def, nil
}

func compiledSchema(row *core.Record) (*validation.Schema, error) {
	raw := RawJSON(row.Get("schema"))
	hash := row.GetString("hash")
	if hash == "" {
		if h, err := Hash(raw); err == nil {
			hash = h
		}
	}
	mu.RLock()
	s, ok := compiled[hash]
	mu.RUnlock()
	if ok {
		return s, nil
	}
	s, err := validation.Compile(raw)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	compiled[hash] = s
	mu.Unlock()
	return s, nil
}

// RawJSON returns the JSON bytes of a json field value.
func RawJSON(v any) []byte {
	switch x := v.(type) {
	case nil:
		return nil
	case []byte:
		return x
	case string:
		return []byte(x)
	case json.RawMessage:
		return x
	case types.JSONRaw:
		return x
	}
	out, _ := json.Marshal(v)
	return out
}

// Canonical re-encodes JSON with sorted object keys, no insignificant whitespace, numbers as
// written and no HTML escaping, so equal documents hash equally.
func Canonical(raw []byte) ([]byte, error) {
	doc, err := validation.ParseJSON(raw)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Hash is the sha256 (hex) of a schema's canonical JSON.
func Hash(raw []byte) (string, error) {
	c, err := Canonical(raw)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(c)
	return hex.EncodeToString(sum[:]), nil
}

// KeyExists reports whether any version of a definition key exists.
func KeyExists(app core.App, key string) bool {
	var n int
	err := app.DB().Select("COUNT(*)").From(Collection).Where(dbx.HashExp{"key": key}).Row(&n)
	return err == nil && n > 0
}

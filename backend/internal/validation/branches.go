package validation

import (
	"encoding/json"
	"math"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Fields of a branch that does not apply (the `then` or `else` not taken, a dependentSchemas or
// dependencies schema whose trigger is absent, a oneOf/anyOf branch other than the chosen one,
// told apart by a `const` or one-value `enum` discriminator) are hidden like a
// falsy x-visible: <azx-form> drops them (components/core/conditional.ts, inactiveLocations),
// so the server refuses a record that carries one. This file is a port of that code, keyword for
// keyword, so both sides decide applicability alike: an `if` holds when its subschema validates
// the object; a oneOf branch is chosen by a `const` discriminator, else by the most fields
// filled, then by the first branch the object satisfies, else the first.

type branches struct {
	root     any      // the schema document
	matchers sync.Map // JSON of a subschema document → *jsonschema.Schema (nil: matches nothing)
}

var conditionalKeys = []string{"$ref", "allOf", "if", "dependentSchemas", "dependentRequired", "dependencies"}

// fixedOf is the value a branch's property stands for: its `const`, or an `enum` of one value
// (the style of react-jsonschema-form).
func fixedOf(p map[string]any) (any, bool) {
	if c, ok := p["const"]; ok {
		return c, true
	}
	if e, ok := p["enum"].([]any); ok && len(e) == 1 {
		return e[0], true
	}
	return nil, false
}

// schemaDeps are the subschemas of dependentSchemas and of draft-07's dependencies (whose lists
// of names only require, and so declare nothing), by trigger.
func schemaDeps(n map[string]any) map[string]any {
	out := map[string]any{}
	for k, d := range asObj(n["dependentSchemas"]) {
		out[k] = d
	}
	for k, d := range asObj(n["dependencies"]) {
		if _, list := d.([]any); !list {
			out[k] = d
		}
	}
	return out
}

// newBranches returns nil when no node of doc depends on the value (the common, cheap case).
func newBranches(doc any) *branches {
	if !hasConditionals(doc) {
		return nil
	}
	return &branches{root: doc}
}

func asObj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// objectBranches is the oneOf/anyOf of objects of a node (a list of `const` is an enum, not a choice).
func objectBranches(n map[string]any) []any {
	list := n["oneOf"]
	if list == nil {
		list = n["anyOf"]
	}
	arr, ok := list.([]any)
	if !ok || len(arr) == 0 {
		return nil
	}
	allConst := true
	for _, b := range arr {
		m, ok := b.(map[string]any)
		if _, c := m["const"]; !ok || !c {
			allConst = false
			break
		}
	}
	if allConst {
		return nil
	}
	for _, b := range arr {
		m, ok := b.(map[string]any)
		if !ok {
			return nil
		}
		_, props := m["properties"].(map[string]any)
		_, ref := m["$ref"].(string)
		if m["type"] != "object" && !props && !ref {
			return nil
		}
	}
	return arr
}

func isConditional(n map[string]any) bool {
	for _, k := range conditionalKeys {
		if _, has := n[k]; has {
			return true
		}
	}
	return objectBranches(n) != nil
}

// hasConditionals reports whether any node of the document uses a value-dependent applicator.
func hasConditionals(node any) bool {
	switch n := node.(type) {
	case []any:
		for _, e := range n {
			if hasConditionals(e) {
				return true
			}
		}
	case map[string]any:
		if isConditional(n) {
			return true
		}
		for k, v := range n {
			if k != "const" && k != "enum" && k != "default" && k != "examples" && hasConditionals(v) {
				return true
			}
		}
	}
	return false
}

// deref resolves a `$ref` to "#/..." against the root; keywords beside the `$ref` win.
func (b *branches) deref(schema any, depth int) any {
	m, ok := schema.(map[string]any)
	if !ok {
		return schema
	}
	ref, ok := m["$ref"].(string)
	if !ok || !strings.HasPrefix(ref, "#") || depth > 32 {
		return schema
	}
	target := b.root
	for _, raw := range strings.Split(ref[1:], "/") {
		if raw == "" {
			continue
		}
		key, err := url.PathUnescape(raw)
		if err != nil {
			key = raw
		}
		key = strings.ReplaceAll(strings.ReplaceAll(key, "~1", "/"), "~0", "~")
		tm, ok := target.(map[string]any)
		if !ok {
			return schema
		}
		target = tm[key]
	}
	tm, ok := target.(map[string]any)
	if !ok {
		return schema
	}
	out := map[string]any{}
	for k, v := range asObj(b.deref(tm, depth+1)) {
		out[k] = v
	}
	for k, v := range m {
		if k != "$ref" {
			out[k] = v
		}
	}
	return out
}

func (b *branches) derefObj(schema any) map[string]any { return asObj(b.deref(schema, 0)) }

// discriminator is the property that is a `const` (or an `enum` of one) in every branch, if there is one. (The browser
// takes the first in declaration order; a decoded document has none, so the first by name.)
func (b *branches) discriminator(list []any) (string, bool) {
	resolved := make([]map[string]any, len(list))
	for i, br := range list {
		resolved[i] = b.derefObj(br)
	}
	first := asObj(resolved[0]["properties"])
	keys := make([]string, 0, len(first))
	for k := range first {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		all := true
		for _, r := range resolved {
			p, ok := asObj(r["properties"])[k].(map[string]any)
			if !ok {
				all = false
				break
			}
			if _, c := fixedOf(b.derefObj(p)); !c {
				all = false
				break
			}
		}
		if all {
			return k, true
		}
	}
	return "", false
}

// chosenBranch is the branch the object is in (the browser's chosenBranch, without the user's
// last pick, which only breaks ties the value cannot show).
func (b *branches) chosenBranch(list []any, value any) int {
	v := asObj(value)
	if disc, ok := b.discriminator(list); ok {
		got, present := v[disc]
		for i, br := range list {
			c, _ := fixedOf(b.derefObj(asObj(b.derefObj(br)["properties"])[disc]))
			if present && strictEqual(c, got) {
				return i
			}
		}
		return 0
	}
	scores := make([]int, len(list))
	best := math.MinInt
	for i, br := range list {
		for k := range asObj(b.derefObj(br)["properties"]) {
			if _, has := v[k]; has {
				scores[i]++
			}
		}
		best = max(best, scores[i])
	}
	var tied []int
	for i, s := range scores {
		if s == best {
			tied = append(tied, i)
		}
	}
	if len(tied) == 1 {
		return tied[0]
	}
	if v == nil {
		v = map[string]any{}
	}
	for _, t := range tied {
		if b.matches(list[t], v) {
			return t
		}
	}
	return tied[0]
}

// strictEqual is JavaScript's === on JSON scalars (objects and arrays are never === a copy).
func strictEqual(a, c any) bool {
	af, aNum := number(a)
	cf, cNum := number(c)
	if aNum || cNum {
		return aNum && cNum && af == cf
	}
	switch x := a.(type) {
	case nil:
		return c == nil
	case string, bool:
		return x == c
	}
	return false
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

// matches validates value against a subschema (an `if`, a branch) whose `$ref`s to "#/$defs/..."
// resolve in the root, as the browser's matcher compiles it. A subschema that does not compile
// matches nothing.
func (b *branches) matches(schema any, value any) (ok bool) {
	m, isMap := schema.(map[string]any)
	if !isMap {
		return false
	}
	doc := make(map[string]any, len(m)+1)
	for k, v := range m {
		if k != "$id" && k != "$schema" {
			doc[k] = v
		}
	}
	for _, k := range []string{"$defs", "definitions"} {
		if defs := asObj(b.root)[k]; defs != nil && defs != false {
			doc[k] = defs
		}
	}
	key, err := json.Marshal(doc)
	if err != nil {
		return false
	}
	var compiled *jsonschema.Schema
	if hit, found := b.matchers.Load(string(key)); found {
		compiled = hit.(*jsonschema.Schema)
	} else {
		compiled = compileMatcher(doc)
		b.matchers.Store(string(key), compiled)
	}
	if compiled == nil {
		return false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return compiled.Validate(value) == nil
}

func compileMatcher(doc map[string]any) (s *jsonschema.Schema) {
	defer func() {
		if recover() != nil {
			s = nil
		}
	}()
	c := newCompiler()
	if annotateFormats(c, doc) != nil {
		return nil
	}
	const loc = "https://azx.invalid/subschema.json"
	if err := c.AddResource(loc, doc); err != nil {
		return nil
	}
	s, err := c.Compile(loc)
	if err != nil {
		return nil
	}
	return s
}

// effectiveProperties are the properties of an object node with its applicators applied to
// value: the base ones, then those of allOf, the `if` branch taken, the dependentSchemas
// triggered and the chosen oneOf/anyOf branch (a property in both merges, the branch winning).
func (b *branches) effectiveProperties(node any, value any, depth int) map[string]any {
	n := b.derefObj(node)
	out := map[string]any{}
	for k, p := range asObj(n["properties"]) {
		out[k] = p
	}
	if depth > 16 {
		return out
	}
	v := asObj(value)
	merge := func(sub any) {
		if _, ok := sub.(map[string]any); !ok {
			return
		}
		for k, p := range b.effectiveProperties(sub, value, depth+1) {
			if base := out[k]; base != nil && base != false {
				merged := map[string]any{}
				for mk, mv := range asObj(b.deref(base, 0)) {
					merged[mk] = mv
				}
				for mk, mv := range asObj(b.deref(p, 0)) {
					merged[mk] = mv
				}
				out[k] = merged
			} else {
				out[k] = p
			}
		}
	}
	if all, ok := n["allOf"].([]any); ok {
		for _, s := range all {
			merge(s)
		}
	}
	if cond, ok := n["if"].(map[string]any); ok {
		if b.matches(cond, value) {
			merge(n["then"])
		} else {
			merge(n["else"])
		}
	}
	deps := schemaDeps(n)
	for _, k := range keysSorted(deps) {
		if _, triggered := v[k]; triggered {
			merge(deps[k])
		}
	}
	if list := objectBranches(n); list != nil {
		merge(list[b.chosenBranch(list, value)])
		if disc, ok := b.discriminator(list); ok {
			// the browser turns the discriminator into a choice between the branches' consts
			plain := map[string]any{}
			for k, p := range b.derefObj(asObj(n["properties"])[disc]) {
				if k != "const" && k != "enum" {
					plain[k] = p
				}
			}
			options := make([]any, len(list))
			for i, br := range list {
				c, _ := fixedOf(b.derefObj(asObj(b.derefObj(br)["properties"])[disc]))
				options[i] = map[string]any{"const": c}
			}
			plain["oneOf"] = options
			out[disc] = plain
		}
	}
	return out
}

func keysSorted(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// subschemas are the places a property of an object node may be declared besides its own properties.
func (b *branches) subschemas(n map[string]any) []any {
	var subs []any
	if all, ok := n["allOf"].([]any); ok {
		subs = append(subs, all...)
	}
	subs = append(subs, n["then"], n["else"])
	deps := schemaDeps(n)
	for _, k := range keysSorted(deps) {
		subs = append(subs, deps[k])
	}
	return append(subs, objectBranches(n)...)
}

// declared is every property name an object node could have in some branch.
func (b *branches) declared(node any, depth int, out map[string]bool) {
	n := b.derefObj(node)
	for k := range asObj(n["properties"]) {
		out[k] = true
	}
	if depth > 16 {
		return
	}
	for _, s := range b.subschemas(n) {
		if _, ok := s.(map[string]any); ok {
			b.declared(s, depth+1, out)
		}
	}
}

// inactive lists the locations of properties present in value whose branch does not apply,
// walking nested objects through the effective schema (arrays are not entered, as in the browser).
func (b *branches) inactive(value map[string]any) [][]string {
	var out [][]string
	var visit func(node map[string]any, v any, loc []string, depth int)
	visit = func(node map[string]any, v any, loc []string, depth int) {
		vm, ok := v.(map[string]any)
		if !ok || depth > 32 {
			return
		}
		props := asObj(node["properties"])
		if isConditional(node) {
			props = b.effectiveProperties(node, vm, 0)
			all := map[string]bool{}
			b.declared(node, 0, all)
			names := make([]string, 0, len(all))
			for k := range all {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				if _, active := props[k]; active {
					continue
				}
				if _, present := vm[k]; present {
					out = append(out, append(clone(loc), k))
				}
			}
		}
		for _, k := range keysSorted(props) {
			p, isMap := props[k].(map[string]any)
			if _, present := vm[k]; present && isMap {
				visit(p, vm[k], append(clone(loc), k), depth+1)
			}
		}
	}
	if root := asObj(b.root); root != nil {
		visit(root, value, nil, 0)
	}
	return out
}

// propertySchema is the schema of property key of an object node, in whichever branch declares it.
func (b *branches) propertySchema(node any, key string, depth int) map[string]any {
	n := b.derefObj(node)
	if own, ok := asObj(n["properties"])[key]; ok && own != nil {
		return b.derefObj(own)
	}
	if depth > 16 {
		return nil
	}
	for _, s := range b.subschemas(n) {
		if _, ok := s.(map[string]any); ok {
			if found := b.propertySchema(s, key, depth+1); found != nil {
				return found
			}
		}
	}
	return nil
}

// label names a field for messages, finding a property declared only in a branch too.
func (b *branches) label(fallback func([]string) (string, string)) func([]string) (string, string) {
	return func(loc []string) (string, string) {
		if len(loc) == 0 || nodeAt(b.root, loc) != nil {
			return fallback(loc)
		}
		node := asObj(b.root)
		for _, k := range loc {
			if node = b.propertySchema(node, k, 0); node == nil {
				return fallback(loc)
			}
		}
		key := loc[len(loc)-1]
		zh, _ := node["title"].(string)
		en, _ := node["x-title-en"].(string)
		if zh == "" {
			zh = key
		}
		if en == "" {
			en = key
		}
		return zh, en
	}
}

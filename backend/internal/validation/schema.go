package validation

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Draft2020URL is the only meta-schema definitions may declare.
const Draft2020URL = "https://json-schema.org/draft/2020-12/schema"

// Schema is a compiled form definition schema plus the raw document, which gives the Chinese
// and English titles used in messages.
type Schema struct {
	compiled *jsonschema.Schema
	doc      any
	logic    *logicSpec
	branches *branches // nil when nothing in the schema depends on the value
}

// newCompiler is the one compiler set-up of the server: draft 2020-12, formats asserted, our own
// formats registered (and, per document, annotateFormats: the formats the browser does not check
// are annotations). Definitions and the subschemas that decide branches both use it, so they
// cannot disagree on what a value means.
func newCompiler() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for _, f := range customFormats {
		c.RegisterFormat(f)
	}
	return c
}

var customFormats = []*jsonschema.Format{
	{Name: "uscc", Validate: stringFormat(ValidUSCC, "not a valid unified social credit code")},
	{Name: "cn-region", Validate: stringFormat(ValidRegionCode, "not a valid GB/T 2260 region code")},
	{Name: "cn-mobile", Validate: stringFormat(ValidMobile, "not a valid mobile number")},
}

// stringFormat adapts a string predicate; like the built-in formats, non-strings pass (the
// type keyword reports them).
func stringFormat(ok func(string) bool, msg string) func(any) error {
	return func(v any) error {
		s, isString := v.(string)
		if !isString || ok(s) {
			return nil
		}
		return errors.New(msg)
	}
}

// ParseJSON decodes JSON the way the validator needs it (numbers kept exact as json.Number).
func ParseJSON(raw []byte) (any, error) {
	return jsonschema.UnmarshalJSON(bytes.NewReader(raw))
}

// Compile checks a schema document (raw JSON) against the draft 2020-12 meta-schema and
// compiles it with format assertion on. x- keywords are annotations and are ignored.
func Compile(raw []byte) (*Schema, error) {
	doc, err := ParseJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("schema is not valid JSON: %w", err)
	}
	return CompileDoc(doc)
}

// CompileDoc is Compile for an already decoded document (from ParseJSON).
func CompileDoc(doc any) (s *Schema, err error) {
	defer func() {
		// the compiler is third-party code fed with administrator input: never crash on it
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("schema could not be compiled: %v", r)
		}
	}()
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, errors.New("schema must be a JSON object")
	}
	if d, has := obj["$schema"]; has {
		if ds, _ := d.(string); strings.TrimSuffix(ds, "#") != Draft2020URL {
			return nil, fmt.Errorf("$schema must be %q, got %v", Draft2020URL, d)
		}
	}
	c := newCompiler()
	if err := annotateFormats(c, doc); err != nil {
		return nil, err
	}
	const loc = "https://azx.invalid/definition.json"
	if err := c.AddResource(loc, doc); err != nil {
		return nil, err
	}
	compiled, err := c.Compile(loc)
	if err != nil {
		return nil, err
	}
	spec, err := collectLogic(doc)
	if err != nil {
		return nil, fmt.Errorf("JSON Logic annotations: %w", err)
	}
	return &Schema{compiled: compiled, doc: doc, logic: spec, branches: newBranches(doc)}, nil
}

// Doc is the decoded schema document.
func (s *Schema) Doc() any { return s.doc }

// Validate checks data (raw JSON; empty means null) and returns nil or the field errors keyed
// under prefix ("data" for a record's data). It never panics.
func (s *Schema) Validate(raw []byte, prefix string) (errs Errors) {
	defer func() {
		if r := recover(); r != nil {
			errs = Errors{prefix: New("schema_invalid_value", "记录内容无法校验", "The record could not be validated")}
		}
	}()
	if len(bytes.TrimSpace(raw)) == 0 {
		raw = []byte("null")
	}
	inst, err := ParseJSON(raw)
	if err != nil {
		return Errors{prefix: New("schema_invalid_json", "记录内容不是有效的 JSON", "The record is not valid JSON")}
	}
	return s.ValidateValue(inst, prefix)
}

// ValidateValue is Validate for a value decoded by ParseJSON.
func (s *Schema) ValidateValue(inst any, prefix string) Errors {
	err := s.compiled.Validate(inst)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return Errors{prefix: New("schema_invalid_value", "记录内容无法校验", "The record could not be validated")}
	}
	errs := Errors{}
	t := translator{doc: s.doc, prefix: prefix, errs: errs}
	t.flatten(ve)
	if len(errs) == 0 {
		Add(errs, prefix, New("schema_invalid_value", "记录内容无效", "The record is invalid"))
	}
	return errs
}

// ValidateRecord is the whole check of a record's data (decoded by ParseJSON): the JSON Logic
// annotations and the schema. It returns the errors and the value to store: hidden fields
// (x-visible) dropped and computed fields (x-compute) filled in when the client left them out.
// Steps, the same in components/core/logic.ts: fill computed fields; hide fields of a branch
// that does not apply (branches.go) and fields whose x-visible is falsy (a value sent for one is
// refused); recompute without them; refuse a sent computed value that differs; validate the
// schema, ignoring hidden fields; then x-rules.
func (s *Schema) ValidateRecord(inst any, prefix string) (errs Errors, value any) {
	defer func() {
		if r := recover(); r != nil {
			errs, value = Errors{prefix: New("schema_invalid_value", "记录内容无法校验", "The record could not be validated")}, inst
		}
	}()
	if s.logic.empty() && s.branches == nil {
		return s.ValidateValue(inst, prefix), inst
	}
	t := translator{doc: s.doc}
	label := t.label
	var inactive func(map[string]any) [][]string
	if s.branches != nil {
		label, inactive = s.branches.label(t.label), s.branches.inactive
	}
	checked, hidden, errs, filled := s.logic.prepare(inst, label, prefix, inactive)
	for k, v := range s.ValidateValue(checked, prefix) {
		if !under(k, prefix, hidden) {
			if _, taken := errs[k]; !taken {
				errs[k] = v
			}
		}
	}
	s.logic.checkRules(checked, hidden, prefix, errs)
	if len(errs) == 0 {
		errs = nil
	}
	if filled {
		return errs, checked
	}
	return errs, inst
}

// fieldPath joins a prefix and an instance location: data.insured.0.name.
func fieldPath(prefix string, loc []string) string {
	if len(loc) == 0 {
		return prefix
	}
	return prefix + "." + strings.Join(loc, ".")
}

// nodeAt walks the schema document along an instance location (following local $refs,
// properties, items and prefixItems) and returns the subschema that describes it, or nil.
func nodeAt(doc any, loc []string) map[string]any {
	node, _ := resolveRef(doc, doc).(map[string]any)
	for _, seg := range loc {
		if node == nil {
			return nil
		}
		var next any
		if props, ok := node["properties"].(map[string]any); ok {
			if p, ok := props[seg]; ok {
				next = p
			}
		}
		if next == nil {
			if idx, err := strconv.Atoi(seg); err == nil {
				if pre, ok := node["prefixItems"].([]any); ok && idx < len(pre) {
					next = pre[idx]
				} else if it, ok := node["items"]; ok {
					next = it
				}
			}
		}
		if next == nil {
			if ap, ok := node["additionalProperties"].(map[string]any); ok {
				next = ap
			}
		}
		if next == nil {
			return nil
		}
		node, _ = resolveRef(doc, next).(map[string]any)
	}
	return node
}

// resolveRef follows local "#/..." references (a few hops at most).
func resolveRef(doc, node any) any {
	for i := 0; i < 8; i++ {
		m, ok := node.(map[string]any)
		if !ok {
			return node
		}
		ref, ok := m["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#") {
			return node
		}
		target := pointer(doc, strings.TrimPrefix(ref, "#"))
		if target == nil {
			return node
		}
		// sibling keywords of $ref (title!) win over the target's
		if len(m) > 1 {
			if tm, ok := target.(map[string]any); ok {
				merged := make(map[string]any, len(tm)+len(m))
				for k, v := range tm {
					merged[k] = v
				}
				for k, v := range m {
					if k != "$ref" {
						merged[k] = v
					}
				}
				return merged
			}
		}
		node = target
	}
	return node
}

// pointer evaluates a JSON pointer ("/$defs/person") inside doc.
func pointer(doc any, ptr string) any {
	if ptr == "" {
		return doc
	}
	cur := doc
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			cur = c[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	return cur
}

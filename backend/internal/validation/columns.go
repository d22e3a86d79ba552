package validation

import (
	"sort"
	"strings"
)

// Column is one x-column annotation: the column it fills and the property path in data.
type Column struct {
	Name string
	Path []string
}

// Columns walks a schema document's properties (nested objects and local $refs included,
// arrays not) and returns every x-column annotation, sorted by path for a stable order.
func Columns(doc any) []Column {
	var out []Column
	onPath := map[string]bool{} // $refs being expanded: a recursive schema stops at its first repeat
	var walk func(node any, path []string, depth int)
	walk = func(node any, path []string, depth int) {
		if depth > 32 {
			return
		}
		if raw, ok := node.(map[string]any); ok {
			if ref, ok := raw["$ref"].(string); ok {
				if onPath[ref] {
					return
				}
				onPath[ref] = true
				defer delete(onPath, ref)
			}
		}
		m, ok := resolveRef(doc, node).(map[string]any)
		if !ok {
			return
		}
		if name, ok := m["x-column"].(string); ok && name != "" && len(path) > 0 {
			out = append(out, Column{Name: name, Path: append([]string(nil), path...)})
		}
		props, _ := m["properties"].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(props[k], append(path, k), depth+1)
		}
	}
	walk(doc, nil, 0)
	sort.SliceStable(out, func(i, j int) bool {
		return strings.Join(out[i].Path, ".") < strings.Join(out[j].Path, ".")
	})
	return out
}

// ValueAt returns the value at path inside decoded data, and whether it is present.
func ValueAt(data any, path []string) (any, bool) {
	cur := data
	for _, seg := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = m[seg]
		if !ok {
			return nil, false
		}
	}
	return cur, true
}

package bulk

import (
	"encoding/json"
	"sort"
)

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// templateColumns lists the upload columns of a definition: every leaf property by its dotted
// path in x-order (arrays are one column, items separated by ";"), after the kind's own
// reference columns.
func templateColumns(doc any, extra []string) []string {
	out := append([]string(nil), extra...)
	var walk func(node map[string]any, prefix string, depth int)
	walk = func(node map[string]any, prefix string, depth int) {
		props, _ := node["properties"].(map[string]any)
		type prop struct {
			name  string
			order float64
			node  map[string]any
		}
		list := make([]prop, 0, len(props))
		for name, raw := range props {
			n := resolve(doc, raw)
			if n == nil {
				continue
			}
			order, ok := number(n["x-order"])
			if !ok {
				if m, isMap := raw.(map[string]any); isMap {
					order, ok = number(m["x-order"])
				}
			}
			if !ok {
				order = 1e9
			}
			list = append(list, prop{name, order, n})
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].order != list[j].order {
				return list[i].order < list[j].order
			}
			return list[i].name < list[j].name
		})
		for _, p := range list {
			path := p.name
			if prefix != "" {
				path = prefix + "." + p.name
			}
			if typeOf(p.node) == "object" && depth < 8 {
				walk(p.node, path, depth+1)
				continue
			}
			out = append(out, path)
		}
	}
	walk(resolve(doc, doc), "", 0)
	return out
}

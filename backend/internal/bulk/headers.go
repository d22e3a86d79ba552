package bulk

import (
	"strings"
)

// Column headers may be written in Chinese or English, as a spreadsheet made by people has
// them: a definition property is matched by its path (insured.uscc), its title (保单号), its
// English title (Policy number) or, where a title is not unique in the definition, its parent's
// title and its own joined by "." or "-" (投保单位.名称). The reference columns of a kind have
// titles of their own.

// refTitle is a reference column's names: the upload column and its titles.
type refTitle struct{ Column, Zh, En string }

var refTitles = []refTitle{
	{"enterprise_uscc", "投保单位统一社会信用代码", "Enterprise USCC"},
	{"provider_uscc", "服务机构统一社会信用代码", "Provider USCC"},
	{"insurer_uscc", "保险机构统一社会信用代码", "Insurer USCC"},
}

// normHeader is a header as compared: spaces and case ignored, full-width dots as dots.
func normHeader(h string) string {
	h = strings.NewReplacer("．", ".", "。", ".", "－", "-", " ", "", "\u3000", "", "\t", "").Replace(h)
	return strings.ToLower(strings.TrimSpace(h))
}

// headerAliases maps every accepted spelling of a column (normalized) to its dotted path.
func headerAliases(doc any, extra []string) map[string]string {
	out := map[string]string{}
	leafTitles := map[string][]string{} // a title → the paths that carry it
	type leaf struct{ path, zh, en, parentZh, parentEn string }
	var leaves []leaf
	var walk func(node map[string]any, prefix, parentZh, parentEn string, depth int)
	walk = func(node map[string]any, prefix, parentZh, parentEn string, depth int) {
		props, _ := node["properties"].(map[string]any)
		for name, raw := range props {
			n := resolve(doc, raw)
			if n == nil {
				continue
			}
			path := name
			if prefix != "" {
				path = prefix + "." + name
			}
			zh, en := titles(raw, n)
			if typeOf(n) == "object" && depth < 8 {
				walk(n, path, zh, en, depth+1)
				continue
			}
			leaves = append(leaves, leaf{path, zh, en, parentZh, parentEn})
			for _, t := range []string{zh, en} {
				if t != "" {
					leafTitles[normHeader(t)] = append(leafTitles[normHeader(t)], path)
				}
			}
		}
	}
	walk(resolve(doc, doc), "", "", "", 0)
	for _, l := range leaves {
		out[normHeader(l.path)] = l.path
		for _, pair := range [][2]string{{l.zh, l.parentZh}, {l.en, l.parentEn}} {
			t, parent := pair[0], pair[1]
			if t == "" {
				continue
			}
			if len(leafTitles[normHeader(t)]) == 1 {
				out[normHeader(t)] = l.path
			}
			if parent != "" {
				out[normHeader(parent+"."+t)] = l.path
				out[normHeader(parent+"-"+t)] = l.path
			}
		}
	}
	for _, c := range extra {
		out[normHeader(c)] = c
		for _, r := range refTitles {
			if r.Column == c {
				out[normHeader(r.Zh)] = c
				out[normHeader(r.En)] = c
			}
		}
	}
	return out
}

// titles are a property's Chinese and English titles (a $ref'd node may carry them on the
// referring node).
func titles(raw any, n map[string]any) (string, string) {
	zh, _ := n["title"].(string)
	en, _ := n["x-title-en"].(string)
	if m, ok := raw.(map[string]any); ok {
		if t, ok := m["title"].(string); ok {
			zh = t
		}
		if t, ok := m["x-title-en"].(string); ok {
			en = t
		}
	}
	return zh, en
}

// columnOf is the path a header names; an unknown header is kept as written, so the schema
// refuses it as an unknown property like any other.
func columnOf(aliases map[string]string, header string) string {
	if p, ok := aliases[normHeader(header)]; ok {
		return p
	}
	return header
}

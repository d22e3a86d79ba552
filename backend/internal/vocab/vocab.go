// Package vocab holds the small closed lists that code branches on (statuses, roles,
// organization kinds, service types, region levels, the hazard workflow's states and actions,
// the built-in industries), generated from schemas/vocabularies, schemas/workflows/hazard.json
// and schemas/reference/industries.json by `npm run types` into vocab_gen.go. The browser gets
// the same lists (components/data/vocab.ts). Nothing else in Go types these lists.
package vocab

// Term is one code with its names; Attrs are the attributes code reads (booleans select subsets).
type Term struct {
	Code, Zh, En string
	Attrs        map[string]any
}

// Vocabulary is a closed list of codes, in order.
type Vocabulary struct {
	Key              string
	TitleZh, TitleEn string
	Terms            []Term
}

// Codes are the vocabulary's codes in order.
func (v Vocabulary) Codes() []string {
	out := make([]string, len(v.Terms))
	for i, t := range v.Terms {
		out[i] = t.Code
	}
	return out
}

// Has reports whether code is one of the vocabulary's.
func (v Vocabulary) Has(code string) bool {
	_, ok := v.term(code)
	return ok
}

// Zh is a code's Chinese name, or the code itself when unknown.
func (v Vocabulary) Zh(code string) string {
	if t, ok := v.term(code); ok {
		return t.Zh
	}
	return code
}

// En is a code's English name, or the code itself when unknown.
func (v Vocabulary) En(code string) string {
	if t, ok := v.term(code); ok {
		return t.En
	}
	return code
}

// With are the codes whose boolean attribute is true, in order.
func (v Vocabulary) With(attribute string) []string {
	var out []string
	for _, t := range v.Terms {
		if b, _ := t.Attrs[attribute].(bool); b {
			out = append(out, t.Code)
		}
	}
	return out
}

// Is reports whether a code's boolean attribute is true.
func (v Vocabulary) Is(code, attribute string) bool {
	t, ok := v.term(code)
	if !ok {
		return false
	}
	b, _ := t.Attrs[attribute].(bool)
	return b
}

// Attr is a code's attribute, or nil.
func (v Vocabulary) Attr(code, attribute string) any {
	if t, ok := v.term(code); ok {
		return t.Attrs[attribute]
	}
	return nil
}

func (v Vocabulary) term(code string) (Term, bool) {
	for _, t := range v.Terms {
		if t.Code == code {
			return t, true
		}
	}
	return Term{}, false
}

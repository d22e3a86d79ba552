package validation

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed formats.json
var formatsJSON []byte

// checkedFormats are the formats <azx-form> checks (formats.json). The server asserts only these
// (those its library or customFormats implement); a format outside the list is an annotation,
// as it is in the browser, so both accept exactly the same records.
var checkedFormats = func() map[string]bool {
	var f struct {
		Formats []string `json:"formats"`
	}
	if err := json.Unmarshal(formatsJSON, &f); err != nil {
		panic("validation: formats.json: " + err.Error())
	}
	out := map[string]bool{}
	for _, n := range f.Formats {
		out[n] = true
	}
	return out
}()

// annotation is a format nobody checks.
func annotation(name string) *jsonschema.Format {
	return &jsonschema.Format{Name: name, Validate: func(any) error { return nil }}
}

// uncheckedFormats lists the formats of a schema document outside checkedFormats, with the
// JSON pointer of the node that names each (const, enum, default and examples hold data, not schemas).
func uncheckedFormats(node any, at string, out map[string][]string) {
	switch n := node.(type) {
	case []any:
		for i, e := range n {
			uncheckedFormats(e, fmt.Sprintf("%s/%d", at, i), out)
		}
	case map[string]any:
		if f, ok := n["format"].(string); ok && !checkedFormats[f] {
			out[f] = append(out[f], "#"+at)
		}
		for k, v := range n {
			if k != "const" && k != "enum" && k != "default" && k != "examples" {
				uncheckedFormats(v, at+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"), out)
			}
		}
	}
}

// annotateFormats makes every format of doc that <azx-form> does not check an annotation of c;
// with "x-assert-formats": true on the root it refuses them instead, as the browser does.
func annotateFormats(c *jsonschema.Compiler, doc any) error {
	found := map[string][]string{}
	uncheckedFormats(doc, "", found)
	if len(found) == 0 {
		return nil
	}
	names := make([]string, 0, len(found))
	for n := range found {
		names = append(names, n)
	}
	sort.Strings(names)
	if root, _ := doc.(map[string]any); root["x-assert-formats"] == true {
		var list []string
		for _, n := range names {
			sort.Strings(found[n])
			list = append(list, fmt.Sprintf("%q at %s", n, strings.Join(found[n], ", ")))
		}
		return fmt.Errorf(`"x-assert-formats" asks every format to be checked, and these cannot be: %s`, strings.Join(list, "; "))
	}
	for _, n := range names {
		c.RegisterFormat(annotation(n))
	}
	return nil
}

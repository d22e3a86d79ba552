package logic

import "encoding/json"

// compiled is an operation taken apart once: its operator, its arguments (each compiled) and,
// for an ordinary operator, its function. Apply on the object form finds them again on every
// evaluation (a map iteration and a fresh argument list per operation, a third of a rule pack's
// judging).
type compiled struct {
	op     string
	values []any
	fn     operation // nil for the special operators and an unknown one
	source map[string]any
}

// MarshalJSON writes the logic it was compiled from.
func (c *compiled) MarshalJSON() ([]byte, error) { return json.Marshal(c.source) }

// Compile readies normalised logic (Normalize) to be applied many times with ApplyNormalized:
// a rule pack's, held by its snapshot. The result means what the logic means, as json-logic-js
// reads it: an object with one key wherever logic stands is an operation, an array is evaluated
// item by item, and anything else (an object with other than one key included) is a value,
// whose contents are not logic.
func Compile(logic any) any {
	switch x := logic.(type) {
	case []any:
		out := make([]any, len(x))
		for i, l := range x {
			out[i] = Compile(l)
		}
		return out
	case map[string]any:
		if len(x) != 1 {
			return x
		}
		op, raw := operator(x)
		values, isList := raw.([]any)
		if !isList {
			values = []any{raw}
		}
		c := &compiled{op: op, values: make([]any, len(values)), fn: operations[op], source: x}
		for i, v := range values {
			c.values[i] = Compile(v)
		}
		return c
	}
	return logic
}

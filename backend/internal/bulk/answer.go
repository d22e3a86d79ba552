package bulk

import (
	"bufio"
	"encoding/json"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// writeResult answers a Result as JSON a row's entry at a time (its lists are the first
// answerFirst rows of each; the whole lists are fetched from Results).
func writeResult(e *core.RequestEvent, res *Result) error {
	e.Response.Header().Set("Content-Type", "application/json")
	e.Response.WriteHeader(http.StatusOK)
	w := bufio.NewWriterSize(e.Response, 64<<10)
	head, err := json.Marshal(struct {
		Created      int    `json:"created"`
		Unchanged    int    `json:"unchanged"`
		FailedCount  int    `json:"failed_count"`
		FlaggedCount int    `json:"flagged_count"`
		Complete     bool   `json:"complete"`
		Results      string `json:"results"`
		Mode         string `json:"mode"`
		Encoding     string `json:"encoding"`
	}{res.Created, res.Unchanged, res.FailedCount, res.FlaggedCount, res.Complete, res.Results, res.Mode, res.Encoding})
	if err != nil {
		return err
	}
	w.Write(head[:len(head)-1]) // the object stays open for the two lists
	w.WriteString(`,"failed":`)
	if err := writeList(w, res.Failed); err != nil {
		return err
	}
	w.WriteString(`,"flagged":`)
	if err := writeList(w, res.Flagged); err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}

func writeList[T any](w *bufio.Writer, items []T) error {
	w.WriteByte('[')
	for i, item := range items {
		if i > 0 {
			w.WriteByte(',')
		}
		b, err := json.Marshal(item)
		if err != nil {
			return err
		}
		w.Write(b)
	}
	return w.WriteByte(']')
}

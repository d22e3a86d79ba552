package bulk

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// answerFirst problems of each list (refused, flagged) go in the answer itself; every one of
// them is written to the upload's results file as it is met, so a 50,000-row file with a
// problem on each row holds no more of them in memory than a clean one.
var answerFirst = 100 // a variable so the tests can make the answer short

// resultsKeep is how long an upload's full results can be fetched.
const resultsKeep = 24 * time.Hour

// resultsRoot is the folder of the uploads' results files in the data folder, a sub-folder per user.
func resultsRoot(app core.App) string { return filepath.Join(app.DataDir(), "bulk_results") }

// spool writes an upload's refused and flagged rows to two files as JSON array items, so that
// GET /api/azx/bulk/results/{id} answers them as one JSON object without reading them into memory.
type spool struct {
	id                string
	dir               string
	failed, flagged   *os.File
	wFailed, wFlagged *bufio.Writer
	nFailed, nFlagged int
}

var resultID = regexp.MustCompile(`^[a-z0-9]{15}$`)

func openSpool(app core.App, user string) (*spool, error) {
	root := resultsRoot(app)
	sweepResults(root, time.Now().Add(-resultsKeep))
	s := &spool{id: core.GenerateDefaultRandomId(), dir: filepath.Join(root, user)}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return nil, err
	}
	var err error
	if s.failed, err = os.Create(filepath.Join(s.dir, s.id+".failed")); err != nil {
		return nil, err
	}
	if s.flagged, err = os.Create(filepath.Join(s.dir, s.id+".flagged")); err != nil {
		s.failed.Close()
		s.discard()
		return nil, err
	}
	s.wFailed, s.wFlagged = bufio.NewWriterSize(s.failed, 32<<10), bufio.NewWriterSize(s.flagged, 32<<10)
	return s, nil
}

func spoolItem(w *bufio.Writer, n int, item any) error {
	b, err := json.Marshal(item)
	if err != nil {
		return err
	}
	if n > 0 {
		w.WriteByte(',')
	}
	_, err = w.Write(b)
	return err
}

func (s *spool) fail(f Failure) error {
	err := spoolItem(s.wFailed, s.nFailed, f)
	s.nFailed++
	return err
}

func (s *spool) flag(f Flagged) error {
	err := spoolItem(s.wFlagged, s.nFlagged, f)
	s.nFlagged++
	return err
}

// close flushes both files; the results stay to be fetched.
func (s *spool) close() error {
	return errors.Join(s.wFailed.Flush(), s.wFlagged.Flush(), s.failed.Close(), s.flagged.Close())
}

// discard removes the files of an upload that failed as a whole.
func (s *spool) discard() {
	_ = os.Remove(filepath.Join(s.dir, s.id+".failed"))
	_ = os.Remove(filepath.Join(s.dir, s.id+".flagged"))
}

// sweepResults removes results files older than before (an upload's results are fetched
// within minutes; a day is generous).
func sweepResults(root string, before time.Time) {
	users, _ := os.ReadDir(root)
	for _, u := range users {
		files, _ := os.ReadDir(filepath.Join(root, u.Name()))
		for _, f := range files {
			if info, err := f.Info(); err == nil && info.ModTime().Before(before) {
				_ = os.Remove(filepath.Join(root, u.Name(), f.Name()))
			}
		}
	}
}

// results answers every refused and flagged row of one of the caller's uploads:
// {"failed": [...], "flagged": [...]}, the lists of the upload's answer in full. Another
// user's upload, or one older than a day, is 404.
func results(e *core.RequestEvent) error {
	lang := language(e.Request)
	id := e.Request.PathValue("id")
	gone := &RequestError{404, "bulk_results_unknown", "没有这次上传的结果（结果保留一天）", "There are no results of this upload (results are kept for a day)"}
	if !resultID.MatchString(id) {
		return fail(e, lang, gone)
	}
	dir := filepath.Join(resultsRoot(e.App), e.Auth.Id)
	failed, err := os.Open(filepath.Join(dir, id+".failed"))
	if err != nil {
		return fail(e, lang, gone)
	}
	defer failed.Close()
	flagged, err := os.Open(filepath.Join(dir, id+".flagged"))
	if err != nil {
		return fail(e, lang, gone)
	}
	defer flagged.Close()
	e.Response.Header().Set("Content-Type", "application/json")
	e.Response.WriteHeader(http.StatusOK)
	w := bufio.NewWriterSize(e.Response, 64<<10)
	w.WriteString(`{"failed":[`)
	if _, err := io.Copy(w, failed); err != nil {
		return err
	}
	w.WriteString(`],"flagged":[`)
	if _, err := io.Copy(w, flagged); err != nil {
		return err
	}
	w.WriteString("]}\n")
	return w.Flush()
}

package loader

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

var errNoTransaction = errors.New("loader: Write needs the writer's transaction")

// maxValues bounds the values a statement binds: modernc's driver matches each placeholder to
// its argument by a scan of all of them, so binding costs the square of a statement's values
// (200 policies a statement spent more binding than inserting); a dozen rows already make the
// statement's own cost small beside the rows'.
const maxValues = 512

// insertRows inserts the rows (a record's DBExport each, the same columns) a few hundred a
// statement; the values are bound as a save binds them.
func insertRows(tx core.App, table string, rows []map[string]any) error {
	cols := make([]string, 0, len(rows[0]))
	for c := range rows[0] {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	quoted := make([]string, len(cols))
	for j, c := range cols {
		quoted[j] = "[[" + c + "]]"
	}
	head := "INSERT INTO {{" + table + "}} (" + strings.Join(quoted, ",") + ") VALUES "
	per := max(1, maxValues/len(cols))
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		params := make(dbx.Params, len(part)*len(cols))
		var sql strings.Builder
		sql.WriteString(head)
		for i, row := range part {
			if len(row) != len(cols) {
				return errors.New("loader: records of one collection export different columns")
			}
			if i > 0 {
				sql.WriteByte(',')
			}
			sql.WriteByte('(')
			for j, c := range cols {
				v, ok := row[c]
				if !ok {
					return errors.New("loader: records of one collection export different columns")
				}
				name := "v" + strconv.Itoa(i) + "_" + strconv.Itoa(j)
				params[name] = v
				if j > 0 {
					sql.WriteByte(',')
				}
				sql.WriteString("{:" + name + "}")
			}
			sql.WriteByte(')')
		}
		if _, err := tx.NonconcurrentDB().NewQuery(sql.String()).Bind(params).Execute(); err != nil {
			return err
		}
	}
	return nil
}


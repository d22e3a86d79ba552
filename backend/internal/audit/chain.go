package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// Genesis is the prev_hash of the first entry.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// Entry is one audit_log row.
type Entry struct {
	ID         string
	Seq        int64
	At         string
	Actor      string
	Collection string
	RecordID   string
	Action     string
	RecordHash string
	PrevHash   string
	Hash       string
}

// LinkHash is sha256(prev_hash | seq | at | actor | collection_name | record_id | action | record_hash).
func LinkHash(prev string, seq int64, at, actor, collection, recordID, action, recordHash string) string {
	sum := sha256.Sum256([]byte(prev + "|" + strconv.FormatInt(seq, 10) + "|" + at + "|" + actor + "|" +
		collection + "|" + recordID + "|" + action + "|" + recordHash))
	return hex.EncodeToString(sum[:])
}

// Computed is the hash the entry should carry.
func (e Entry) Computed() string {
	return LinkHash(e.PrevHash, e.Seq, e.At, e.Actor, e.Collection, e.RecordID, e.Action, e.RecordHash)
}

// RowHash is the sha256 of a database row's canonical JSON: every non-empty column as text,
// keys sorted. The same function hashes the row at write time and at verification time.
// NULL and empty columns are left out, so a migration that adds a text, json, date or
// relation column (empty on old rows) does not change the hash of the rows already logged.
func RowHash(row map[string]*string) string {
	keys := make([]string, 0, len(row))
	for k, v := range row {
		if v != nil && *v != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	buf := []byte{'{'}
	for i, k := range keys {
		if i > 0 {
			buf = append(buf, ',')
		}
		kb, _ := json.Marshal(k)
		buf = append(buf, kb...)
		buf = append(buf, ':')
		vb, _ := json.Marshal(*row[k])
		buf = append(buf, vb...)
	}
	buf = append(buf, '}')
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// Problem is one finding of a verification.
type Problem struct {
	Seq    int64
	Kind   string // altered, broken_link, gap, out_of_order, record_altered, record_removed, record_unaudited
	Detail string
}

func (p Problem) String() string {
	if p.Seq > 0 {
		return fmt.Sprintf("seq %d: %s: %s", p.Seq, p.Kind, p.Detail)
	}
	return fmt.Sprintf("%s: %s", p.Kind, p.Detail)
}

// VerifyChain checks entries given in storage order (by seq): each hash recomputes, each
// prev_hash names the previous entry's hash, and seq runs 1, 2, 3... without gaps.
func VerifyChain(entries []Entry) []Problem {
	var problems []Problem
	prevHash := Genesis
	var prevSeq int64
	for i, e := range entries {
		if e.Seq <= prevSeq && i > 0 {
			problems = append(problems, Problem{e.Seq, "out_of_order", fmt.Sprintf("entry %s (seq %d) is stored after seq %d", e.ID, e.Seq, prevSeq)})
		} else if e.Seq != prevSeq+1 {
			problems = append(problems, Problem{e.Seq, "gap", fmt.Sprintf("entries %d..%d are missing before entry %s", prevSeq+1, e.Seq-1, e.ID)})
		}
		if e.Computed() != e.Hash {
			problems = append(problems, Problem{e.Seq, "altered", fmt.Sprintf("entry %s (%s %s/%s) no longer hashes to its stored hash", e.ID, e.Action, e.Collection, e.RecordID)})
		}
		if e.PrevHash != prevHash {
			problems = append(problems, Problem{e.Seq, "broken_link", fmt.Sprintf("entry %s: prev_hash does not match the previous entry's hash", e.ID)})
		}
		prevHash = e.Hash
		if e.Seq > prevSeq {
			prevSeq = e.Seq
		}
	}
	return problems
}

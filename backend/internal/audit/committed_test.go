package audit

import (
	"errors"
	"testing"
)

// PocketBase tells a transaction's end after it has let the connection go, so the next write
// transaction can start (and append) before the previous one's end is told: a head offered by a
// transaction counts only once its commit is told, and a late word about an older transaction
// never replaces a newer one's head. (A head taken too early gave a create "Failed to create
// record." under load: the entry's seq was taken twice.)
func TestHeadCountsOnceItsTransactionIsToldCommitted(t *testing.T) {
	c := &committedHead{heads: map[string]*offered{}}
	a := &tip{dataDir: "d", head: head{Seq: 7, Hash: "a"}, known: true}
	c.offer(a)
	if _, ok := c.get("d"); ok {
		t.Fatal("a head was given out before its transaction's commit was told")
	}
	c.settle(a, nil)
	if h, ok := c.get("d"); !ok || h.Seq != 7 {
		t.Fatalf("the committed head is %v, %v; want seq 7", h, ok)
	}
	// b appends after a committed; its head is pending until b's end is told
	b := &tip{dataDir: "d", head: head{Seq: 8, Hash: "b"}, known: true}
	c.offer(b)
	if _, ok := c.get("d"); ok {
		t.Fatal("a pending head was given out")
	}
	c.settle(a, nil) // a late word about a changes nothing
	if _, ok := c.get("d"); ok {
		t.Fatal("a late settle of an older transaction gave out a head")
	}
	c.settle(b, errors.New("rolled back"))
	if _, ok := c.get("d"); ok {
		t.Fatal("a rolled-back transaction's head was kept")
	}
	if _, ok := c.get("other"); ok {
		t.Fatal("another data folder got a head")
	}
}

package definitions

import "testing"

func TestHashIsCanonical(t *testing.T) {
	a, err := Hash([]byte(`{"type":"object","properties":{"a":{"title":"甲 <b>","minimum":1.50}}}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Hash([]byte("{\n  \"properties\": {\"a\": {\"minimum\": 1.50, \"title\": \"甲 <b>\"}},\n  \"type\": \"object\"\n}"))
	if a != b {
		t.Error("key order or whitespace changes the hash")
	}
	c, _ := Hash([]byte(`{"type":"object","properties":{"a":{"title":"甲 <b>","minimum":2}}}`))
	if a == c {
		t.Error("a changed minimum keeps the hash")
	}
	canon, _ := Canonical([]byte(`{"b":"<&>","a":1.50}`))
	if string(canon) != `{"a":1.50,"b":"<&>"}` {
		t.Errorf("canonical form %s", canon)
	}
	if _, err := Hash([]byte(`{`)); err == nil {
		t.Error("invalid JSON hashed")
	}
}

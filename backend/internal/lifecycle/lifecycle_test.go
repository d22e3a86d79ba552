package lifecycle

import "testing"

func TestStatusTransitions(t *testing.T) {
	allowed := [][2]string{{"draft", "draft"}, {"draft", "published"}, {"published", "published"}, {"published", "retired"}, {"retired", "retired"}}
	refused := [][2]string{{"published", "draft"}, {"retired", "published"}, {"retired", "draft"}, {"draft", "retired"}, {"draft", "bogus"}, {"bogus", "bogus"}}
	for _, p := range allowed {
		if !moves(p[0], p[1]) {
			t.Errorf("%s → %s refused", p[0], p[1])
		}
	}
	for _, p := range refused {
		if moves(p[0], p[1]) {
			t.Errorf("%s → %s allowed", p[0], p[1])
		}
	}
}

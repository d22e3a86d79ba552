package security

import (
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"testing"

	"github.com/pocketbase/pocketbase/tools/router"
)

func TestWellFormedQuery(t *testing.T) {
	for raw, want := range map[string]bool{
		"":                         true,
		"region=330600&page=2":     true,
		"region=%E6%B5%99":         true, // 浙
		"region=%E0%A4%A":          false,
		"region=%ZZ":               false,
		"region=%FF":               false, // decodes, but not UTF-8
		"metric=%00":               false,
		"filter=a%20%3D%20%22b%22": true,
	} {
		if got := wellFormed(raw); got != want {
			t.Errorf("wellFormed(%q) = %v, want %v", raw, got, want)
		}
	}
}

func TestDiskFull(t *testing.T) {
	full := fmt.Errorf("saving: %w", syscall.ENOSPC)
	sqlite := errors.New("database or disk is full (13)")
	wrapped := router.NewBadRequestError("Failed to create record.", sqlite)
	for err, want := range map[error]bool{
		full: true, sqlite: true, wrapped: true,
		errors.New("UNIQUE constraint failed"):                                    false,
		router.NewBadRequestError("Failed to create record.", errors.New("nope")): false,
	} {
		if got := diskFull(err); got != want {
			t.Errorf("diskFull(%v) = %v, want %v", err, got, want)
		}
	}
}

func TestLocal(t *testing.T) {
	from := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	req := func(remote string, headers ...string) *http.Request {
		r, _ := http.NewRequest("GET", "/_/", nil)
		r.RemoteAddr = remote
		for i := 0; i+1 < len(headers); i += 2 {
			r.Header.Set(headers[i], headers[i+1])
		}
		return r
	}
	cases := []struct {
		r    *http.Request
		want bool
	}{
		{req("127.0.0.1:5000"), true},
		{req("[::1]:5000"), true},
		{req("[::ffff:127.0.0.1]:5000"), true},
		{req("10.1.2.3:5000"), false},
		{req("127.0.0.1:5000", "X-Forwarded-For", "203.0.113.9"), false},
		{req("127.0.0.1:5000", "Forwarded", "for=203.0.113.9"), false},
		{req("not an address"), false},
	}
	for _, c := range cases {
		if got := local(c.r, from); got != c.want {
			t.Errorf("local(%s %v) = %v, want %v", c.r.RemoteAddr, c.r.Header, got, c.want)
		}
	}
}

func TestPortalHeaders(t *testing.T) {
	same := PortalHeaders("")["Content-Security-Policy"]
	if !strings.Contains(same, "connect-src 'self'; ") || strings.Contains(same, "{api}") {
		t.Errorf("same-origin policy: %s", same)
	}
	other := PortalHeaders("http://127.0.0.1:8090")["Content-Security-Policy"]
	if !strings.Contains(other, "connect-src 'self' http://127.0.0.1:8090;") || !strings.Contains(other, "frame-ancestors 'none'") {
		t.Errorf("policy with an API origin: %s", other)
	}
}

func TestFinishAddsFrameAncestorsToAHandlersPolicy(t *testing.T) {
	h := http.Header{}
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	finish(h)
	if got := h.Get("Content-Security-Policy"); got != "default-src 'none'; sandbox; frame-ancestors 'none'" {
		t.Errorf("CSP: %s", got)
	}
	if h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("headers: %v", h)
	}
}

func TestRateLimitRulesAreValid(t *testing.T) {
	for _, r := range RateLimitRules() {
		if err := r.Validate(); err != nil {
			t.Errorf("%s: %v", r.Label, err)
		}
	}
}

package security

import (
	"fmt"
	"net/netip"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Config is how a deployment runs, set by flags of `serve` or, when a flag is not given, by the
// environment (the systemd unit sets either). Nothing here is stored in the data folder.
type Config struct {
	// Origins allowed to call the API from a browser on another origin (CORS). Empty: none; the
	// portal served by azx-server itself is the same origin and needs none.
	Origins []string
	// AdminFrom are the addresses that may reach the admin UI and act as a superuser.
	AdminFrom []netip.Prefix
	// TrustedProxy names the header a reverse proxy in front sets to the client's address.
	TrustedProxy []string
	// RateLimits false turns PocketBase's rate limits off for this process (tests on loopback).
	RateLimits bool
}

var loopback = []string{"127.0.0.0/8", "::1/128"}

type flags struct {
	serve        *cobra.Command
	adminFrom    []string
	trustedProxy []string
}

// bindFlags adds --admin-from and --trusted-proxy to serve and re-documents PocketBase's
// --origins, whose default "*" AZX does not keep.
func bindFlags(serve *cobra.Command) *flags {
	f := &flags{serve: serve}
	pf := serve.PersistentFlags()
	if o := pf.Lookup("origins"); o != nil {
		o.Usage = "browser origins allowed to call the API (CORS), e.g. https://portal.example.gov.cn; default $AZX_ORIGINS, else none (same origin only)"
		o.DefValue = "[]"
	}
	pf.StringSliceVar(&f.adminFrom, "admin-from", nil,
		"addresses (IP or CIDR) that may open the admin UI /_/ and act as superuser; default $AZX_ADMIN_FROM, else loopback only")
	pf.StringSliceVar(&f.trustedProxy, "trusted-proxy", nil,
		"header a reverse proxy in front sets to the client address (e.g. X-Forwarded-For); default $AZX_TRUSTED_PROXY, else none")
	return f
}

// list is the flag's value when given, else the comma-separated environment variable.
func list(cmd *cobra.Command, flag string, given []string, env string) []string {
	if cmd != nil && cmd.Flags().Changed(flag) {
		return clean(given)
	}
	return clean(strings.Split(os.Getenv(env), ","))
}

func clean(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// resolve reads the configuration of this process.
func (f *flags) resolve() (Config, error) {
	var cmd *cobra.Command
	var origins []string
	if f != nil && f.serve != nil {
		cmd = f.serve
		origins, _ = cmd.Flags().GetStringSlice("origins")
	}
	c := Config{
		Origins:      list(cmd, "origins", origins, "AZX_ORIGINS"),
		TrustedProxy: list(cmd, "trusted-proxy", flagOr(f, func(f *flags) []string { return f.trustedProxy }), "AZX_TRUSTED_PROXY"),
		RateLimits:   !strings.EqualFold(strings.TrimSpace(os.Getenv("AZX_RATE_LIMITS")), "off"),
	}
	admin := list(cmd, "admin-from", flagOr(f, func(f *flags) []string { return f.adminFrom }), "AZX_ADMIN_FROM")
	if len(admin) == 0 {
		admin = loopback
	}
	for _, a := range admin {
		p, err := parsePrefix(a)
		if err != nil {
			return c, fmt.Errorf("--admin-from %q: %w", a, err)
		}
		c.AdminFrom = append(c.AdminFrom, p)
	}
	for _, o := range c.Origins {
		if o != "*" && !strings.Contains(o, "://") {
			return c, fmt.Errorf("--origins %q: an origin is scheme://host[:port], e.g. https://portal.example.gov.cn", o)
		}
	}
	return c, nil
}

func flagOr(f *flags, get func(*flags) []string) []string {
	if f == nil {
		return nil
	}
	return get(f)
}

// parsePrefix reads an address or a CIDR block.
func parsePrefix(s string) (netip.Prefix, error) {
	if strings.Contains(s, "/") {
		return netip.ParsePrefix(s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return netip.PrefixFrom(a, a.BitLen()), nil
}

# varnish.vcl - Varnish 7 (tested with Debian 12's 7.1) in front of mod_webcast.
#
# The module says in Cache-Control how long a shared cache may keep each
# answer (s-maxage), how long past that it may show it while fetching a
# new one (stale-while-revalidate), and how long it may show it when the
# server cannot answer (stale-if-error):
#
#   Cache-Control: public, max-age=10, s-maxage=10,
#                  stale-while-revalidate=30, stale-if-error=86400
#
# Varnish reads s-maxage (the TTL) and stale-while-revalidate (grace) by
# itself; stale-if-error needs the lines below. The first two never reach
# past a talk's next scheduled change; stale-if-error may (an outdated
# page beats an error), and is used only when the server is down or
# answers 5xx (a database outage: 503 with Retry-After, never stored).
#
# Install: replace the backend's address, then
#   varnishd -a :80 -f /etc/varnish/webcast.vcl -s malloc,256m
# Staff admin requests carry Authorization, so Varnish passes them (its
# built-in VCL) and the module marks them no-store anyway.
vcl 4.1;

import std;

backend webcast {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 15s;
}

sub vcl_recv {
    if (req.restarts == 0) {
        unset req.http.X-Webcast-Stale;         # ours, not a client's
    }
    # A copy past its stale-while-revalidate: look it up as if it had no
    # grace, so that it is fetched now (conditionally: 304 if unchanged).
    if (req.http.X-Webcast-Stale == "refresh") {
        set req.grace = 0s;
    }
    # "error": that fetch failed; any copy within its stale-if-error will
    # do (req.grace outlives a restart: lift the bound again).
    if (req.http.X-Webcast-Stale == "error") {
        set req.grace = 1y;
    }
}

sub vcl_hit {
    if (obj.ttl >= 0s || req.http.X-Webcast-Stale == "error") {
        return (deliver);
    }
    # Stale: within stale-while-revalidate Varnish delivers it and fetches
    # a new copy in the background; beyond, only if the server fails.
    if (obj.ttl + std.duration(obj.http.X-Webcast-SWR + "s", 0s) > 0s) {
        return (deliver);
    }
    set req.http.X-Webcast-Stale = "refresh";
    return (restart);
}

sub vcl_backend_response {
    # Failing while a stale copy exists: keep the copy, not the error. The
    # module's own last copy during a database outage (Warning: 110,
    # s-maxage=0) counts as failing too: stored, it would replace ours
    # with an uncacheable object, and every request would reach httpd.
    if ((beresp.status >= 500 || beresp.http.Warning ~ "^110 ")
        && (bereq.is_bgfetch || bereq.http.X-Webcast-Stale == "refresh")) {
        return (abandon);
    }
    # grace is what stale-while-revalidate allowed; keep the object for
    # stale-if-error if that is longer, and remember the former.
    set beresp.http.X-Webcast-SWR = beresp.grace;
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
            "^.*stale-if-error=([0-9]+).*$", "\1s"), beresp.grace);
        if (beresp.grace < std.duration(beresp.http.X-Webcast-SWR + "s", 0s)) {
            set beresp.grace = std.duration(beresp.http.X-Webcast-SWR + "s", 0s);
        }
    }
}

sub vcl_backend_error {
    if (bereq.is_bgfetch || bereq.http.X-Webcast-Stale == "refresh") {
        return (abandon);
    }
}

sub vcl_synth {
    # The fetch of a copy past its stale-while-revalidate failed: show the
    # copy after all (stale-if-error), or the error if there is none.
    if (resp.status == 503 && req.http.X-Webcast-Stale == "refresh") {
        set req.http.X-Webcast-Stale = "error";
        return (restart);
    }
}

sub vcl_deliver {
    unset resp.http.X-Webcast-SWR;
}

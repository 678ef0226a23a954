/* webcast.js - pages that follow the webcast without a reload.
 *
 * A page of mod_webcast that can change on its own (a presentation, a
 * workshop, an embed) carries data-webcast-status on <body>: the URL of
 * its status resource. This script polls it - every 30 s, every 5 s in
 * the two minutes before a scheduled change, less often after errors and
 * not at all while the tab is hidden - and when the answer changes it
 * fetches the page again and swaps in each block marked
 * data-webcast-block (same id), except one holding a video that plays:
 * that one waits until the video pauses or ends. Changes are announced
 * in the aria-live region #webcast-announce. Elements with
 * data-countdown="<RFC 3339 time>" count down to it.
 *
 * No framework, no inline script: the page's Content-Security-Policy
 * allows only scripts from the site itself. Without JavaScript the page
 * says when to reload.
 */
(function () {
    "use strict";

    var NORMAL = 30000, NEAR = 5000, NEAR_WINDOW = 120000, MAX_BACKOFF = 300000;
    var body = document.body;
    var statusUrl = body && body.getAttribute("data-webcast-status");
    if (!statusUrl || !window.fetch || !window.DOMParser) {
        return;
    }

    var last = null;            /* the status text the page shows */
    var nextChange = null;      /* Date of the next scheduled change */
    var failures = 0;
    var timer = null;

    function jitter(ms) {
        return ms * (0.8 + Math.random() * 0.4);
    }

    function delay() {
        if (failures > 0) {
            return jitter(Math.min(MAX_BACKOFF, NORMAL * Math.pow(2, failures - 1)));
        }
        var ms = jitter(nextChange && nextChange - Date.now() < NEAR_WINDOW
                        ? NEAR : NORMAL);
        /* the change itself: look just after it (spread over 2 s) */
        var due = nextChange ? nextChange - Date.now() + Math.random() * 2000 : ms;
        return due > 0 && due < ms ? due : ms;
    }

    function schedule(ms) {
        clearTimeout(timer);
        timer = null;
        if (document.hidden) {
            return;             /* visibilitychange polls again */
        }
        timer = setTimeout(poll, ms === undefined ? delay() : ms);
    }

    function playing(block) {
        var videos = block.querySelectorAll("video");
        for (var i = 0; i < videos.length; i++) {
            if (!videos[i].paused && !videos[i].ended) {
                return videos[i];
            }
        }
        return null;
    }

    function swap(fresh) {
        var blocks = fresh.querySelectorAll("[data-webcast-block]");
        for (var i = 0; i < blocks.length; i++) {
            replace(blocks[i]);
        }
    }

    function replace(block) {
        var old = document.getElementById(block.id);
        if (!old || old.innerHTML === block.innerHTML) {
            return;
        }
        var video = playing(old);
        if (video) {
            /* never cut off what someone watches: swap once it stops */
            var later = function () {
                video.removeEventListener("pause", later);
                video.removeEventListener("ended", later);
                replace(block);
            };
            video.addEventListener("pause", later);
            video.addEventListener("ended", later);
            return;
        }
        old.parentNode.replaceChild(document.importNode(block, true), old);
        countdowns();
        if (window.webcastPlayers) {
            window.webcastPlayers(document.getElementById(block.id));
        }
    }

    var STATE_TEXT = {
        upcoming: "The webcast has not started yet.",
        live: "The webcast is live now.",
        concluded: "The webcast has ended. The archived video will be posted soon.",
        archive: "The archived video is available.",
        external: "This presentation is webcast by a partner."
    };

    function announce(doc) {
        var region = document.getElementById("webcast-announce");
        if (!region) {
            return;
        }
        var text;
        if (doc.presentations) {        /* a workshop */
            text = doc.live.length === 1 ? "One webcast is live now."
                : doc.live.length > 1 ? doc.live.length + " webcasts are live now."
                : "The schedule has been updated.";
        }
        else {
            text = STATE_TEXT[doc.state] || "The page has been updated.";
        }
        if (doc.notice) {
            text += " Notice: " + doc.notice;
        }
        region.textContent = text;
    }

    function refresh(doc) {
        return fetch(location.href, { cache: "no-cache", credentials: "same-origin" })
            .then(function (r) {
                if (!r.ok) {
                    throw new Error("page " + r.status);
                }
                return r.text();
            })
            .then(function (html) {
                swap(new DOMParser().parseFromString(html, "text/html"));
                announce(doc);
            });
    }

    function poll() {
        fetch(statusUrl, { cache: "no-cache", credentials: "omit" })
            .then(function (r) {
                if (!r.ok) {
                    throw new Error("status " + r.status);
                }
                return r.text();
            })
            .then(function (text) {
                var doc = JSON.parse(text);
                nextChange = doc.next_change ? new Date(doc.next_change) : null;
                if (last !== null && text !== last) {
                    return refresh(doc).then(function () { last = text; });
                }
                last = text;
            })
            .then(function () {
                failures = 0;
                schedule();
            }, function () {
                failures++;
                schedule();
            });
    }

    /* ---- countdowns ---- */

    function plural(n, word) {
        return n + " " + word + (n === 1 ? "" : "s");
    }

    function left(ms) {
        var s = Math.ceil(ms / 1000);
        var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600);
        var m = Math.floor(s % 3600 / 60);
        if (d > 0) {
            return plural(d, "day") + " " + plural(h, "hour");
        }
        if (h > 0) {
            return plural(h, "hour") + " " + plural(m, "minute");
        }
        return (m > 0 ? plural(m, "minute") + " " : "") + plural(s % 60, "second");
    }

    var ticking = null;

    function tick() {
        var items = document.querySelectorAll("[data-countdown]");
        var due = false;
        for (var i = 0; i < items.length; i++) {
            var ms = new Date(items[i].getAttribute("data-countdown")) - Date.now();
            items[i].hidden = false;
            if (ms > 0) {
                items[i].textContent = "Starts in " + left(ms);
            }
            else {
                items[i].textContent = "Starting now\u2026";
                due = due || !items[i].hasAttribute("data-due");
                items[i].setAttribute("data-due", "");
            }
        }
        if (due) {
            schedule(300);      /* the start: look now, not in 5 s */
        }
        if (!items.length) {
            clearInterval(ticking);
            ticking = null;
        }
    }

    function countdowns() {
        if (!ticking && document.querySelector("[data-countdown]")) {
            ticking = setInterval(tick, 1000);
        }
        tick();
    }

    document.addEventListener("visibilitychange", function () {
        if (!document.hidden) {
            schedule(0);
        }
    });
    var stale = document.querySelectorAll(".reload");
    for (var i = 0; i < stale.length; i++) {
        stale[i].hidden = true;         /* this script does the reloading */
    }
    countdowns();
    schedule(0);
})();

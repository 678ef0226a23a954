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
 * data-countdown="<RFC 3339 time>" count down to it. Its HLS videos play
 * in every browser (the players, first below).
 *
 * No framework, no inline script: the page's Content-Security-Policy
 * allows only scripts from the site itself. Without JavaScript the page
 * says when to reload.
 */

/* ---- players: HLS in every browser ----
 *
 * A <video> with an HLS source plays it natively where the browser can
 * (Safari, iOS, Chrome); elsewhere (Firefox, Edge and Chrome without
 * native HLS) through hls.js, loaded from the module's own URL the video
 * names in data-hls-script. A stream that cannot be reached says so in
 * its block, and is tried again, less often each time, until it plays;
 * then the note goes. Without JavaScript the page keeps its links to the
 * players. window.webcastPlayers(root) sets up the videos under root
 * (the poller calls it for each block it swaps in).
 */
(function () {
    "use strict";

    var HLS_TYPE = "application/vnd.apple.mpegurl";
    var RETRY = 2000, MAX_RETRY = 30000;
    var UNREACHABLE = "The stream is not reachable right now. " +
                      "Trying again\u2026";
    var players = [];
    var hlsLoading = null;      /* Promise of window.Hls */

    function noop() {}

    function loadHls(url) {
        if (!hlsLoading) {
            hlsLoading = new Promise(function (resolve, reject) {
                var script = document.createElement("script");
                script.src = url;
                script.onload = function () {
                    if (window.Hls && window.Hls.isSupported()) {
                        resolve(window.Hls);
                    }
                    else {
                        reject(new Error("hls.js cannot play here"));
                    }
                };
                script.onerror = function () {
                    hlsLoading = null;      /* the next try loads it anew */
                    reject(new Error("hls.js did not load"));
                };
                document.head.appendChild(script);
            });
        }
        return hlsLoading;
    }

    function say(player, text) {
        var note = player.note;
        if (!text) {
            if (note && note.parentNode) {
                note.parentNode.removeChild(note);
            }
            player.note = null;
            return;
        }
        if (!note) {
            note = player.note = document.createElement("p");
            note.className = "stream-error";
            note.setAttribute("role", "status");
            player.video.parentNode.insertBefore(note,
                                                 player.video.nextSibling);
        }
        note.textContent = text;
    }

    function reachable(player) {
        player.failures = 0;
        say(player, null);
    }

    /* Not reachable (or broken): say so, and try again after a while. */
    function failed(player) {
        if (player.timer || player.gone) {
            return;             /* a try is due already */
        }
        say(player, UNREACHABLE);
        player.failures++;
        var ms = Math.min(MAX_RETRY, RETRY * Math.pow(2, player.failures - 1));
        player.timer = setTimeout(function () {
            player.timer = null;
            start(player);
        }, ms * (0.8 + Math.random() * 0.4));
    }

    function attachHls(player, Hls) {
        var hls = new Hls({ enableWorker: false, autoStartLoad: false });
        player.hls = hls;
        player.parsed = false;
        hls.on(Hls.Events.MANIFEST_PARSED, function () {
            player.parsed = true;
            reachable(player);
            if (player.wanted) {
                hls.startLoad(-1);
                player.video.play().catch(noop);
            }
        });
        hls.on(Hls.Events.ERROR, function (event, data) {
            if (data.fatal && player.hls === hls) {
                player.hls = null;
                hls.destroy();
                failed(player);
            }
        });
        hls.loadSource(player.url);
        hls.attachMedia(player.video);
    }

    /* (Again) from the start: native, or through hls.js. */
    function start(player) {
        if (player.gone) {
            return;
        }
        if (player.native) {
            player.video.load();
            if (player.wanted) {
                player.video.play().catch(noop);
            }
            return;
        }
        loadHls(player.script).then(function (Hls) {
            if (!player.gone) {
                attachHls(player, Hls);
            }
        }, function () {
            failed(player);
        });
    }

    function setUp(video) {
        var source = video.querySelector('source[type="' + HLS_TYPE + '"]');
        var native = video.canPlayType(HLS_TYPE) !== "";
        var script = video.getAttribute("data-hls-script");
        if (!source || (!native && !(script && (window.MediaSource
                                                || window.ManagedMediaSource)))) {
            return;             /* nothing for us: the links stay */
        }
        var player = { video: video, url: source.src, script: script,
                       native: native, failures: 0, timer: null, hls: null,
                       note: null, wanted: false, parsed: false, gone: false };
        video.addEventListener("play", function () {
            player.wanted = true;
            if (player.hls && player.parsed) {
                player.hls.startLoad(-1);
            }
        });
        video.addEventListener("playing", function () {
            reachable(player);
        });
        if (native) {
            /* errors of its <source> too: they reach the video captured */
            video.addEventListener("error", function () {
                failed(player);
            }, true);
            video.addEventListener("loadedmetadata", function () {
                reachable(player);
            });
        }
        else {
            start(player);
        }
        players.push(player);
    }

    window.webcastPlayers = function (root) {
        /* the players of blocks swapped out: stopped */
        players = players.filter(function (player) {
            if (document.documentElement.contains(player.video)) {
                return true;
            }
            player.gone = true;
            clearTimeout(player.timer);
            if (player.hls) {
                player.hls.destroy();
            }
            return false;
        });
        var videos = (root || document).querySelectorAll("video");
        for (var i = 0; i < videos.length; i++) {
            setUp(videos[i]);
        }
    };
    window.webcastPlayers(document);
})();

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

    /* A block's markup as served: without what the player added (the
     * blob: source hls.js gives the video, the stream's note), so a
     * block that did not change is left alone, paused video and all. */
    function markup(block) {
        var copy = block.cloneNode(true);
        var added = copy.querySelectorAll('video[src^="blob:"], p.stream-error');
        for (var i = 0; i < added.length; i++) {
            if (added[i].tagName === "VIDEO") {
                added[i].removeAttribute("src");
            }
            else {
                added[i].parentNode.removeChild(added[i]);
            }
        }
        return copy.innerHTML;
    }

    function replace(block) {
        var old = document.getElementById(block.id);
        if (!old || markup(old) === block.innerHTML) {
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

/* The transcript's times (a[data-seek], seconds): seek the page's video
 * there and play, instead of opening the stream on its own (the link's
 * href, for browsers without this script). */
(function () {
    "use strict";

    function seek(video, t) {
        if (video.readyState > 0) {
            video.currentTime = t;
        }
        else {
            /* before its metadata the position is only where it will
             * start; set it again once the media is known */
            video.currentTime = t;
            video.addEventListener("loadedmetadata", function once() {
                video.removeEventListener("loadedmetadata", once);
                video.currentTime = t;
            });
        }
        var played = video.play();
        if (played && played.catch) {
            played.catch(function () {});
        }
    }

    document.addEventListener("click", function (e) {
        var link = e.target.closest && e.target.closest("a[data-seek]");
        var video = link && document.querySelector("#webcast-block video");
        var t = link && parseFloat(link.getAttribute("data-seek"));
        if (!video || !isFinite(t) || e.button !== 0 || e.ctrlKey
            || e.metaKey || e.shiftKey || e.altKey) {
            return;
        }
        e.preventDefault();
        seek(video, t);
        video.scrollIntoView({ block: "nearest" });
        video.focus();
    });
})();

/* webcast_css.c - the built-in stylesheet, inlined into every page unless
 * WebcastStyleSheet names another. Small on purpose: readable on a phone,
 * no web fonts, no images, works without JavaScript. */
#include "webcast_render.h"

const char webcast_default_css[] =
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:46rem;padding:1rem;"
    "font:1.05rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
    "color:#1d1d1f;background:#fff}\n"
    "a{color:#0b57b3}\n"
    "h1{font-size:1.8rem;line-height:1.2;margin:.4rem 0}\n"
    "h2{font-size:1.3rem;margin:1.6rem 0 .5rem}\n"
    "h3{font-size:1.1rem;margin:1.2rem 0 .3rem}\n"
    ".crumbs{font-size:.9rem}\n"
    ".when,.zone,.byline{color:#555}\n"
    ".now{border:2px solid #d0d7e2;border-radius:.5rem;padding:.2rem 1rem 1rem;"
    "margin:1.2rem 0;background:#f6f8fb}\n"
    ".now h3{margin-top:.6rem}\n"
    ".marker,.label{display:inline-block;font-weight:bold;margin:.4rem 0;"
    "padding:.1rem .6rem;border-radius:.3rem}\n"
    ".marker{background:#c4001a;color:#fff}\n"
    ".label{background:#e8eef7;color:#0b3d7a}\n"
    /* The QuickTime object only plays where the plug-in exists; elsewhere
     * it is an empty box, so keep it small and put the player link first
     * in the reader's eye with a button look. */
    ".player object,.player embed{display:block;max-width:100%}\n"
    ".player video{display:block;width:100%;height:auto;"
    "aspect-ratio:16/9;background:#000}\n"
    ".open a{display:inline-block;margin-top:.5rem;padding:.45rem .9rem;"
    "border-radius:.4rem;background:#0b57b3;color:#fff;font-weight:bold;"
    "text-decoration:none}\n"
    "ol.day,ul.workshops{list-style:none;padding:0;margin:0}\n"
    "ol.day li,ul.workshops li{padding:.45rem 0;border-bottom:1px solid #e4e7ec}\n"
    "ol.day li{display:grid;grid-template-columns:6.5rem 1fr;gap:0 .6rem}\n"
    "ol.day time{font-weight:bold}\n"
    ".speaker{color:#444}\n"
    ".badge{display:inline-block;font-size:.8rem;padding:0 .45rem;"
    "border-radius:.3rem;border:1px solid #aab;white-space:nowrap;"
    "text-decoration:none}\n"
    ".badge.live{background:#c4001a;color:#fff;border-color:#c4001a}\n"
    ".badge.archive,.badge.external{background:#0b57b3;color:#fff;"
    "border-color:#0b57b3}\n"
    ".badge.upcoming{background:#fff6dd;border-color:#e0c060}\n"
    ".badge.concluded{background:#eef0f3}\n"
    ".badge.none{color:#777;border-color:#ddd}\n"
    "@media (max-width:30rem){body{padding:.7rem}h1{font-size:1.45rem}"
    "ol.day li{grid-template-columns:1fr}}\n";

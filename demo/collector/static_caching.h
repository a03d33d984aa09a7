// How long a browser may keep the files the collector serves (the built SDK, the shop's and the
// dashboard's assets), and how it checks them again: every file carries a validator of its
// bytes, so a page that asks again for an unchanged file gets a 304 with no body instead of the
// whole file; and a chunk whose name carries a hash of its code is kept for good.
#pragma once
#include <httplib.h>

#include <string>
#include <string_view>

namespace friction::collector {

// A strong entity tag for a file's bytes, quoted as HTTP wants it ("\"9f1c...\""): FNV-1a 64 of
// the content, so that it stays the same across restarts of the collector.
std::string entityTagOf(std::string_view content);

// Whether an If-None-Match header (one tag, a comma-separated list, weak tags, or *) names `tag`.
bool ifNoneMatchNames(std::string_view if_none_match, std::string_view tag);

// Cache-Control for a file by its name: a year and immutable for a chunk named by a hash of its
// code (dist/'s friction-<chunk>-<HASH>.mjs, js/build.mjs); an hour in the browser only for the
// two wasm files, whose SHA-256 friction.js checks (a stale copy is fetched again past the
// browser's cache); the others are checked again at each use (no-cache), so a rebuilt SDK or an
// edited page is seen at once, for a 304 when unchanged.
const char* cacheControlFor(std::string_view file_name);

// Makes httplib answer `req` with the whole body although it has a Range header, which HTTP lets
// a server do (httplib 0.11 itself answers a Range it cannot parse with a 416, before any
// handler). Called before routing; collector_test.cpp checks it still works after an upgrade.
// Why: with a validator on its files, a browser keeps a download that was cut off (a visitor
// leaving the page mid-load) and later asks for the rest with Range and If-Range; httplib 0.11
// cuts every body to the range but keeps the handler's 200, so the browser took the tail for the
// whole file (a wasm file failing its SHA-256 check).
void answerWithWholeBody(const httplib::Request& req);

}  // namespace friction::collector

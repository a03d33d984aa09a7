// What the collector tells browsers about caching its files (demo/collector/static_caching.h):
// a validator of the bytes, 304 for a copy that is still right, and a year for hashed chunks.
#include <doctest/doctest.h>

#include "static_caching.h"

using namespace friction::collector;

TEST_CASE("static caching: the entity tag follows the bytes and nothing else") {
  const auto tag = entityTagOf("export {};");
  CHECK(tag.size() == 18);  // 16 hex digits, quoted
  CHECK(tag.front() == '"');
  CHECK(tag.back() == '"');
  CHECK(entityTagOf("export {};") == tag);
  CHECK(entityTagOf("export {} ;") != tag);
  CHECK(entityTagOf("") != entityTagOf(std::string(1, '\0')));
}

TEST_CASE("static caching: If-None-Match names a tag alone, in a list, weakly, or as *") {
  const std::string tag = "\"0123456789abcdef\"";
  CHECK(ifNoneMatchNames(tag, tag));
  CHECK(ifNoneMatchNames("\"aaaa\", " + tag, tag));
  CHECK(ifNoneMatchNames("\"aaaa\",W/" + tag + " ", tag));
  CHECK(ifNoneMatchNames("*", tag));
  CHECK_FALSE(ifNoneMatchNames("", tag));
  CHECK_FALSE(ifNoneMatchNames("\"0123456789abcdee\"", tag));
  CHECK_FALSE(ifNoneMatchNames("0123456789abcdef", tag));  // unquoted is another tag
  CHECK_FALSE(ifNoneMatchNames(",,", tag));
}

TEST_CASE("static caching: only a chunk named by its hash is kept for good") {
  const std::string forever = "public, max-age=31536000, immutable";
  CHECK(cacheControlFor("friction-core-CEUE5TBN.mjs") == forever);
  CHECK(cacheControlFor("friction-texts-fr-NLSF4C5E.mjs") == forever);
  CHECK(cacheControlFor("sub/friction-panel-KSTIUOAF.mjs") == forever);
  // The wasm files, which friction.js checks by their SHA-256, for an hour, in the browser only.
  CHECK(std::string(cacheControlFor("friction.wasm")) == "private, max-age=3600");
  CHECK(std::string(cacheControlFor("dist/friction-codec.wasm")) == "private, max-age=3600");
  // Other names that stay the same from one build to the next are checked again at each use.
  for (const char* name : {"friction.js", "friction.mjs", "x.wasm", "friction-core.wasm",
                           "friction.d.ts", "friction-core-ceue5tbn.mjs", "friction-CEUE5TBN.mjs",
                           "friction-core-CEUE5TB.mjs", "friction-core-CEUE5TBN.js", "shop.css",
                           "other-core-CEUE5TBN.mjs", "friction-core_CEUE5TBN.mjs"}) {
    CAPTURE(name);
    CHECK(std::string(cacheControlFor(name)) == "no-cache");
  }
}

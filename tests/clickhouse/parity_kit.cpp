#include "parity_kit.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "utc_day.h"

namespace friction::testing {

using namespace friction::collector;

namespace {

std::string hex16(std::mt19937& random) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) out += digits[random() % 16];
  return out;
}

}  // namespace

std::vector<Seeded> seedBatches() {
  std::mt19937 random(11);
  const char* const sites[] = {"shop", "blog"};
  const char* const steps[] = {"/", "/product/:id", "/cart", "/pay"};
  const char* const kinds[] = {"rage_click", "dead_click", "error_click", "form_struggle",
                               "slow_response"};
  const char* const roles[] = {"button", "link", "textbox"};
  const char* const pointers[] = {"", "touch", "mouse"};
  const char* const widths[] = {"", "narrow", "medium", "wide"};
  const char* const events[] = {"offered", "opened", "dismissed", "handoff", "moved_on", "solved"};
  const char* const causes[] = {"", "validation_loop", "re_entry", "rejected_submit",
                                "abandonment"};
  std::vector<std::string> targets;
  for (int i = 0; i < 12; ++i) targets.push_back(hex16(random));
  std::vector<Seeded> out;
  for (int n = 0; n < 900; ++n) {
    ReceivedBatch b;
    b.id = std::to_string(n);
    b.id.insert(0, 32 - b.id.size(), '0');
    b.site = sites[random() % 2];
    b.sdk = "0.1.0";
    b.version = random() % 5 == 0 ? 1 : 2;
    b.pointer = pointers[random() % 3];
    b.width = widths[random() % 4];
    b.epsilon = random() % 4 == 0 ? 1.0986 : 0;
    const int signals = static_cast<int>(random() % 4);
    for (int i = 0; i < signals; ++i) {
      ReceivedSignal s;
      // Skewed, so that some problems pass k and some do not.
      const size_t t = std::min(random() % 12, random() % 12);
      s.kind = kinds[t % 5];
      s.step = steps[t % 4];
      s.target = targets[t];
      s.role = roles[random() % 3];
      s.count = 1 + random() % 5;
      s.at_s = random() % 300;
      s.span_ms = random() % 4000;
      s.score = static_cast<double>(random() % 100) / 10;
      s.first = random() % 3 != 0;
      if (t % 3 == 0 && random() % 2) s.name = "named-" + std::to_string(t);
      // Why, on form struggles (issue 16): drawn apart from the random stream, so that every
      // other field is seeded as before.
      if (s.kind == std::string("form_struggle")) s.cause = causes[(n + i) % 5];
      b.signals.push_back(std::move(s));
    }
    const int visits = static_cast<int>(random() % 5);
    for (int i = 0; i < visits; ++i) {
      ReceivedVisit v;
      v.step = steps[random() % 4];
      for (const char* kind : kinds)
        if (random() % 4 == 0) v.met.push_back(kind);
      v.help = b.epsilon == 0 ? static_cast<int>(random() % 2) : -1;
      if (random() % 3 == 0) {
        ReceivedVisit goal = v;
        goal.goal = "purchase";
        b.visits.push_back(std::move(goal));
      }
      b.visits.push_back(std::move(v));
    }
    for (int i = 0; b.epsilon == 0 && i < static_cast<int>(random() % 3); ++i)
      b.help.push_back({steps[random() % 4], kinds[random() % 5], events[random() % 6]});
    const int64_t day = kFirstDay + n * kDays / 900;
    out.push_back({std::move(b), day * kMsPerUtcDay + 1000 * n + 7});
  }
  return out;
}

void seed(const std::vector<Storage*>& writers, const std::vector<Seeded>& batches,
          size_t at_once) {
  const size_t n = writers.size();
  std::vector<std::thread> threads;
  std::vector<std::string> failures(at_once);
  for (size_t t = 0; t < at_once; ++t) {
    threads.emplace_back([&, t] {
      std::string error;
      for (size_t i = t; i < batches.size() && failures[t].empty(); i += at_once)
        if (writers[i % n]->storeBatch(batches[i].batch, batches[i].at_ms, error) !=
            Stored::stored)
          failures[t] = "batch " + std::to_string(i) + ": " + error;
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) REQUIRE_MESSAGE(failure.empty(), failure);
  std::string error;
  for (size_t i = 0; i < batches.size(); i += 7)
    CHECK(writers[(i + 1) % n]->storeBatch(batches[i].batch, batches[i].at_ms + 5000, error) ==
          Stored::duplicate);
  Storage& storage = *writers.front();
  for (int i = 0; i < 8; ++i) {
    ReceivedHandoff handoff;
    handoff.site = i % 2 ? "shop" : "blog";
    handoff.has_summary = i % 3 != 0;
    if (handoff.has_summary)
      handoff.steps = {{"/cart", 40u + i, {{"rage_click", 2}}}, {"/pay", 12, {}}};
    REQUIRE_FALSE(storage.createHandoff(handoff, (kFirstDay + i) * kMsPerUtcDay + 99, error)
                      .empty());
  }
}

Collector::Collector(const CollectorOptions& options) {
  std::string error;
  REQUIRE_MESSAGE(setUpCollector(server_, options, error), error);
  port_ = server_.bind_to_any_port("127.0.0.1");
  listening_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

Collector::~Collector() {
  server_.stop();
  listening_.join();
}

std::string Collector::get(const std::string& path) {
  httplib::Client client("127.0.0.1", port_);
  client.set_bearer_token_auth(kParityToken);
  client.set_read_timeout(30, 0);
  const auto res = client.Get(path);
  REQUIRE(res);
  CHECK_MESSAGE(res->status == 200, path);
  return res->body;
}

CollectorOptions optionsFor(const std::string& db_path, const std::string& store_url,
                            const std::string& cluster) {
  CollectorOptions options;
  options.root = FRICTION_SOURCE_DIR;
  options.db_path = db_path;
  options.store_url = store_url;
  options.store_cluster = cluster;
  options.access_token = kParityToken;
  options.retention_days = 0;  // the seeded days are in the past
  options.sites = {"shop=http://shop.test", "blog=http://blog.test"};
  return options;
}


std::vector<std::string> parityViews() {
  const std::string week = "from=" + formatUtcDay(kFirstDay + 7) +
                           "&to=" + formatUtcDay(kFirstDay + kDays - 1);
  const std::string all = "from=" + formatUtcDay(kFirstDay) +
                          "&to=" + formatUtcDay(kFirstDay + kDays - 1);
  return {
      "/v1/problems?" + week,
      "/v1/problems?" + all + "&limit=1000",
      "/v1/problems?" + week + "&site=shop&kind=rage_click",
      "/v1/problems?" + week + "&step=/cart",
      "/v1/problems?" + week + "&pointer=touch&width=narrow",
      "/v1/problems?" + week + "&pointer=unknown&k=8",
      "/v1/problems?" + all + "&limit=3",
      "/v1/problems?" + all + "&format=csv",
      "/v1/problems?" + all + "&kind=form_struggle",
      "/v1/problems?" + week + "&kind=form_struggle&pointer=touch&format=csv",
      "/v1/conversion?" + week,
      "/v1/conversion?" + all + "&k=6",
      "/v1/conversion?" + all + "&site=blog&format=csv",
      "/v1/help?" + all,
      "/v1/help?" + week + "&site=shop",
      "/v1/summary",
      "/v1/summary?format=csv",
      "/v1/handoffs",
  };
}

}  // namespace friction::testing

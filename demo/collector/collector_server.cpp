#include "collector_server.h"

#include <sys/socket.h>

#include <exception>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "account_page.h"
#include "agent_page.h"
#include "alert_watcher.h"
#include "body_limits.h"
#include "client_address.h"
#include "conversion.h"
#include "conversion_json.h"
#include "dashboard_language.h"
#include "dashboard_page.h"
#include "encode/field_rules.h"
#include "find_link.h"
#include "handoffs_json.h"
#include "intake/handoff_reader.h"
#include "intake/intake_limits.h"
#include "problem_query_params.h"
#include "problems_json.h"
#include "problems_request.h"
#include "help_json.h"
#include "help_store.h"
#include "signal_intake.h"
#include "shop_api.h"
#include "garden_account.h"
#include "rate_limiter.h"
#include "retention.h"
#include "sqlite_storage.h"
#include "clickhouse/clickhouse_storage.h"
#include "site_registry.h"
#include "static_caching.h"
#include "static_files.h"
#include "summary_json.h"
#include "time_text.h"
#include "utc_day.h"
#include "view_access.h"

namespace friction::collector {
namespace {

using httplib::Request;
using httplib::Response;

// uPlot as npm installs it (package.json's devDependencies); served from there, no CDN.
constexpr const char* kChartDir = "node_modules/uplot/dist";

void sendText(Response& res, int status, const std::string& text) {
  res.status = status;
  res.set_content(text, "text/plain; charset=utf-8");
}

void sendJson(Response& res, int status, const std::string& json) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(json, "application/json");
}

void sendHtml(Response& res, const std::string& html) {
  res.status = 200;
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("Cache-Control", "no-store");
  res.set_content(html, "text/html; charset=utf-8");
}

bool isApiPath(const std::string& path) { return path.rfind("/v1/", 0) == 0; }

void sendInternalError(const Request& req, Response& res, const char* what) {
  std::cerr << "friction collector: " << req.method << " " << req.path << " failed: " << what
            << "\n";
  res.headers.clear();
  if (isApiPath(req.path)) sendJson(res, 500, jsonError("internal error"));
  else sendText(res, 500, "internal error\n");
}

// A view whose store cannot be reached says so, and when to try again: a page of zeros would
// read as "no friction".
// Worker threads of a collector on ClickHouse: each holds one waiting request and a small stack.
constexpr size_t kClickHouseWorkers = 64;

// The agent view lists the latest hand-offs.
constexpr size_t kAgentHandoffs = 50;

void sendStoreUnreachable(const Request& req, Response& res, const char* what) {
  std::cerr << "friction collector: " << req.method << " " << req.path
            << ": the store cannot be reached: " << what << "\n";
  res.headers.clear();
  res.set_header("Retry-After", std::to_string(kStoreRetryAfterS));
  const char* message = "the store cannot be reached; nothing can be shown until it answers";
  if (isApiPath(req.path)) sendJson(res, 503, jsonError(message));
  else sendText(res, 503, std::string(message) + "\n");
}

// Nothing a handler throws may reach httplib, which would put e.what() in a response header.
template <typename Work>
void guarded(const Request& req, Response& res, Work&& work) noexcept {
  try {
    work();
  } catch (const StoreUnreachable& e) {
    try { sendStoreUnreachable(req, res, e.what()); } catch (...) { res.status = 503; }
  } catch (const std::exception& e) {
    try { sendInternalError(req, res, e.what()); } catch (...) { res.status = 500; }
  } catch (...) {
    try { sendInternalError(req, res, "unknown exception"); } catch (...) { res.status = 500; }
  }
}

// The handlers' shared state; shared_ptr so it lives as long as the server's handlers.
class Routes {
 public:
  Routes(CollectorOptions options, std::unique_ptr<Storage> store, SiteRegistry sites,
         TrustedProxies proxies,
         std::unique_ptr<RetentionJob> retention, std::unique_ptr<AlertWatcher> alerts)
      : options_(std::move(options)),
        store_(std::move(store)),
        sites_(std::move(sites)),
        proxies_(std::move(proxies)),
        retention_(std::move(retention)),
        alerts_(std::move(alerts)),
        views_(options_.access_token, options_.host_names.empty()
                                          ? defaultHostNames("127.0.0.1")
                                          : options_.host_names),
        limiter_(options_.rate_limit_per_second, 2 * options_.rate_limit_per_second) {}

  // CORS, a well-formed Origin, a known site's origin and the rate limit, before any body is
  // read: a flood costs as little as possible. False when it answered already.
  bool admit(const Request& req, Response& res) const {
    addCorsHeaders(req, res);
    const std::string origin = req.get_header_value("Origin");
    if (!origin.empty() && !isOrigin(origin)) {
      sendJson(res, 403, jsonError("the Origin header is not an origin"));
      return false;
    }
    // An origin no site lists is refused before it spends the client's tokens.
    if (!sites_.empty() && !origin.empty() && !sites_.knowsOrigin(origin)) {
      sendJson(res, 403, jsonError("no registered site lists the origin " + origin));
      return false;
    }
    // Keyed on the client's address: a header it writes cannot move it to another bucket, nor
    // spend a site's visitors' tokens.
    const double now_s = static_cast<double>(nowUnixMs()) / 1000;
    if (const int64_t wait = limiter_.secondsToWait(rateKey(clientAddress(req, proxies_)), now_s)) {
      res.set_header("Retry-After", std::to_string(wait));
      sendJson(res, 429, jsonError("too many requests from this address; retry after " +
                                   std::to_string(wait) + " s"));
      return false;
    }
    return true;
  }

  Sender senderOf(const Request& req) const { return Sender{req.get_header_value("Origin")}; }

  // Reads the body within `cap`; false when it answered (413, 400) already.
  bool readBody(const Request& req, Response& res, const httplib::ContentReader& read,
                size_t cap, std::string& body) const {
    // httplib would hand a multipart body to a receiver we do not have; it is not ours anyway.
    if (req.is_multipart_form_data()) {
      res.set_header("Connection", "close");
      sendJson(res, 415, jsonError("multipart bodies are not taken"));
      return false;
    }
    const BodyRead got = readBodyWithin(read, cap, body);
    if (got == BodyRead::complete) return true;
    res.set_header("Connection", "close");  // what is left of the body stays unread
    if (got == BodyRead::too_large)
      sendJson(res, 413, jsonError("body exceeds " + std::to_string(cap) + " bytes"));
    else
      sendJson(res, 400, jsonError("the request body could not be read"));
    return false;
  }

  // POST /v1/handoff: a visitor asks for a person. 201 with the reference they give the agent.
  void postHandoff(const Request& req, Response& res, const httplib::ContentReader& read) const {
    if (!admit(req, res)) return;
    std::string body;
    if (!readBody(req, res, read, kMaxHandoffBytes, body)) return;
    ReceivedHandoff handoff;
    std::string error;
    if (!readHandoffJson(body, handoff, error)) {
      sendJson(res, 400, jsonError(error));
      return;
    }
    const Sender sender = senderOf(req);
    if (const auto refusal = sites_.refusal(handoff.site, sender.origin)) {
      sendJson(res, 403, jsonError(*refusal));
      return;
    }
    const std::string reference = store_->createHandoff(handoff, nowUnixMs(), error);
    if (reference.empty()) {
      std::cerr << "friction collector: cannot store a hand-off: " << error << "\n";
      sendJson(res, 500, jsonError("the hand-off could not be stored"));
      return;
    }
    sendJson(res, 201, nlohmann::json{{"reference", reference}}.dump());
  }

  void agent(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    sendHtml(res, renderAgentPage(store_->recentHandoffs(kAgentHandoffs), nowUnixMs()));
  }

  void postSignals(const Request& req, Response& res,
                   const httplib::ContentReader& read) const {
    if (!admit(req, res)) return;
    std::string body;
    if (!readBody(req, res, read, kMaxBodyBytes, body)) return;
    const auto answer = takeInSignals(body, *store_, nowUnixMs(), sites_, senderOf(req));
    if (answer.retry_after_s > 0) res.set_header("Retry-After", std::to_string(answer.retry_after_s));
    sendJson(res, answer.status, answer.json);
  }

  // The CORS preflight of the POST routes.
  void preflight(const Request& req, Response& res) const {
    if (addCorsHeaders(req, res)) {
      res.set_header("Access-Control-Allow-Methods", "POST, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    }
    res.status = 204;
  }

  // The format asked for (json, the default, or csv); false after a 400 that names it.
  static bool exportFormat(const Request& req, Response& res, bool& csv) {
    const std::string format =
        req.has_param("format") ? req.get_param_value("format") : std::string("json");
    if (format != "json" && format != "csv") {
      refuseParameter(res, "format", "must be json or csv");
      return false;
    }
    csv = format == "csv";
    return true;
  }

  static void sendCsv(Response& res, const std::string& name, const std::string& csv) {
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    res.set_content(csv, "text/csv; charset=utf-8");
  }

  // GET /v1/summary (summary_json.h): the visits of each step, JSON or CSV.
  void summary(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    bool csv = false;
    if (!exportFormat(req, res, csv)) return;
    const auto steps = visitShares(store_->visitSums());
    if (csv) sendCsv(res, "visits", summaryCsv(steps, kMinProblemViews));
    else sendJson(res, 200, summaryJson(steps, kMinProblemViews));
  }

  // GET /v1/handoffs (handoffs_json.h): where the latest hand-offs were asked from.
  void handoffs(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    bool csv = false;
    if (!exportFormat(req, res, csv)) return;
    const auto recent = store_->recentHandoffs(kDashboardHandoffs);
    const auto by_step = handoffsByStep(recent);
    if (csv) sendCsv(res, "handoffs", handoffsCsv(by_step, kMinProblemViews));
    else sendJson(res, 200, handoffsJson(by_step, recent.size(), kMinProblemViews));
  }

  static void refuseParameter(Response& res, const std::string& parameter,
                              const std::string& error) {
    sendJson(res, 400, nlohmann::json{{"error", error}, {"parameter", parameter}}.dump(
                           -1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  // "problems-2026-11-01-2026-11-28": an export's file name says its days.
  static std::string rangeName(const char* what, const ProblemQuery& query) {
    return std::string(what) + "-" + formatUtcDay(query.from_day) + "-" +
           formatUtcDay(query.to_day - 1);
  }

  // The parameters of a range view (problems_request.h); false after a 400 that names one.
  static bool readRange(const Request& req, Response& res, ProblemsRequest& request) {
    std::string parameter, error;
    if (readProblemsRequest(req.params, utcDayOf(nowUnixMs()), request, parameter, error))
      return true;
    refuseParameter(res, parameter, error);
    return false;
  }

  // GET /v1/problems (problems_request.h): the problems of a range of days, JSON or CSV.
  void problems(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    ProblemsRequest request;
    if (!readRange(req, res, request)) return;
    const ProblemList list = store_->problems(request.query);
    if (request.csv) sendCsv(res, rangeName("problems", request.query), problemsCsv(list));
    else sendJson(res, 200, problemsJson(list));
  }

  // GET /v1/conversion (conversion_json.h): what friction costs in conversions, JSON or CSV.
  void conversion(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    const std::string goal = req.get_param_value("goal");
    if (!goal.empty() && !field_rules::isGoalName(goal)) {
      refuseParameter(res, "goal", "goal: 1-32 characters of [a-z0-9_-]");
      return;
    }
    ProblemsRequest request;
    if (!readRange(req, res, request)) return;
    const ProblemQuery& query = request.query;
    const ConversionReport report =
        conversions(store_->outcomeSums(query.from_day, query.to_day, query.site), goal,
                    query.min_views);
    if (request.csv) sendCsv(res, rangeName("conversion", query), conversionCsv(report));
    else sendJson(res, 200, conversionJson(report, query, goal));
  }

  // GET /v1/help: "Did help work" over a range of days, JSON or CSV; the parameters, the
  // access token and k as /v1/problems (problems_request.h), k counting offers.
  void help(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    ProblemsRequest request;
    if (!readRange(req, res, request)) return;
    const HelpList list = store_->help(request.query);
    if (request.csv) sendCsv(res, rangeName("help", request.query), helpCsv(list));
    else sendJson(res, 200, helpJson(list));
  }

  void dashboard(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    DashboardData data;
    data.visits = visitShares(store_->visitSums(), 50);
    data.handoffs = store_->recentHandoffs(kDashboardHandoffs);
    data.now_ms = nowUnixMs();
    const ProblemQueryParams asked = readProblemQuery(req.params, data.now_ms);
    data.problems = store_->problems(asked.query);
    data.conversion = conversions(
        store_->outcomeSums(asked.query.from_day, asked.query.to_day, asked.query.site), "",
        asked.query.min_views);
    data.problem_params_ignored = asked.ignored;
    data.site_origins = sites_.firstOrigins();
    data.help = store_->help(asked.query);
    data.language = chooseDashboardLanguage(req.get_param_value("lang"),
                                            req.get_header_value("Accept-Language"));
    // Looked for on each request: installing it needs no restart, and its absence no error.
    data.charts = fileUnder(options_.root / kChartDir, "uPlot.iife.min.js").has_value();
    res.set_header("Vary", "Accept-Language");
    sendHtml(res, renderDashboard(data));
  }

  // "Open on the page" for a step with parameters: the address the user gave, on the site's
  // origin, with the finder's fragment (find_link.h).
  void findOnPage(const Request& req, Response& res) const {
    if (!views_.admit(req, res, requestScheme(req, proxies_) == "https")) return;
    const auto origins = sites_.firstOrigins();
    const auto origin = origins.find(req.get_param_value("site"));
    if (origin == origins.end()) {
      sendText(res, 404, "site is not registered on this collector\n");
      return;
    }
    std::string error;
    const auto url = findPageUrl(origin->second, req.get_param_value("path"),
                                 req.get_param_value("target"), req.get_param_value("kind"), error);
    if (!url) {
      sendText(res, 400, error + "\n");
      return;
    }
    res.set_redirect(*url, 303);
  }

  // `relative` is inside `dir` of the repo, e.g. ("demo/shop", "index.html").
  const std::filesystem::path& root() const { return options_.root; }  // the garden's templates

  void file(const Request& req, Response& res, const char* dir, const std::string& relative) const {
    const auto path = fileUnder(options_.root / dir, relative);
    std::string content;
    if (!path || !readWholeFile(*path, content)) {
      sendText(res, 404, "not found\n");
      return;
    }
    if (isHtml(*path)) {
      sendHtml(res, content);
      return;
    }
    const auto tag = entityTagOf(content);
    res.set_header("Cache-Control", cacheControlFor(relative));
    res.set_header("ETag", tag);
    if (ifNoneMatchNames(req.get_header_value("If-None-Match"), tag)) {
      res.status = 304;  // the browser's copy is this one: no body
      return;
    }
    res.status = 200;
    res.set_content(content, contentTypeFor(*path));
  }

  // An HTML file of the demo, changed by `edit` before it is sent (a page the server renders).
  void page(Response& res, const char* dir, const std::string& relative,
            const std::function<std::string(std::string)>& edit) const {
    const auto path = fileUnder(options_.root / dir, relative);
    std::string content;
    if (!path || !isHtml(*path) || !readWholeFile(*path, content)) {
      sendText(res, 404, "not found\n");
      return;
    }
    sendHtml(res, edit(std::move(content)));
  }

 private:
  // Cross-origin posting only from --allow-origin or an origin a registered site lists.
  bool addCorsHeaders(const Request& req, Response& res) const {
    const std::string origin = req.get_header_value("Origin");
    res.set_header("Vary", "Origin");
    const bool allowed = !origin.empty() && isOrigin(origin) &&
                         (origin == options_.allow_origin || sites_.knowsOrigin(origin));
    if (allowed) res.set_header("Access-Control-Allow-Origin", origin);
    return allowed;
  }

  CollectorOptions options_;
  std::unique_ptr<Storage> store_;
  SiteRegistry sites_;
  TrustedProxies proxies_;
  std::unique_ptr<RetentionJob> retention_;  // stops with the routes
  std::unique_ptr<AlertWatcher> alerts_;     // reads store_: declared after it, stops before it
  ViewAccess views_;
  mutable RateLimiter limiter_;  // has its own lock
};

// Bodies for the errors httplib produces itself (unknown paths, oversized bodies...).
httplib::Server::HandlerResponse describeError(const Request& req, Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const std::string message = res.status == 404   ? "not found"
                              : res.status == 413 ? "body too large"
                              : res.status == 405 ? "method not allowed"
                              : res.status == 400 ? "bad request"
                                                  : "request failed";
  if (isApiPath(req.path)) res.set_content(jsonError(message), "application/json");
  else res.set_content(message + "\n", "text/plain; charset=utf-8");
  return httplib::Server::HandlerResponse::Handled;
}

// httplib also sets SO_REUSEPORT by default, which lets a second collector bind a port that is
// in use and silently share it. SO_REUSEADDR alone still allows a quick restart.
void reuseAddressOnly(socket_t socket) {
  int yes = 1;
  setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

// The demo shop: its API (with a deliberately slow endpoint) and its pages. Only with --demo:
// a collector for real sites serves neither.
void addShopRoutes(httplib::Server& server, const std::shared_ptr<const Routes>& routes) {
  addShopApi(server);  // before the /shop/ mount, which would take its paths

  // The product page is one file for every id: the SDK turns /product/42 into the step
  // "/product/:id".
  server.Get("/", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, "demo/shop", "index.html"); });
  });
  server.Get(R"(/product/.+)", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, "demo/shop", "product.html"); });
  });
  for (const char* page : {"checkout", "help"}) {
    server.Get(std::string("/") + page, [routes, page](const Request& req, Response& res) {
      guarded(req, res, [&] { routes->file(req, res, "demo/shop", std::string(page) + ".html"); });
    });
  }
  // The account page; its profile form posts back to it, and the answer renders it again: the
  // refused fields marked, or the profile saved (account_page.h).
  addAccountApi(server);
  server.Get(kAccountPath, [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, "demo/shop", "account.html"); });
  });
  server.Post(kAccountPath, [routes](const Request& req, Response& res,
                                     const httplib::ContentReader& read) {
    guarded(req, res, [&] {
      std::string body;
      if (readBodyWithin(read, kMaxAccountBytes, body) != BodyRead::complete) {
        res.set_header("Connection", "close");
        sendText(res, 413, "too large\n");
        return;
      }
      httplib::Params posted;
      httplib::detail::parse_query_text(body, posted);
      const ProfileAnswer answer = checkProfile(posted);
      routes->page(res, "demo/shop", "account.html",
                   [&](std::string page) { return accountPageWith(std::move(page), answer); });
    });
  });
  server.Get(R"(/shop/(.+))", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, "demo/shop", req.matches[1].str()); });
  });

  // The garden, a second demo site with its own markup (tests/corpus/): its pages, a plant
  // page for every id ("/garden/plant/:id"), its assets, and the account page's server checks.
  addGardenAccount(server, routes->root());
  server.Get("/garden/", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, "demo/garden", "index.html"); });
  });
  server.Get(R"(/garden/plant/[0-9]+)", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, "demo/garden", "plant.html"); });
  });
  for (const char* page : {"article", "mobile"}) {
    server.Get(std::string("/garden/") + page, [routes, page](const Request& req, Response& res) {
      guarded(req, res, [&] { routes->file(req, res, "demo/garden", std::string(page) + ".html"); });
    });
  }
  server.Get(R"(/garden/assets/(.+))", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, "demo/garden/assets", req.matches[1].str()); });
  });
}

}  // namespace

bool setUpCollector(httplib::Server& server, const CollectorOptions& options, std::string& error) {
  SiteRegistry sites;
  for (const auto& spec : options.sites)
    if (!sites.add(spec, error)) return false;
  if (!(options.rate_limit_per_second > 0)) {
    error = "the rate limit must be above 0 per second";
    return false;
  }
  std::unique_ptr<Storage> store;
  if (options.store_url.empty()) store = SqliteStorage::open(options.db_path, error);
  else store = ClickHouseStorage::open(options.store_url, error, options.store_cluster);
  if (!store) return false;
  TrustedProxies proxies;
  if (!options.trusted_proxies.empty() && !proxies.add(options.trusted_proxies, error))
    return false;
  auto retention = RetentionJob::start(*store, options.retention_days, error);
  if (!retention) return false;
  auto alerts =
      AlertWatcher::start(*store, {options.alert_webhook, options.dashboard_url}, error);
  if (!alerts) return false;
  auto routes = std::make_shared<const Routes>(options, std::move(store), std::move(sites),
                                               std::move(proxies), std::move(retention),
                                               std::move(alerts));

  server.set_socket_options(reuseAddressOnly);
  // Answers go out as soon as written: with Nagle's algorithm, a response written in two parts
  // waits for the client's delayed ACK, some 40 ms per request.
  server.set_tcp_nodelay(true);
  // On ClickHouse a request waits for the writer's next round (tens of milliseconds, most of it
  // ClickHouse's), not for a lock, and a round writes every batch waiting then: the more
  // requests may wait at once, the larger and fewer the inserts. cpp-httplib's default of 8
  // workers kept rounds to about 2 batches (tests/bench/collector_engines_bench.sh).
  if (!options.store_url.empty())
    server.new_task_queue = [] { return new httplib::ThreadPool(kClickHouseWorkers); };
  server.set_payload_max_length(kMaxBodyBytes);  // refuses large Content-Length before reading
  // Bodies only where a route takes one, within its cap (body_limits.h).
  std::vector<BodyRoute> body_routes{{"/v1/signals", kMaxBodyBytes},
                                     {"/v1/handoff", kMaxHandoffBytes}};
  if (options.demo) body_routes.push_back({kCheckoutPath, kMaxCheckoutBytes});
  if (options.demo) body_routes.push_back({kGardenAccountPath, kMaxGardenAccountBytes});
  if (options.demo) body_routes.push_back({kAccountPath, kMaxAccountBytes});
  server.set_pre_routing_handler([body_routes](const Request& req, Response& res) {
    answerWithWholeBody(req);
    return refuseUnwantedBodies(body_routes, req, res);
  });
  const ConnectionLimits& limits = options.connections;
  server.set_read_timeout(limits.read_timeout_s, 0);
  server.set_write_timeout(limits.write_timeout_s, 0);
  server.set_keep_alive_timeout(limits.keep_alive_timeout_s);
  server.set_keep_alive_max_count(static_cast<size_t>(limits.keep_alive_max));
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  server.set_error_handler(httplib::Server::HandlerWithResponse(describeError));
  server.set_exception_handler([](const Request& req, Response& res, std::exception_ptr) {
    sendInternalError(req, res, "exception");  // a last resort: handlers are guarded already
  });

  server.Post("/v1/signals",
              [routes](const Request& req, Response& res, const httplib::ContentReader& read) {
                guarded(req, res, [&] { routes->postSignals(req, res, read); });
              });
  server.Options("/v1/signals", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->preflight(req, res); });
  });
  server.Post("/v1/handoff",
              [routes](const Request& req, Response& res, const httplib::ContentReader& read) {
                guarded(req, res, [&] { routes->postHandoff(req, res, read); });
              });
  server.Options("/v1/handoff", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->preflight(req, res); });
  });
  server.Get("/agent", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->agent(req, res); });
  });
  server.Get("/v1/summary", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->summary(req, res); });
  });
  server.Get("/v1/problems", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->problems(req, res); });
  });
  server.Get("/v1/handoffs", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->handoffs(req, res); });
  });
  server.Get("/v1/conversion", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->conversion(req, res); });
  });
  server.Get("/v1/help", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->help(req, res); });
  });
  server.Get("/dashboard", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->dashboard(req, res); });
  });
  server.Get(kFindRoute, [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->findOnPage(req, res); });
  });
  // The README, which the dashboard links to (how to declare a goal): the collector's own docs.
  server.Get("/README.md", [routes](const Request& req, Response& res) {
    guarded(req, res, [&] { routes->file(req, res, ".", "README.md"); });
  });
  server.Get("/healthz", [](const Request& req, Response& res) {
    guarded(req, res, [&] { sendText(res, 200, "ok"); });
  });

  // uPlot's two files, before the /dashboard/ mount that would take their paths.
  const std::pair<const char*, const char*> mounts[] = {
      {R"(/dashboard/vendor/(uPlot\.iife\.min\.js|uPlot\.min\.css))", kChartDir},
      {R"(/dist/(.+))", "dist"},
      {R"(/dashboard/(.+))", "demo/dashboard"}};
  for (const auto& [pattern, dir] : mounts) {
    server.Get(pattern, [routes, dir = dir](const Request& req, Response& res) {
      guarded(req, res, [&] { routes->file(req, res, dir, req.matches[1].str()); });
    });
  }
  if (options.demo) addShopRoutes(server, routes);
  return true;
}


}  // namespace friction::collector

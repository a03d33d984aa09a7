#include "alert_watcher.h"

#include <chrono>
#include <iostream>

#include "problem_alerts.h"
#include "signal_store.h"

namespace friction::collector {
namespace {

int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::unique_ptr<AlertWatcher> AlertWatcher::open(SignalStore& store, const std::string& db_path,
                                                 const AlertOptions& options,
                                                 std::string& error) {
  WebhookUrl url;
  if (!parseWebhookUrl(options.webhook_url, url, error)) {
    error = "--alert-webhook: " + error;
    return nullptr;
  }
  if (!options.dashboard_url.empty() && !isHttpUrl(options.dashboard_url)) {
    error = "--dashboard-url must be an http or https URL";
    return nullptr;
  }
  auto ledger = AlertLedger::open(db_path, error);
  if (!ledger) return nullptr;
  return std::unique_ptr<AlertWatcher>(
      new AlertWatcher(&store, std::move(ledger), std::move(url), options.dashboard_url));
}

std::unique_ptr<AlertWatcher> AlertWatcher::start(SignalStore& store, const std::string& db_path,
                                                  const AlertOptions& options,
                                                  std::string& error) {
  if (options.webhook_url.empty())
    return std::unique_ptr<AlertWatcher>(new AlertWatcher(nullptr, nullptr, {}, ""));
  auto watcher = open(store, db_path, options, error);
  if (!watcher) return nullptr;
  // The first check runs on the thread too: a slow receiver must not hold up the start.
  watcher->thread_ = std::thread([raw = watcher.get()] { raw->loop(); });
  return watcher;
}

AlertWatcher::~AlertWatcher() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int AlertWatcher::checkOnce(int64_t now_ms, std::string& error) {
  const ProblemQuery query = alertQuery(now_ms);
  std::set<AlertKey> sent;
  if (!ledger_->alertedWithinWeek(query.from_day, sent, error)) return -1;
  const auto alerts = pickAlerts(store_->problems(query), sent);
  if (alerts.empty()) return 0;
  const int status = postJson(url_, alertJson(alerts, query.from_day, dashboard_url_), error);
  if (status < 200 || status > 299) {
    error = "POST to " + url_.origin() + " " +
            (status == 0 ? "got no answer (" + error + ")" : "answered " + std::to_string(status)) +
            "; retried at the next check";
    return -1;
  }
  // Sent: a failure to record it now means it is sent again at the next check, which is the
  // lesser harm than losing it.
  if (!ledger_->record(alerts, query.from_day, now_ms, error)) return -1;
  return static_cast<int>(alerts.size());
}

void AlertWatcher::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  do {
    lock.unlock();
    std::string error;
    if (checkOnce(nowMs(), error) < 0) std::cerr << "friction collector: alerts: " << error << "\n";
    lock.lock();
  } while (!wake_.wait_for(lock, std::chrono::seconds(kEveryS), [this] { return stopping_; }));
}

}  // namespace friction::collector

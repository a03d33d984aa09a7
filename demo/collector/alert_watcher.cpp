#include "alert_watcher.h"

#include <chrono>
#include <iostream>

#include "problem_alerts.h"
#include "storage.h"
#include "time_text.h"

namespace friction::collector {
std::unique_ptr<AlertWatcher> AlertWatcher::open(Storage& storage, const AlertOptions& options,
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
  return std::unique_ptr<AlertWatcher>(
      new AlertWatcher(&storage, std::move(url), options.dashboard_url));
}

std::unique_ptr<AlertWatcher> AlertWatcher::start(Storage& storage, const AlertOptions& options,
                                                  std::string& error) {
  if (options.webhook_url.empty())
    return std::unique_ptr<AlertWatcher>(new AlertWatcher(nullptr, {}, ""));
  auto watcher = open(storage, options, error);
  if (!watcher) return nullptr;
  // The first check runs on the thread too: a slow receiver must not hold up the start.
  watcher->hourly_ = std::make_unique<PeriodicThread>(
      std::chrono::seconds(kEveryS),
      [raw = watcher.get()] {
        std::string error;
        if (raw->checkOnce(nowUnixMs(), error) < 0)
          std::cerr << "friction collector: alerts: " << error << "\n";
      },
      true);
  return watcher;
}

int AlertWatcher::checkOnce(int64_t now_ms, std::string& error) {
  const ProblemQuery query = alertQuery(now_ms);
  std::set<AlertKey> sent;
  if (!storage_->alertedWithinWeek(query.from_day, sent, error)) return -1;
  const auto alerts = pickAlerts(storage_->problems(query), sent);
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
  if (!storage_->recordAlerts(alerts, query.from_day, now_ms, error)) return -1;
  return static_cast<int>(alerts.size());
}

}  // namespace friction::collector

// The alerts' hourly check (--alert-webhook): reads the last week's problems through the
// store's read side (so intake never waits on it), picks the ones to alert on
// (problem_alerts.h), POSTs them in one message and, only once the receiver answered 2xx,
// records them in the storage engine's ledger (storage.h). A failed POST is logged and the same problems are picked again
// at the next check.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "problem_alerts.h"
#include "periodic_thread.h"
#include "webhook.h"

namespace friction::collector {

class Storage;

struct AlertOptions {
  std::string webhook_url;    // empty: no alerts
  std::string dashboard_url;  // ".../dashboard" for links in the message; empty: none
};

class AlertWatcher {
 public:
  static constexpr int kEveryS = 3600;

  // Checks the URL, without checking for alerts yet. nullptr and `error` if the URL is not one
  // parseWebhookUrl takes. `storage` (which keeps the ledger of alerts sent) must outlive it.
  static std::unique_ptr<AlertWatcher> open(Storage& storage, const AlertOptions& options,
                                            std::string& error);
  // open(), then a thread that checks at once and every hour after. An empty webhook URL
  // starts nothing (and is not an error): the result is then an idle watcher.
  static std::unique_ptr<AlertWatcher> start(Storage& storage, const AlertOptions& options,
                                             std::string& error);

  // One check as of `now_ms`: the problems sent (0 when none were due), or -1 when the read,
  // the POST or the ledger failed (`error` says which; nothing is recorded as sent).
  int checkOnce(int64_t now_ms, std::string& error);

 private:
  AlertWatcher(Storage* storage, WebhookUrl url, std::string dashboard_url)
      : storage_(storage), url_(std::move(url)), dashboard_url_(std::move(dashboard_url)) {}
  Storage* storage_;
  WebhookUrl url_;
  std::string dashboard_url_;
  std::unique_ptr<PeriodicThread> hourly_;  // last: stopped before what it uses goes
};

}  // namespace friction::collector

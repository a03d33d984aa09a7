// The ClickHouse engine (storage.h), for more than one collector or more than one machine:
// `--store clickhouse://host:8123/db`. Tables and the exactly-once rule: clickhouse_schema.h.
//
// Intake batches its inserts without answering early: a request hands its batch to the writer
// thread and waits; the writer stores every batch that arrived while the previous insert ran
// in one INSERT per table (ClickHouse wants few, large inserts), then answers them all. A
// batch is acknowledged only once ClickHouse has all of its rows. Under light load a batch is
// written alone at once; under heavy load the groups grow by themselves.
//
// Nothing is held per process but the writer's queue and a connection pool: collectors on one
// ClickHouse are interchangeable, behind a load balancer or not.
#pragma once
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "clickhouse_client.h"
#include "clickhouse_schema.h"
#include "storage.h"

namespace friction::collector {

class ClickHouseStorage : public Storage {
 public:
  // Connects to `url` (clickhouse://[user[:password]@]host[:port]/database) and creates the
  // schema: the tables, or with `cluster` this shard's tables and Distributed ones over the
  // cluster's shards (clickhouse_schema.h). nullptr and `error` if the URL or cluster name is
  // wrong or ClickHouse refuses or cannot be reached.
  static std::unique_ptr<ClickHouseStorage> open(const std::string& url, std::string& error,
                                                 const std::string& cluster = "",
                                                 clickhouse::ClientOptions options = {});
  ~ClickHouseStorage() override;

  Stored storeBatch(const ReceivedBatch& batch, int64_t received_at_ms,
                    std::string& error) override;
  int64_t totalSignals() override;
  std::vector<VisitSums> visitSums() override;
  ProblemList problems(const ProblemQuery& query) override;
  std::vector<OutcomeSums> outcomeSums(int64_t from_day, int64_t to_day,
                                       const std::string& site) override;
  HelpList help(const ProblemQuery& query) override;
  std::string createHandoff(const ReceivedHandoff& handoff, int64_t now_ms,
                            std::string& error) override;
  std::vector<StoredHandoff> recentHandoffs(size_t limit) override;
  int64_t deleteStoredBefore(int64_t cutoff_ms, std::string& error) override;
  bool alertedWithinWeek(int64_t week_from_day, std::set<AlertKey>& keys,
                         std::string& error) override;
  bool recordAlerts(const std::vector<Problem>& alerts, int64_t week_from_day, int64_t sent_at_ms,
                    std::string& error) override;

 private:
  struct Pending;
  ClickHouseStorage(clickhouse::ClickHouseUrl url, clickhouse::ClientOptions options,
                    clickhouse::SchemaLayout layout);
  clickhouse::Reply insert(const std::string& table, const std::vector<clickhouse::Json>& rows);
  void writeLoop();
  void write(std::vector<Pending*>& group);
  // The rows of a SELECT; throws StoreUnreachable, or std::runtime_error when refused.
  std::vector<clickhouse::Json> rows(const std::string& select);

  clickhouse::ClickHouseClient client_;
  clickhouse::SchemaLayout layout_;
  std::mutex queue_mutex_;
  std::condition_variable queued_, written_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  std::thread writer_;  // last: started once the rest is ready
};

}  // namespace friction::collector

#include "detect/rage_click.h"

#include <algorithm>
#include <cmath>

namespace friction {

bool RageClickDetector::continuesBurst(const EventRecord& click) const {
  if (clicks_ == 0 || click.target != last_.target) return false;
  const double gap = click.time_ms - last_.time_ms;
  const double distance = std::abs(click.x - last_.x) + std::abs(click.y - last_.y);
  return gap >= 0 && gap <= thresholds_.max_gap_ms && distance <= thresholds_.max_distance_px;
}

std::optional<Detection> RageClickDetector::onClick(const EventRecord& click,
                                                    std::optional<Episode>& closed) {
  if (continuesBurst(click)) {
    ++clicks_;
  } else {
    closed = closeBurst();
    clicks_ = 1;
    first_ = click;
  }
  last_ = click;
  if (clicks_ != thresholds_.min_clicks) return std::nullopt;
  return Detection{FrictionKind::rage_click, click.target, click.time_ms, score()};
}

std::optional<Episode> RageClickDetector::closeIfIdle(double now_ms, bool force) {
  if (clicks_ == 0) return std::nullopt;
  if (!force && now_ms - last_.time_ms <= thresholds_.max_gap_ms) return std::nullopt;
  return closeBurst();
}

std::optional<Episode> RageClickDetector::closeBurst() {
  std::optional<Episode> episode;
  if (clicks_ >= thresholds_.min_clicks)
    episode = Episode{FrictionKind::rage_click, first_.target, first_.time_ms, last_.time_ms,
                      clicks_, score()};
  clicks_ = 0;
  return episode;
}

// 0.5 at the threshold, +0.1 for each click beyond it: ten furious clicks are surer than three.
double RageClickDetector::score() const {
  const double extra = clicks_ > thresholds_.min_clicks ? clicks_ - thresholds_.min_clicks : 0;
  return std::min(1.0, 0.5 + 0.1 * extra);
}

}  // namespace friction

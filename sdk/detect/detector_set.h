// Every detector, in one place. The engine feeds each event to all of them; adding a detector
// means adding it here (and its file under detect/).
#pragma once
#include <string_view>

#include "detect/cursor_thrash.h"
#include "detect/dead_click.h"
#include "detect/error_click.h"
#include "detect/form_struggle.h"
#include "detect/hesitation.h"
#include "detect/rage_click.h"
#include "detect/scroll_thrash.h"
#include "detect/slow_response.h"

namespace friction {

struct DetectorSet {
  RageClickDetector rage_click;
  DeadClickDetector dead_click;
  ErrorClickDetector error_click;
  FormStruggleDetector form_struggle;
  ScrollThrashDetector scroll_thrash;
  CursorThrashDetector cursor_thrash;
  HesitationDetector hesitation;
  SlowResponseDetector slow_response;
  // quick_back works on steps, not events: the engine holds it apart.

  template <typename Visit>
  void forEach(Visit&& visit) {
    visit(FrictionKind::rage_click, rage_click);
    visit(FrictionKind::dead_click, dead_click);
    visit(FrictionKind::error_click, error_click);
    visit(FrictionKind::form_struggle, form_struggle);
    visit(FrictionKind::scroll_thrash, scroll_thrash);
    visit(FrictionKind::cursor_thrash, cursor_thrash);
    visit(FrictionKind::hesitation, hesitation);
    visit(FrictionKind::slow_response, slow_response);
  }
};

}  // namespace friction

// The device class a batch of signals carries: a touch or a mouse pointer, and a screen-width
// class. Three widths and two pointers make six classes, each shared by millions of visitors:
// enough to tell "broken on phones" from "broken everywhere", never enough to single anyone
// out. The exact width is not sent: it varies with the window and would help fingerprinting.
#pragma once
#include <cmath>
#include <string>

namespace friction {

// Below 600 CSS px the layout is a phone's (portrait phones are 320-430 px, the common
// "small" breakpoint is 600); below 1024, a tablet's or a narrow window's (1024 is the
// classic tablet-landscape and "large" breakpoint); from there, a desktop's.
inline constexpr double kNarrowBelowPx = 600;
inline constexpr double kMediumBelowPx = 1024;

struct DeviceClass {
  std::string pointer;  // "touch" or "mouse"; "" unknown
  std::string width;    // "narrow", "medium" or "wide"; "" unknown
};

// coarse: matchMedia('(pointer: coarse)').matches; viewport_px: innerWidth. A width that is not
// a positive finite number is unknown.
inline DeviceClass classifyDevice(bool coarse, double viewport_px) {
  DeviceClass device;
  device.pointer = coarse ? "touch" : "mouse";
  if (std::isfinite(viewport_px) && viewport_px > 0)
    device.width = viewport_px < kNarrowBelowPx   ? "narrow"
                   : viewport_px < kMediumBelowPx ? "medium"
                                                  : "wide";
  return device;
}

}  // namespace friction

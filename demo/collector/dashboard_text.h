// Every word the dashboard's problems view shows, one table per language. "{}" stands for a
// value, filled in order (fillIn); values are escaped before they are filled in.
#pragma once
#include <array>
#include <string_view>

#include "detect/friction_kind.h"

namespace friction::collector {

enum class DashboardLanguage { en, fr };

struct DashboardText {
  std::string_view lang;  // <html lang>
  std::string_view page_title;
  std::string_view heading;
  std::string_view stored;  // the number of signals stored
  std::string_view other_language;  // the link to the other table: its name, in its language
  std::string_view other_lang;

  std::string_view problems_heading;
  std::string_view range;  // first day, last day, days
  // Problems left out for being small: their number, then the threshold.
  std::string_view hidden_one;
  std::string_view hidden_many;
  bool zero_is_singular;  // "0 problème" in French, "0 problems" in English
  std::string_view ignored;  // the filters that fell back
  std::string_view empty_heading;
  std::string_view empty_text;  // the threshold
  std::string_view exports;  // before the CSV and JSON links

  std::string_view filter_legend;
  std::string_view from, to, site, step, kind, all_kinds, apply, reset;

  std::string_view col_problem, col_views, col_trend, col_previous, col_daily, col_signals,
      col_first_seen, col_last_seen;
  std::string_view trend_new, trend_worse, trend_better, trend_steady;
  std::string_view whole_page;  // a problem with no element: the page itself
  std::string_view element;     // an element whose role the SDK did not name
  std::string_view on_step;     // between the kind and the step
  std::string_view peak;        // the sparkline's words: the busiest day's page views
  std::string_view full_hash;   // title of a shortened hash

  std::array<std::string_view, kFrictionKindCount> kinds;  // in FRICTION_KINDS' order

  // The device filters (device_codes.h): the label, "every one", then each class in the order
  // of kPointerNames / kWidthNames, "unknown" first.
  std::string_view pointer, all_pointers;
  std::array<std::string_view, 3> pointers;
  std::string_view width, all_widths;
  std::array<std::string_view, 4> widths;
};

inline constexpr DashboardText kEnglishText{
    "en",
    "Friction dashboard",
    "Where journeys hurt",
    "{} signals stored · times are when the collector received them",
    "Français",
    "fr",

    "Problems, ranked",
    "From {} to {} (UTC days), compared with the {} days before.",
    "{} problem with fewer than {} page views is not shown (privacy).",
    "{} problems with fewer than {} page views are not shown (privacy).",
    false,
    "Some filters could not be read and were reset: {}.",
    "No problems in this range",
    "A problem is listed once it has affected at least {} page views in the range. Try a "
    "longer range or fewer filters.",
    "Export this view:",

    "Filter problems",
    "From",
    "To",
    "Site",
    "Step",
    "Kind",
    "All kinds",
    "Show",
    "Last 28 days",

    "Problem",
    "Page views affected",
    "Trend",
    "Previous period",
    "Daily page views",
    "Signals",
    "First seen",
    "Last seen",
    "new",
    "worse",
    "better",
    "steady",
    "the page itself",
    "element",
    "on",
    "peak {} a day",
    "full hash",

    {"rage clicks", "dead click", "error after a click", "form struggle", "scroll thrash",
     "quick back", "cursor thrash", "hesitation", "slow response"},

    "Pointer",
    "Touch and mouse",
    {"not told (older SDK)", "touch", "mouse"},
    "Screen width",
    "All widths",
    {"not told (older SDK)", "narrow (under 600 px)", "medium (600 to 1023 px)",
     "wide (1024 px or more)"},
};

inline constexpr DashboardText kFrenchText{
    "fr",
    "Tableau de bord Friction",
    "Là où les parcours coincent",
    "{} signaux enregistrés · les heures sont celles de leur réception par le collecteur",
    "English",
    "en",

    "Problèmes, par ordre d’importance",
    "Du {} au {} (jours UTC), comparé aux {} jours précédents.",
    "{} problème de moins de {} pages vues n’est pas affiché (confidentialité).",
    "{} problèmes de moins de {} pages vues ne sont pas affichés (confidentialité).",
    true,
    "Certains filtres n’ont pas pu être lus et ont été remis à zéro\u00a0: {}.",
    "Aucun problème sur cette période",
    "Un problème apparaît ici dès qu’il a touché au moins {} pages vues sur la période. "
    "Essayez une période plus longue ou moins de filtres.",
    "Exporter cette vue\u00a0:",

    "Filtrer les problèmes",
    "Du",
    "Au",
    "Site",
    "Étape",
    "Type",
    "Tous les types",
    "Afficher",
    "28 derniers jours",

    "Problème",
    "Pages vues touchées",
    "Tendance",
    "Période précédente",
    "Pages vues par jour",
    "Signaux",
    "Vu la première fois",
    "Vu la dernière fois",
    "nouveau",
    "en hausse",
    "en baisse",
    "stable",
    "la page elle-même",
    "élément",
    "sur",
    "jusqu’à {} par jour",
    "empreinte complète",

    {"clics rageurs", "clic sans effet", "clic suivi d’une erreur",
     "difficulté avec un formulaire", "défilement de haut en bas répété",
     "retour rapide à la page précédente", "pointeur agité", "hésitation", "réponse lente"},

    "Pointeur",
    "Tactile et souris",
    {"non indiqué (ancien SDK)", "tactile", "souris"},
    "Largeur d’écran",
    "Toutes les largeurs",
    {"non indiquée (ancien SDK)", "étroite (moins de 600 px)",
     "moyenne (de 600 à 1023 px)", "large (1024 px ou plus)"},
};

inline const DashboardText& dashboardText(DashboardLanguage language) {
  return language == DashboardLanguage::fr ? kFrenchText : kEnglishText;
}

}  // namespace friction::collector

// Every word the dashboard's problems view shows, one table per language. "{}" stands for a
// value, filled in order (fillIn); values are escaped before they are filled in.
#pragma once
#include <array>
#include <string_view>

#include "detect/friction_cause.h"
#include "detect/friction_kind.h"

namespace friction::collector {

enum class DashboardLanguage { en, fr };

struct DashboardText {
  std::string_view lang;  // <html lang>
  std::string_view page_title;
  std::string_view heading;
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
  // "Open on the page" (find_link.h): the link, and for a step with parameters the form that
  // asks for the address of one of its pages.
  std::string_view find_on_page, find_address, find_open;

  std::array<std::string_view, kFrictionKindCount> kinds;  // in FRICTION_KINDS' order

  // What friction costs in conversions (conversion.h), per problem's step and kind.
  std::string_view col_converted, col_difference, col_visits_lost;
  std::string_view converted_cell;   // with, without: "12% / 31%"
  std::string_view difference_cell;  // difference, low, high (percentage points)
  std::string_view visits_lost_cell; // visits lost, low, high
  std::string_view too_few;          // a group under the threshold, or no comparison
  std::string_view goal_line;        // the goal's name
  std::string_view no_goal;          // no goal tallies in the range
  std::string_view no_goal_where;    // where the README explains it
  std::string_view silent_heading;
  std::string_view silent_line;      // step, silent churn, quiet views, goal
  // The device filters (device_codes.h): the label, "every one", then each class in the order
  // of kPointerNames / kWidthNames, "unknown" first.
  std::string_view pointer, all_pointers;
  std::array<std::string_view, 3> pointers;
  std::string_view width, all_widths;
  std::array<std::string_view, 4> widths;
  // Why (issue 16), under a problem whose kind tells causes: the label, one cause and its
  // signals, and each cause's words in FRICTION_CAUSES' order ("none" is never shown).
  std::string_view causes_label;
  std::string_view cause_count;  // words, signals
  std::array<std::string_view, kFrictionCauseCount> causes;
};

inline constexpr DashboardText kEnglishText{
    "en",
    "Friction dashboard",
    "Where journeys hurt",
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
    "Open on the page",
    "Address of one page of this step",
    "Open",

    {"rage clicks", "dead click", "error after a click", "form struggle", "scroll thrash",
     "quick back", "cursor thrash", "hesitation", "slow response"},

    "Converted with / without",
    "Difference (95% interval)",
    "Visits lost",
    "{} / {}",
    "{} pts ({} to {})",
    "{} ({} to {})",
    "–",
    "Conversion is to the goal “{}”, per step and kind of friction: the counts carry no element.",
    "Declare a goal to see what this costs.",
    "README, “The site’s goal, and what friction costs”",
    "Silent churn",
    "{}: {} of {} page views that met friction and asked for no help did not reach “{}” "
    "(exact counts, from visitors who agreed to signals).",
    "Pointer",
    "Touch and mouse",
    {"not told (older SDK)", "touch", "mouse"},
    "Screen width",
    "All widths",
    {"not told (older SDK)", "narrow (under 600 px)", "medium (600 to 1023 px)",
     "wide (1024 px or more)"},
    "Why:",
    "{}: {}",
    {"none", "validation loops", "re-entries", "rejected submits", "abandonments"},
};

inline constexpr DashboardText kFrenchText{
    "fr",
    "Tableau de bord Friction",
    "Là où les parcours coincent",
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
    "Ouvrir sur la page",
    "Adresse d’une page de cette étape",
    "Ouvrir",

    {"clics rageurs", "clic sans effet", "clic suivi d’une erreur",
     "difficulté avec un formulaire", "défilement de haut en bas répété",
     "retour rapide à la page précédente", "pointeur agité", "hésitation", "réponse lente"},

    "Conversion avec / sans",
    "Écart (intervalle à 95 %)",
    "Visites perdues",
    "{} / {}",
    "{} pts ({} à {})",
    "{} ({} à {})",
    "–",
    "La conversion est celle de l’objectif « {} », par étape et type de friction : "
    "les comptages ne portent sur aucun élément.",
    "Déclarez un objectif pour voir ce que cela coûte.",
    "README, « L’objectif du site, et ce que coûte la friction »",
    "Départs silencieux",
    "{} : {} des {} pages vues qui ont rencontré une friction sans demander d’aide "
    "n’ont pas atteint « {} » (comptes exacts, visiteurs ayant accepté les signaux).",
    "Pointeur",
    "Tactile et souris",
    {"non indiqué (ancien SDK)", "tactile", "souris"},
    "Largeur d’écran",
    "Toutes les largeurs",
    {"non indiquée (ancien SDK)", "étroite (moins de 600 px)",
     "moyenne (de 600 à 1023 px)", "large (1024 px ou plus)"},
    "Pourquoi\u00a0:",
    "{}\u00a0: {}",
    {"aucune", "boucles de validation", "ressaisies", "envois refusés", "abandons"},
};

inline const DashboardText& dashboardText(DashboardLanguage language) {
  return language == DashboardLanguage::fr ? kFrenchText : kEnglishText;
}

}  // namespace friction::collector

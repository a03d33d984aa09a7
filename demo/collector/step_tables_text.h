// The words of the dashboard's sections below the problems (step_sections.h), in English and
// French. Kept apart from dashboard_text.h, whose table is the problems section's.
#pragma once
#include <string_view>

#include "dashboard_language.h"

namespace friction::collector {

struct StepTablesText {
  std::string_view visits_heading, visits_note, col_site, col_step, col_visits, col_met,
      col_first_seen, col_last_seen, none_met, undetectable;
  // "{} steps with fewer than {} visits are not shown (privacy)."
  std::string_view hidden_one, hidden_many;
  std::string_view handoffs_heading, handoffs_meta, agent_view, col_asked, col_share,
      col_last_asked, not_shared;
  // "{} step with fewer than {} requests is not shown (privacy)."
  std::string_view asks_hidden_one, asks_hidden_many;
  // "To produce some: open the" <a>demo shop</a> "served by this collector, ..."
  std::string_view empty_heading, empty_before_link, empty_link, empty_after_link, empty_batches;
  std::string_view exports;  // "Export this table:", then CSV · JSON
  // French puts a (narrow no-break) space before % and writes a decimal comma.
  bool french_numbers;
  bool zero_is_singular;  // "0 étape" in French, "0 steps" in English
};

inline constexpr StepTablesText kEnglishStepTables{
    "Visits by step",
    "Share of page views that met each kind of friction, per site and step, from tallies that "
    "carry no identifier (at most one per template and page load). Tallies sent before the "
    "visitor answered were randomised on the device unless the site turned that off, so a step "
    "with any has estimated shares: shown with a 95% margin and clamped to what is possible "
    "(between the views counted exactly and all of them). /v1/summary gives the unclamped "
    "estimate and its standard error.",
    "Site",
    "Step",
    "Visits",
    "Met friction",
    "First seen",
    "Last seen",
    "none",
    "not detectable at this sample size (±{})",
    "{} step with fewer than {} visits is not shown (privacy).",
    "{} steps with fewer than {} visits are not shown (privacy).",
    "Asked for a person",
    "The last {} hand-offs, by the step the visitor was on. Their stories are in the",
    "agent view",
    "Asked",
    "Share",
    "Last asked",
    "(journey not shared)",
    "{} step with fewer than {} requests is not shown (privacy).",
    "{} steps with fewer than {} requests are not shown (privacy).",
    "No signals yet",
    "To produce some: open the",
    "demo shop",
    "served by this collector, accept the consent banner if it asks, then click the same button "
    "quickly several times (a rage click) or click something that does nothing (a dead click).",
    "The SDK sends signals in small batches to POST /v1/signals, and at the latest when the page "
    "is hidden. Reload this page to see them; a problem shows once it has 5 page views.",
    "Export this table:",
    false,
    false,
};

inline constexpr StepTablesText kFrenchStepTables{
    "Visites par étape",
    "Part des pages vues qui ont rencontré chaque type de friction, par site et par étape, "
    "d’après des comptages qui ne portent aucun identifiant (au plus un par modèle de page et "
    "par chargement). Les comptages envoyés avant la réponse du visiteur ont été brouillés sur "
    "l’appareil, sauf si le site l’a désactivé : une étape qui en a reçu montre des parts "
    "estimées, avec une marge à 95 % et ramenées à ce qui est possible (entre les vues comptées "
    "exactement et toutes). /v1/summary donne l’estimation non bornée et son erreur type.",
    "Site",
    "Étape",
    "Visites",
    "Friction rencontrée",
    "Vu la première fois",
    "Vu la dernière fois",
    "aucune",
    "non détectable avec cet échantillon (±{})",
    "{} étape de moins de {} visites n’est pas affichée (confidentialité).",
    "{} étapes de moins de {} visites ne sont pas affichées (confidentialité).",
    "Demandes à parler à une personne",
    "Les {} dernières demandes, par l’étape où se trouvait le visiteur. Leur récit est dans la",
    "vue des agents",
    "Demandes",
    "Part",
    "Dernière demande",
    "(parcours non partagé)",
    "{} étape de moins de {} demandes n’est pas affichée (confidentialité).",
    "{} étapes de moins de {} demandes ne sont pas affichées (confidentialité).",
    "Pas encore de signaux",
    "Pour en produire : ouvrez la",
    "boutique de démonstration",
    "servie par ce collecteur, acceptez le bandeau de consentement s’il le demande, puis cliquez "
    "vite plusieurs fois sur le même bouton (clics rageurs) ou sur quelque chose qui ne fait "
    "rien (clic sans effet).",
    "Le SDK envoie les signaux par petits lots à POST /v1/signals, et au plus tard quand la page "
    "est masquée. Rechargez cette page pour les voir ; un problème apparaît dès 5 pages vues.",
    "Exporter ce tableau :",
    true,
    true,
};

inline const StepTablesText& stepTablesText(DashboardLanguage language) {
  return language == DashboardLanguage::fr ? kFrenchStepTables : kEnglishStepTables;
}

}  // namespace friction::collector

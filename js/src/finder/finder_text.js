// What the element finder says to whoever opened the dashboard's link: the site's own team, in
// the page's language. Kept apart from the visitor's texts (i18n/): visitors never see these.
export const FINDER_TEXT = {
  en: {
    found: { one: 'friction: this is the element of the problem', other: 'friction: these {n} elements share the problem’s reference' },
    none: 'friction: no element of this page matches yet. It may appear after an action (a menu, a dialog, a later step of a form): the finder keeps looking for a minute.',
    close: 'Close',
    privacy: 'Found on this device; nothing was sent.',
  },
  fr: {
    found: { one: 'friction : voici l’élément du problème', other: 'friction : ces {n} éléments partagent la référence du problème' },
    none: 'friction : aucun élément de cette page ne correspond pour l’instant. Il peut apparaître après une action (un menu, une fenêtre, une étape suivante d’un formulaire) : la recherche continue pendant une minute.',
    close: 'Fermer',
    privacy: 'Trouvé sur cet appareil ; rien n’a été envoyé.',
  },
};

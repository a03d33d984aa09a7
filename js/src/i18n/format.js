// The small helpers the texts need: placeholders, plurals, dates.

// 'You accepted on {date}.' + { date: '3 May' } -> 'You accepted on 3 May.'
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// { one: '{n} click', other: '{n} clicks' } + 4 -> '4 clicks', with the language's own rules
// (French says "0 clic" and "1,5 octet" in the singular).
export function plural(lang, forms, n) {
  let category = 'other';
  try {
    category = new Intl.PluralRules(lang).select(n);
  } catch {
    category = n === 1 ? 'one' : 'other';
  }
  const number = new Intl.NumberFormat(lang).format(n);
  return fill(forms[category] || forms.other, { n: number });
}

export function formatDateTime(lang, epochMs) {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(epochMs));
  } catch {
    return new Date(epochMs).toISOString();
  }
}

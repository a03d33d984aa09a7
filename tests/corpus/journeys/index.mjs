// Every journey of the corpus, one file per site or page family. A journey is
// { name, start, expected: { kind: count }, run(page), input?: 'touch' } (mouse by default);
// names starting "calm" must stay silent.
import { accountJourneys } from './account.mjs';
import { articleJourneys } from './article.mjs';
import { gardenJourneys } from './garden.mjs';
import { phoneJourneys } from './phone.mjs';
import { shopJourneys } from './shop.mjs';

export const journeys = [...shopJourneys, ...gardenJourneys, ...accountJourneys, ...articleJourneys, ...phoneJourneys];

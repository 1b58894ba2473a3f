/** The card as one reader sees it: the operator's limited card, or every registered section for staff or for the person. */
import type { Core } from '@strapi/strapi';
import type { CardAudience, UserCardView } from '@qabilet/domain';
import type { PersonRow } from '../scope';
import { registerCardSection, sectionsOf, type CardContext } from './sections';
import { limitedOf, nameOf, personalOf } from './personal';
import { usedServicesOf } from './services';
import { recommendationsOf, resultsOf } from './results';
import { historyOfPerson } from './history';
import { recommendationsFor } from '../journal/recommendations';

// This part's own sections; the other parts register theirs the same way.
registerCardSection('personal', async (_strapi, person) => personalOf(person));
registerCardSection('services', (strapi, person, audience, { language }) => usedServicesOf(strapi, person, audience, language));
// No consultation is rated yet: the section says so until the feedback issue collects ratings.
registerCardSection('ratings', async () => ({ collected: false, ratings: [] }));
registerCardSection('results', (strapi, person, _audience, { language }) => resultsOf(strapi, person, language));
registerCardSection('recommendations', (strapi, person, _audience, { language }) => recommendationsOf(strapi, person, language));
// The consultation journal's signed recommendations: what the journal part gives every reader (never its notes).
registerCardSection('journal', (strapi, person) => recommendationsFor(strapi, person.person_key));
// What staff did is for staff: the person's own card has no history of actions.
registerCardSection('history', async (strapi, person, audience) => (audience === 'staff' ? historyOfPerson(strapi, person) : undefined));

export async function cardOf(strapi: Core.Strapi, person: PersonRow, audience: CardAudience, limited: boolean, context: CardContext): Promise<UserCardView> {
  const head = { id: person.id, name: nameOf(person), kind: person.kind, audience };
  if (limited) return { ...head, limited: true, order: ['limited'], sections: { limited: await limitedOf(strapi, person, context.language) } };
  return { ...head, limited: false, ...(await sectionsOf(strapi, person, audience, context)) };
}

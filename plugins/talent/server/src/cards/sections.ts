/**
 * The card is assembled from sections that the plugin's parts register, so that the card knows no
 * part's internals and no part knows the card's: the talents part adds the person's talent
 * entries; the journal's signed recommendations are registered in card.ts from the journal's own
 * recommendationsFor; this part adds the rest.
 *
 *   registerCardSection('talents', async (strapi, person, audience, context) => ...);
 *
 * A provider answers the section's data for the person (a registry row, already checked against
 * the reader's scope), or `undefined` to leave the section out for this audience (staff-only
 * sections answer `undefined` to 'self'). The operator's limited card calls no provider.
 */
import type { Core } from '@strapi/strapi';
import type { CardAudience, Language } from '@qabilet/domain';
import type { PersonRow } from '../scope';

export type CardContext = { language: Language; now: Date };
export type CardSectionProvider = (strapi: Core.Strapi, person: PersonRow, audience: CardAudience, context: CardContext) => Promise<unknown>;

/** Where the known sections stand on the card; sections registered under other names follow, in the order they were registered. */
export const CARD_ORDER = ['personal', 'services', 'ratings', 'results', 'recommendations', 'journal', 'talents', 'history'];

const providers = new Map<string, CardSectionProvider>();

/** Adds (or replaces, by name) a section of the card. */
export function registerCardSection(name: string, provider: CardSectionProvider): void {
  if (!/^[a-z][a-zA-Z]{1,30}$/.test(name)) throw new Error(`A card section is named by a word: ${name}`);
  providers.set(name, provider);
}

const rank = (name: string) => {
  const i = CARD_ORDER.indexOf(name);
  return i === -1 ? CARD_ORDER.length : i;
};

/** Every registered section for the person and the audience, in order; a section whose provider answers `undefined` is left out. */
export async function sectionsOf(
  strapi: Core.Strapi,
  person: PersonRow,
  audience: CardAudience,
  context: CardContext,
): Promise<{ order: string[]; sections: Record<string, unknown> }> {
  const names = [...providers.keys()].sort((a, b) => rank(a) - rank(b));
  const filled = await Promise.all(names.map(async (name) => [name, await providers.get(name)!(strapi, person, audience, context)] as const));
  const present = filled.filter(([, data]) => data !== undefined);
  return { order: present.map(([name]) => name), sections: Object.fromEntries(present) };
}

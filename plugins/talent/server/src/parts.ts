/** The plugin's parts, in the order they boot (the registry of users first: the others build on it). */
import type { Part } from './part';
import people from './people';
import specialists from './specialists';
import cards from './cards';
import talents from './talents';
import journal from './journal';

export const PARTS: Part[] = [people, specialists, cards, talents, journal];

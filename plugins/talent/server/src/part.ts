/** The plugin is made of parts (people, talents, journal, specialists, cards): the kit's parts. */
export { type Part, type PartHandler as Handler } from '@qabilet/plugin-kit/server';

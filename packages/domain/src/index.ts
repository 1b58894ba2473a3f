export * from './person.ts';
export * from './phone.ts';
export * from './profession.ts';
export * from './statistics.ts';

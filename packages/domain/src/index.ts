export * from './person.ts';
export * from './phone.ts';
export * from './profession.ts';
export * from './statistics.ts';
export * from './time.ts';
export * from './holidays.ts';
export * from './slots.ts';

export * from './person.ts';
export * from './phone.ts';

export * from './sender.ts';
export * from './outbox.ts';

/**
 * The sweep after a person's action freed time (a place left, an offer declined, a booking cancelled
 * or moved): the waitlist is offered what came free at once.
 */
import type { Core } from '@strapi/strapi';
import { offerFreedTime, type SweepScope } from '../waitlist';

/** Runs the sweep for the time a person's action freed; its failure is logged (by code), never theirs. */
export async function sweepAfter(strapi: Core.Strapi, scope: SweepScope): Promise<void> {
  try {
    await offerFreedTime(strapi, scope, new Date());
  } catch (error) {
    strapi.log.warn(`booking waitlist: sweep failed: ${(error as { code?: string }).code ?? (error as Error).name}`);
  }
}

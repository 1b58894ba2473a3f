/**
 * What other parts of Qabilet (the booking plugin, later the assessments) ask of the accounts:
 * whether a person may use the services, which children are a parent's, the audit log, and the
 * mailer and SMS sender.
 * Called as strapi.service('api::account.account').
 */
import type { Core } from '@strapi/strapi';
import { consentState } from '../../../accounts/consent';
import { findOwnChild } from '../../../accounts/children';
import { audit, type AuditEntry } from '@qabilet/plugin-kit/server';
import { getMailer } from '../../../accounts/mailer';
import { getSmsSender } from '../../../accounts/sms';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  consentState: (user: { id: number; birthDate: string; deletionRequestedAt?: string | null }) => consentState(strapi, user),
  findOwnChild: (parentId: number, documentId: unknown) => findOwnChild(strapi, parentId, documentId),
  /** Whether the parent's consent for this child is given (and not withdrawn). */
  async childConsentGiven(parentId: number, childId: number): Promise<boolean> {
    return (await strapi.db.query('api::consent.consent').count({ where: { user: parentId, child: childId, status: 'given' } })) > 0;
  },
  audit: (entry: AuditEntry) => audit(strapi, entry),
  /** The process's mailer and SMS sender (null when SMS is off), for messages other parts send. */
  mail: getMailer,
  sms: getSmsSender,
});

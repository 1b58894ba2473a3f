/** The card's personal data: every field of the registry for staff and for the person; the operator's limited card. */
import type { Core } from '@strapi/strapi';
import type { CardLimited, CardPersonal, CardRequest, ConsentState, Language, RequestStatus } from '@qabilet/domain';
import { requestNumber } from '@qabilet/domain';
import type { PersonRow } from '../scope';
import { centreNames, isoOf, requestsOf, type RequestRow } from './sources';

const OPEN: readonly string[] = ['open', 'booked', 'confirmed'];

export const nameOf = (p: PersonRow) => [p.surname, p.first_name, p.patronymic].filter(Boolean).join(' ');

export function personalOf(p: PersonRow): CardPersonal {
  return {
    kind: p.kind,
    surname: p.surname,
    firstName: p.first_name,
    patronymic: p.patronymic,
    phone: p.phone,
    email: p.email,
    birthDate: p.birth_date,
    region: p.region,
    locality: p.locality,
    education: p.education,
    userType: p.user_type,
    consent: p.consent as ConsentState,
    lastActivityAt: isoOf(p.last_activity_at),
  };
}

/** A request as the card lists it; the staff's written outcome only when `staff`. */
export function requestOf(r: RequestRow, centres: Map<string, string>, staff: boolean): CardRequest {
  return {
    number: requestNumber(r.id),
    createdAt: isoOf(r.created_at) ?? '',
    status: r.status as RequestStatus,
    service: r.service,
    format: r.format,
    centre: r.centre ? { slug: r.centre, name: centres.get(r.centre) ?? r.centre } : null,
    ...(staff ? { outcome: r.outcome ?? null } : {}),
  };
}

/** The call-centre operator's card: the name, the phone and the open requests. */
export async function limitedOf(strapi: Core.Strapi, p: PersonRow, language: Language): Promise<CardLimited> {
  const [requests, centres] = await Promise.all([requestsOf(strapi, p), centreNames(strapi, language)]);
  return {
    name: nameOf(p),
    phone: p.phone,
    openRequests: requests.filter((r) => OPEN.includes(r.status)).map((r) => requestOf(r, centres, false)),
  };
}

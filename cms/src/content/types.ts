import type { UID } from '@strapi/strapi';

const uid = (type: string) => `api::${type}.${type}` as UID.ContentType;

/** The editorial content of the public site, which content managers write. */
export const EDITORIAL_TYPES = ['news', 'page', 'faq', 'profession', 'specialty', 'institution'].map(uid);

/** The reference data the site also shows: the centres and Kazakhstan's regions and localities. */
export const REFERENCE_TYPES = ['centre', 'region', 'locality'].map(uid);

/**
 * The registry's content types. A request holds people's data, so it is hidden from the Content
 * Manager and changes only through the plugin's routes, which keep its history. People, bookings
 * and specialists are referred to by id in plain integer columns rather than Strapi relations: the
 * registry is filtered and paged over hundreds of thousands of rows, and one table with its own
 * indexes (tables.ts) answers that without joins.
 */
const hidden = { 'content-manager': { visible: false }, 'content-type-builder': { visible: false }, i18n: { localized: false } };
const editable = { 'content-type-builder': { visible: false }, i18n: { localized: false } };

export default {
  request: {
    schema: {
      kind: 'collectionType',
      collectionName: 'crm_requests',
      info: {
        singularName: 'request',
        pluralName: 'requests',
        displayName: 'Consultation request',
        description: 'A request for a consultation or testing, from first contact until it is closed. Personal data: changes go through the registry.',
      },
      options: { draftAndPublish: false },
      pluginOptions: hidden,
      attributes: {
        source: { type: 'enumeration', enum: ['site', 'call_centre', 'staff'], required: true },
        status: { type: 'enumeration', enum: ['open', 'booked', 'confirmed', 'completed', 'cancelled', 'no_show', 'no_answer'], required: true },
        service: { type: 'enumeration', enum: ['consultation', 'testing'], required: true },
        format: { type: 'enumeration', enum: ['offline', 'online'], required: true },
        personKind: { type: 'enumeration', enum: ['user', 'child', 'lead'], required: true },
        userId: { type: 'integer' },
        childId: { type: 'integer' },
        leadName: { type: 'string', maxLength: 120 },
        phone: { type: 'string', maxLength: 16 },
        region: { type: 'string', maxLength: 5 },
        centre: { type: 'string', maxLength: 80 },
        specialistId: { type: 'integer' },
        bookingId: { type: 'integer', unique: true },
        callId: { type: 'string', maxLength: 100, unique: true },
        line: { type: 'string', maxLength: 16 },
        calledAt: { type: 'datetime' },
        operatorId: { type: 'integer' },
        language: { type: 'string', maxLength: 2 },
        wish: { type: 'text', maxLength: 500 },
        outcome: { type: 'text', maxLength: 2000 },
        consent: { type: 'json' },
        history: { type: 'json', required: true },
        isDemo: { type: 'boolean', default: false },
      },
    },
  },
  'export-template': {
    schema: {
      kind: 'collectionType',
      collectionName: 'crm_export_templates',
      info: {
        singularName: 'export-template',
        pluralName: 'export-templates',
        displayName: 'Export template',
        description: "The columns of a registry export, in order, with headers in Kazakh, Russian and English (R-NFR-8: the customer's template).",
      },
      options: { draftAndPublish: false },
      pluginOptions: editable,
      attributes: {
        key: { type: 'string', required: true, unique: true, maxLength: 40, regex: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        name: { type: 'string', required: true, maxLength: 120 },
        columns: { type: 'json', required: true },
        isDefault: { type: 'boolean', default: false },
      },
    },
  },
};

/** The registry's content: the export templates staff may edit in the Content Manager. */
export default {
  'export-template': {
    schema: {
      kind: 'collectionType',
      collectionName: 'talent_export_templates',
      info: {
        singularName: 'export-template',
        pluralName: 'export-templates',
        displayName: 'Registry of users: export template',
        description: 'Columns and their headers (kk, ru, en) of an export of the registry of users',
      },
      options: { draftAndPublish: false },
      pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
      attributes: {
        key: { type: 'string', required: true, unique: true, maxLength: 40, regex: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        name: { type: 'string', required: true, maxLength: 120 },
        columns: { type: 'json', required: true },
        isDefault: { type: 'boolean', default: false },
      },
    },
  },
};

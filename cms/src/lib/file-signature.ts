/** What a file is by its bytes: the plugin kit's detection (the talent plugin's private documents use it too). */
export { checkFile, EXTENSIONS, SIGNATURE_BYTES, sniff, type KnownType, type Verdict } from '@qabilet/plugin-kit/server';

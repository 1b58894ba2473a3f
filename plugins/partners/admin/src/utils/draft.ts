/**
 * A partner as its form holds it while it is edited: every field as typed (numbers as text, the
 * redirect URIs one per line), turned into the server's body only when it is sent, so that the
 * server is the one judge of what is valid and says so field by field.
 */
import {
  COLUMN_KEYS,
  type DesktopColumns,
  type PartnerConfig,
  type PartnerInput,
  type PartnerKind,
  type PartnerTest,
  type PartnerView,
  type ScaleMap,
  type Share,
  type Text,
} from '../api';

export type ScaleDraft = { uid: string; from: string; to: string; min: string; max: string };
export type TestDraft = { uid: string; key: string; name: Text; url: string; scales: ScaleDraft[] };
export type ColumnsDraft = Record<(typeof COLUMN_KEYS)[number], string>;
export type PartnerDraft = {
  kind: PartnerKind;
  name: string;
  loginUrl: string;
  launchUrl: string;
  redirectUris: string;
  jwksUrl: string;
  share: Share;
  centre: string;
  columns: ColumnsDraft;
  tests: TestDraft[];
  /** The config as the server last gave it: what the form does not show (the deployment id) is sent back as it was. */
  base: PartnerConfig;
};

/** LTI tools report one score per test, always named so (README "Connecting an LTI 1.3 tool"). */
export const LTI_SCORE = 'score';

let counter = 0;
/** A key for React of a row that has no id of its own yet. */
export const newUid = () => `r${++counter}`;

export const emptyScale = (kind: PartnerKind): ScaleDraft => ({ uid: newUid(), from: kind === 'lti' ? LTI_SCORE : '', to: '', min: '', max: '' });
export const emptyTest = (kind: PartnerKind): TestDraft => ({ uid: newUid(), key: '', name: { kk: '', ru: '', en: '' }, url: '', scales: [emptyScale(kind)] });
export const emptyColumns = (columns: DesktopColumns = {}): ColumnsDraft =>
  Object.fromEntries(COLUMN_KEYS.map((key) => [key, columns[key] ?? ''])) as ColumnsDraft;

export function emptyDraft(kind: PartnerKind): PartnerDraft {
  return {
    kind,
    name: '',
    loginUrl: '',
    launchUrl: '',
    redirectUris: '',
    jwksUrl: '',
    share: { name: false, email: false },
    centre: '',
    columns: emptyColumns(),
    tests: [emptyTest(kind)],
    base: {},
  };
}

/** A new kind keeps the name and the tests typed so far, and starts its own settings afresh. */
export const withKind = (draft: PartnerDraft, kind: PartnerKind): PartnerDraft => ({
  ...emptyDraft(kind),
  name: draft.name,
  tests: draft.tests.map((test) => ({
    ...test,
    scales: test.scales.map((s) => (kind === 'lti' ? { ...s, from: LTI_SCORE } : s.from === LTI_SCORE ? { ...s, from: '' } : s)),
  })),
});

export function draftOf(partner: PartnerView): PartnerDraft {
  // Read as the form does: every kind's fields, each optional.
  const config: PartnerConfig = partner.config ?? {};
  return {
    kind: partner.kind,
    name: partner.name,
    loginUrl: config.loginUrl ?? '',
    launchUrl: config.launchUrl ?? '',
    redirectUris: (config.redirectUris ?? []).join('\n'),
    jwksUrl: config.jwksUrl ?? '',
    share: { name: Boolean(config.share?.name), email: Boolean(config.share?.email) },
    centre: config.centre ?? '',
    columns: emptyColumns(config.columns),
    tests: (partner.tests ?? []).map((test) => ({
      uid: newUid(),
      key: test.key,
      name: { kk: test.name?.kk ?? '', ru: test.name?.ru ?? '', en: test.name?.en ?? '' },
      url: test.url ?? '',
      scales: test.scales.map((s) => ({ uid: newUid(), from: s.from, to: s.to, min: String(s.min), max: String(s.max) })),
    })),
    base: config,
  };
}

/** A number as typed; an empty field goes as null, for the server to name it missing. */
const numberOf = (value: string): number => (value.trim() === '' ? (null as unknown as number) : Number(value.trim().replace(',', '.')));

/** The columns given a header; an empty one is left out (only `takenAt` is required). */
export const columnsOf = (columns: ColumnsDraft): DesktopColumns =>
  Object.fromEntries(
    Object.entries(columns)
      .filter(([, header]) => header.trim() !== '')
      .map(([key, header]) => [key, header.trim()]),
  );

export function configOf(draft: PartnerDraft): PartnerConfig {
  const share = { name: draft.share.name, email: draft.share.email };
  if (draft.kind === 'lti') {
    const redirectUris = draft.redirectUris
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const deploymentId = typeof draft.base.deploymentId === 'string' ? { deploymentId: draft.base.deploymentId } : {};
    return { loginUrl: draft.loginUrl.trim(), launchUrl: draft.launchUrl.trim(), redirectUris, jwksUrl: draft.jwksUrl.trim(), ...deploymentId, share };
  }
  // A signed redirect may carry no personal data (its token travels in an address).
  if (draft.kind === 'callback') return { share: { name: false, email: false } };
  return { centre: draft.centre, columns: columnsOf(draft.columns) };
}

export function testsOf(draft: PartnerDraft): PartnerTest[] {
  return draft.tests.map((test) => ({
    key: test.key.trim(),
    name: { kk: test.name.kk.trim(), ru: test.name.ru.trim(), en: test.name.en.trim() },
    ...(draft.kind !== 'desktop' && test.url.trim() ? { url: test.url.trim() } : {}),
    // An LTI score is a share of its maximum: its range is not the admin's to set.
    scales: test.scales.map((s) =>
      draft.kind === 'lti' ? ({ from: LTI_SCORE, to: s.to } as ScaleMap) : { from: s.from.trim(), to: s.to, min: numberOf(s.min), max: numberOf(s.max) },
    ),
  }));
}

export const inputOf = (draft: PartnerDraft): PartnerInput => ({ kind: draft.kind, name: draft.name.trim(), config: configOf(draft), tests: testsOf(draft) });

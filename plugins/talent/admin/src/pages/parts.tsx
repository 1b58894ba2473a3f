/** The views of the registry's parts: a tab each (shown by the rights GET /talent/me states), and their pages. */
import type { ReactNode } from 'react';
import type { RegistryMe } from '../api';
import type { MessageKey } from '../utils/translations';
import { PeopleView } from '../views/PeopleView';
import { SpecialistsView } from '../views/SpecialistsView';
import { SpecialistCardPage } from '../views/SpecialistCardPage';
import { PersonCardPage } from '../views/PersonCardPage';
import { TalentsView } from '../views/TalentsView';
import { RulesView } from '../views/RulesView';
import { JournalView } from '../views/JournalView';
import { JournalEntryPage } from '../views/JournalEntryPage';
import { ReviewView } from '../views/ReviewView';

export type Tab = { value: string; label: MessageKey; shown: (me: RegistryMe) => boolean; render: (me: RegistryMe) => ReactNode };

export const TABS: Tab[] = [
  { value: 'people', label: 'tab.people', shown: (me) => me.can.read, render: (me) => <PeopleView me={me} /> },
  { value: 'talents', label: 'tab.talents', shown: (me) => me.can.read && !me.limited, render: (me) => <TalentsView me={me} /> },
  { value: 'specialists', label: 'tab.specialists', shown: (me) => me.can.specialists, render: () => <SpecialistsView /> },
  { value: 'rules', label: 'tab.rules', shown: (me) => me.can.settings, render: () => <RulesView /> },
  { value: 'journal', label: 'tab.journal', shown: (me) => me.can.journal, render: () => <JournalView /> },
  { value: 'reviews', label: 'tab.reviews', shown: (me) => me.can.review, render: () => <ReviewView /> },
];

export const ROUTES: Array<{ path: string; element: ReactNode }> = [
  { path: 'people/:id', element: <PersonCardPage /> },
  { path: 'specialists/:id', element: <SpecialistCardPage /> },
  { path: 'journal/:id', element: <JournalEntryPage /> },
];

/** The plugin's parts, in the order they boot (the rollups first: the others read them). */
import type { Part } from '@qabilet/plugin-kit/server';
import dashboards from './dashboards';
import open from './open';
import progress from './progress';
import rollups from './rollups';

export const PARTS: Part[] = [rollups, progress, open, dashboards];

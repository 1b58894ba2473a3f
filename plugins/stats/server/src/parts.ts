/** The plugin's parts, in the order they boot (the rollups first: the others read them). */
import type { Part } from '@qabilet/plugin-kit/server';
import open from './open';
import progress from './progress';

export const PARTS: Part[] = [progress, open];

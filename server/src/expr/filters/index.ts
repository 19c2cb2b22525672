// Every filter, Pebble's (as Kestra keeps them) and Kestra's.
import type { FilterSpec } from '../registry-types';
import { collectionFilters } from './collections';
import { dateFilters } from './dates';
import { encodingFilters } from './encoding';
import { hashingFilters } from './hashing';
import { numberFilters } from './numbers';
import { serializationFilters } from './serialization';
import { stringFilters } from './strings';
import { structureFilters } from './structure';
import { transformFilters } from './transform';

export const allFilters: FilterSpec[] = [
  ...stringFilters,
  ...encodingFilters,
  ...transformFilters,
  ...collectionFilters,
  ...structureFilters,
  ...numberFilters,
  ...dateFilters,
  ...serializationFilters,
  ...hashingFilters,
];

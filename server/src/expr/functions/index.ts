// Every function, Pebble's and Kestra's.
import type { FunctionSpec } from '../registry-types';
import { contextFunctions } from './context';
import { cryptoFunctions } from './crypto';
import { dataFunctions } from './data';
import { pebbleFunctions } from './pebble';
import { renderFunctions } from './render';

export const allFunctions: FunctionSpec[] = [
  ...pebbleFunctions,
  ...dataFunctions,
  ...contextFunctions,
  ...renderFunctions,
  ...cryptoFunctions,
];

// The bench sections, in the order they run. Add one: a module exporting a BenchSection, listed here.
import type { BenchSection } from '../bench-types';
import { validationSection } from './validation';

export const sections: BenchSection[] = [validationSection];

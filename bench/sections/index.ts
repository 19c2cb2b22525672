// The bench sections, in the order they run. Add one: a module exporting a BenchSection, listed here.
import type { BenchSection } from '../bench-types';
import { validationSection } from './validation';
import { expressionsSection } from './expressions';
import { lspDiagnosticsSection } from './lsp-diagnostics';
import { lspFeaturesSection } from './lsp-features';
import { lspStartupSection } from './lsp-startup';
import { engineLogSection } from './engine-log';
import { engineHttpSection } from './engine-http';
import { extensionSection } from './extension';

export const sections: BenchSection[] = [
  validationSection,
  expressionsSection,
  lspDiagnosticsSection,
  lspFeaturesSection,
  lspStartupSection,
  engineLogSection,
  engineHttpSection,
  extensionSection,
];

export { definitionAt } from './definition';
export { referencesAt } from './references';
export { prepareRename, renameAt, type PrepareRenameResult, type RenameResult } from './rename';

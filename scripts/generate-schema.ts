// `npm run schema`: checks schemas/catalog/*.yaml and writes schemas/flow.schema.json and
// schemas/catalog.json. A mistake in the source is reported with its file and plugin, exit code 1.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CATALOG_JSON_PATH, FLOW_SCHEMA_PATH, generate } from '../schemas/generator/generate';
import { SourceErrors } from '../schemas/generator/source-reader';

function main(): void {
  try {
    const generated = generate();
    writeFileSync(FLOW_SCHEMA_PATH, generated.schemaText);
    writeFileSync(CATALOG_JSON_PATH, generated.catalogText);
    const definitions = Object.keys(generated.schema.definitions as object).length;
    console.log(
      `wrote ${relative(process.cwd(), FLOW_SCHEMA_PATH)} (${definitions} definitions, ` +
        `${Math.round(generated.schemaText.length / 1024)} KiB) and ${relative(process.cwd(), CATALOG_JSON_PATH)} ` +
        `(${generated.catalog.plugins.length} plugins, ${Math.round(generated.catalogText.length / 1024)} KiB)`,
    );
  } catch (error) {
    console.error(
      error instanceof SourceErrors ? error.message : `schema generation failed: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}

main();

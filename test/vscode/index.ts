// Extension-host test entry (the standard `run()` of @vscode/test-electron and @vscode/test-web):
// VS Code loads this module inside the extension host and waits for the promise.
import Mocha from 'mocha';
import { addSuite } from './extension.suite';
import { addSecretsSuite } from './secrets.suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ timeout: 60_000, color: false, reporter: 'spec' });
  addSuite(mocha.suite);
  addSecretsSuite(mocha.suite);
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} extension test(s) failed.`)) : resolve(),
    );
  });
}

// `npm start`: the main job on the embedded example site. Builds, packages the .vsix, checks
// examples/blog with the CLI and prints how to install the extension. Finding the example's
// intentional broken links is success, so the check's exit code 1 is expected here.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

console.log('▸ Building and packaging the extension…');
if (run('npm', ['run', '--silent', 'package']) !== 0) {
  console.error('Packaging failed.');
  process.exit(1);
}
const size = statSync('postcraft.vsix').size;
console.log(`  postcraft.vsix: ${(size / 1024).toFixed(0)} KiB\n`);

console.log('▸ postcraft check examples/blog\n');
const code = run(process.execPath, ['dist/cli.js', 'check', 'examples/blog']);
if (code === 2) {
  console.error('The check could not run (exit 2).');
  process.exit(1);
}
console.log(`\n(check exit code ${code}: ${code === 1 ? 'the example blog keeps a few broken links on purpose — see examples/blog/README.md' : 'no errors'})`);
console.log('\nInstall the extension into VS Code with:\n  code --install-extension postcraft.vsix\n');
console.log('Other commands: node dist/cli.js pages examples/blog | node dist/cli.js --help');

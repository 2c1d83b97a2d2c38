// Plotly ships pre-minified; copying it beside the app (instead of bundling it) keeps `vite build` fast and lets
// the browser cache it for a year: its version is in its name, which vite.config.js writes into index.html.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(web, 'node_modules', 'plotly.js-dist-min');
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
mkdirSync(join(web, 'public', 'vendor'), { recursive: true });
copyFileSync(join(pkg, 'plotly.min.js'), join(web, 'public', 'vendor', `plotly-${version}.min.js`));

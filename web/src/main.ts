import './styles/console.css';
import './styles/workspace.css';
import { startConsole } from './console/app';
import { startStatusPage } from './status/page';

const root = document.getElementById('app');
if (!root) throw new Error('console root element #app is missing from index.html');
// /status is the system status page (no login needed); every other path is the console.
if (window.location.pathname.replace(/\/+$/, '') === '/status') startStatusPage(root);
else void startConsole(root);

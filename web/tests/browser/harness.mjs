// Shared harness for the end-to-end console tests: the real shouwang server on a
// generated demo city, accounts and units seeded through the CLI and the API, and
// Debian's Chromium driven through playwright-core (no browser is ever downloaded).
//
// Requires:
//   SHOUWANG_BIN   path of the shouwang executable (e.g. ../build/release/shouwang)
//   /usr/bin/chromium
//   web/dist       produced by `npm run build`
//
// Typical use in a test file:
//
//   const bin = checkPrerequisites();
//   const city = await prepareCity(await tempDir('shouwang-city-'));
//   const server = await startServer(bin, { dataDir: city.dir });
//   await seedUnits(server, city);
//   const browser = await launchBrowser();
//   const { page, errors } = await newConsole(browser, server, { user: 'dispatcher' });
//   await page.goto(server.url + '/');
//   ...
//   after(cleanup);

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The console's project directory (web/). */
export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built console the server is pointed at. */
export const DIST_DIR = path.join(WEB_DIR, 'dist');
/** Where screenshots are written. */
export const ARTIFACTS_DIR = path.join(WEB_DIR, 'test-artifacts');
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Password of every account prepareCity creates. */
export const PASSWORD = 'shouwang-e2e-Passw0rd';
/** localStorage key of the console's language choice (see web/src/i18n/persistence.ts). */
export const LOCALE_STORAGE_KEY = 'shouwang.console.locale';
/** Name of the session cookie a cookie login sets. */
export const SESSION_COOKIE = 'sw_session';
export const DEFAULT_VIEWPORT = Object.freeze({ width: 1280, height: 720 });
export const UI_TIMEOUT_MS = 10_000;

const SERVER_START_TIMEOUT_MS = 20_000;
const SERVER_STOP_TIMEOUT_MS = 10_000;
const RESTART_BIND_RETRY_MS = 5_000;
const TOOL_TIMEOUT_MS = 60_000;
const PREPARED_MARKER = '.e2e-prepared.json';

export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
]);

/**
 * An account created by prepareCity.
 * @typedef {{ username: string, password: string, role: string, scope: string, unit?: string, name: string }} Account
 */

/**
 * A police station of the generated city.
 * @typedef {{ code: string, name: string, name_en: string }} Station
 */

/**
 * A prepared city data directory.
 * @typedef {{
 *   dir: string,
 *   seed: number,
 *   sizeKm: number,
 *   cityCode: string,
 *   cityName: string,
 *   cityNameEn: string,
 *   stations: Station[],
 *   password: string,
 *   accounts: Record<string, Account>,
 * }} City
 */

/**
 * Options a server was started with.
 * @typedef {{ dataDir?: string, port?: number, extraArgs?: string[], webDir?: string }} ServerOptions
 */

/**
 * A running server.
 * @typedef {{
 *   child: import('node:child_process').ChildProcess,
 *   bin: string,
 *   options: ServerOptions,
 *   url: string,
 *   port: number,
 *   stdout: () => string,
 *   stderr: () => string,
 *   stop: () => Promise<void>,
 * }} Server
 */

/**
 * A user to log in as: a username (with PASSWORD) or an account.
 * @typedef {string | { username: string, password?: string }} UserRef
 */

/**
 * A bearer-token JSON client of the server's API.
 * @typedef {{
 *   token: string,
 *   user: any,
 *   get: (apiPath: string) => Promise<any>,
 *   post: (apiPath: string, body?: unknown) => Promise<any>,
 *   request: (method: string, apiPath: string, body?: unknown) => Promise<any>,
 * }} ApiClient
 */

/**
 * A unit to register and put on duty. The home post is `offset` metres from the
 * city centre, moved onto the nearest road.
 * @typedef {{
 *   unit: string,
 *   station?: string,
 *   name?: string,
 *   type?: string,
 *   capabilities?: string[],
 *   crew?: string[],
 *   offset?: { east: number, north: number },
 * }} UnitSpec
 */

/**
 * A browser context with one page, logged in unless no user was given.
 * @typedef {{
 *   context: import('playwright-core').BrowserContext,
 *   page: import('playwright-core').Page,
 *   errors: string[],
 *   session: any,
 * }} Console
 */

// ---------------------------------------------------------------------------
// Prerequisites, processes and temporary directories
// ---------------------------------------------------------------------------

/**
 * Checks SHOUWANG_BIN, Chromium and the built console; throws one error listing
 * everything that is missing. Returns the absolute path of the shouwang executable.
 * @returns {string}
 */
export function checkPrerequisites() {
  const problems = [];
  const bin = process.env.SHOUWANG_BIN;
  if (!bin) {
    problems.push('SHOUWANG_BIN is not set: point it at the shouwang executable, e.g. SHOUWANG_BIN=../build/release/shouwang');
  } else if (!existsSync(bin)) {
    problems.push(`SHOUWANG_BIN=${bin} does not exist: build the server first`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    problems.push(`${CHROMIUM_PATH} is missing: install Debian's chromium package (apt-get install chromium)`);
  }
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    problems.push(`${path.relative(process.cwd(), DIST_DIR) || DIST_DIR}/index.html is missing: run \`npm run build\` first`);
  }
  if (problems.length > 0) {
    throw new Error(`browser test prerequisites not met:\n  - ${problems.join('\n  - ')}`);
  }
  return path.resolve(/** @type {string} */ (bin));
}

/**
 * The shouwang executable named by SHOUWANG_BIN (absolute); throws when unset.
 * @returns {string}
 */
export function shouwangBin() {
  const bin = process.env.SHOUWANG_BIN;
  if (!bin) throw new Error('SHOUWANG_BIN is not set: point it at the shouwang executable');
  return path.resolve(bin);
}

/**
 * Runs `bin args…` to completion and resolves with its stdout; rejects with
 * stdout and stderr unless it exits with code 0. `input` is written to stdin.
 * @param {string} bin
 * @param {string[]} args
 * @param {{ input?: string, timeoutMs?: number }} [options]
 * @returns {Promise<string>}
 */
export function run(bin, args, { input, timeoutMs = TOOL_TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (input !== undefined) {
      // A tool that exits without reading its input must not crash the test run (EPIPE).
      child.stdin?.on('error', () => {});
      child.stdin?.end(input);
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${bin}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else {
        reject(
          new Error(`${path.basename(bin)} ${args.join(' ')} failed (code ${code}, signal ${signal})\n${stdout}${stderr}`),
        );
      }
    });
  });
}

/** @type {Set<string>} */
const tempDirs = new Set();

/**
 * Creates a fresh directory under the system temp directory; removeTempDirs()
 * (or cleanup()) deletes it.
 * @param {string} [prefix]
 * @returns {Promise<string>}
 */
export async function tempDir(prefix = 'shouwang-e2e-') {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Deletes every directory tempDir() created. */
export async function removeTempDirs() {
  const dirs = [...tempDirs];
  tempDirs.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

// ---------------------------------------------------------------------------
// City data: map, road graph, organisation and accounts
// ---------------------------------------------------------------------------

/**
 * Writes the demo city to `file` (`shouwang gen-city`).
 * @param {string} bin
 * @param {string} file
 * @param {{ seed?: number, sizeKm?: number }} [options]
 */
export async function generateCity(bin, file, { seed = 1, sizeKm = 6 } = {}) {
  await run(bin, ['gen-city', '--seed', String(seed), '--size-km', String(sizeKm), '--out', file]);
}

/**
 * Builds the road graph, place index (and basemap when tilemaker is installed)
 * of an OSM file into `dir` (`shouwang import-osm`).
 * @param {string} bin
 * @param {string} file
 * @param {string} dir
 */
export async function importOsm(bin, file, dir) {
  await run(bin, ['import-osm', file, '--out', dir]);
}

/**
 * The organisation tree of a data directory (`shouwang org --json`).
 * @param {string} bin
 * @param {string} dir
 * @returns {Promise<{ units: Array<{ code: string, name: string, name_en: string, level: string, parent: string | null }> }>}
 */
export async function readOrg(bin, dir) {
  return JSON.parse(await run(bin, ['org', '--data', dir, '--json']));
}

/**
 * Creates an account in the data directory's event log (`shouwang user add`).
 * @param {string} bin
 * @param {string} dir
 * @param {Account} account
 */
export async function addUser(bin, dir, account) {
  const args = ['user', 'add', account.username, '--role', account.role, '--scope', account.scope];
  if (account.unit) args.push('--unit', account.unit);
  if (account.name) args.push('--name', account.name);
  args.push('--password-stdin', '--data', dir);
  await run(bin, args, { input: `${account.password}\n` });
}

/**
 * The accounts every prepared city has.
 * @param {string} cityCode
 * @param {Station[]} stations
 * @param {string} password
 * @returns {Record<string, Account>}
 */
function standardAccounts(cityCode, stations, password) {
  const firstStation = stations[0]?.code;
  if (!firstStation) throw new Error('the generated city has no police station');
  /** @type {Account[]} */
  const list = [
    { username: 'calltaker', role: 'call_taker', scope: cityCode, name: '接警员甲', password },
    { username: 'dispatcher', role: 'dispatcher', scope: cityCode, name: '调度员甲', password },
    { username: 'dispatcher2', role: 'dispatcher', scope: cityCode, name: '调度员乙', password },
    { username: 'admin', role: 'admin', scope: cityCode, name: '系统管理员', password },
    { username: 'term-a01', role: 'unit_terminal', scope: firstStation, unit: 'A-01', name: 'A-01 车载终端', password },
  ];
  return Object.fromEntries(list.map((account) => [account.username, account]));
}

/**
 * Prepares a city data directory: generates the demo city, imports it, reads its
 * organisation and creates the standard accounts (calltaker, dispatcher,
 * dispatcher2, admin with city scope; term-a01, the terminal of unit A-01, with
 * the first station's scope), all with PASSWORD.
 *
 * A directory that was already prepared with the same seed and size is reused as
 * it is (a marker file records the result). `dir` belongs to the harness: a
 * half-prepared event log left by an interrupted run is discarded.
 * @param {string} dir
 * @param {{ seed?: number, sizeKm?: number, bin?: string }} [options]
 * @returns {Promise<City>}
 */
export async function prepareCity(dir, { seed = 1, sizeKm = 6, bin = shouwangBin() } = {}) {
  const marker = path.join(dir, PREPARED_MARKER);
  if (existsSync(marker)) {
    /** @type {City} */
    const cached = JSON.parse(await readFile(marker, 'utf8'));
    if (cached.seed !== seed || cached.sizeKm !== sizeKm) {
      throw new Error(
        `${dir} holds the city of seed ${cached.seed}, ${cached.sizeKm} km, not seed ${seed}, ${sizeKm} km: use another directory`,
      );
    }
    return { ...cached, dir };
  }

  await mkdir(dir, { recursive: true });
  await Promise.all(
    ['events.db', 'events.db-wal', 'events.db-shm'].map((name) => rm(path.join(dir, name), { force: true })),
  );
  const osmFile = path.join(dir, 'city.osm.pbf');
  await generateCity(bin, osmFile, { seed, sizeKm });
  await importOsm(bin, osmFile, dir);

  const org = await readOrg(bin, dir);
  const cityUnit = org.units.find((unit) => unit.level === 'city');
  if (!cityUnit) throw new Error(`shouwang org found no city in ${dir}`);
  const stations = org.units
    .filter((unit) => unit.level === 'station')
    .map(({ code, name, name_en }) => ({ code, name, name_en }));
  const accounts = standardAccounts(cityUnit.code, stations, PASSWORD);
  // One at a time: every call appends to the same event log.
  for (const account of Object.values(accounts)) await addUser(bin, dir, account);

  /** @type {City} */
  const city = {
    dir,
    seed,
    sizeKm,
    cityCode: cityUnit.code,
    cityName: cityUnit.name,
    cityNameEn: cityUnit.name_en,
    stations,
    password: PASSWORD,
    accounts,
  };
  await writeFile(marker, `${JSON.stringify(city, null, 2)}\n`);
  return city;
}

// ---------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------

/** @type {Set<Server>} */
const servers = new Set();

/**
 * Starts `bin serve --host 127.0.0.1 --port P --web <dist> [--data DIR] extraArgs…`
 * and resolves once it prints `listening on http://127.0.0.1:<port>`. Every
 * server is stopped by stopAllServers().
 * @param {string} bin
 * @param {ServerOptions} [options]
 * @returns {Promise<Server>}
 */
export function startServer(bin, options = {}) {
  const { dataDir, port = 0, extraArgs = [], webDir = DIST_DIR } = options;
  const args = ['serve', '--host', '127.0.0.1', '--port', String(port), '--web', webDir];
  if (dataDir) args.push('--data', dataDir);
  args.push(...extraArgs);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {string[]} */
    const stdoutLines = [];
    let serverStderr = '';
    /** @type {Server} */
    const server = {
      child,
      bin,
      options: { ...options },
      url: '',
      port: 0,
      stdout: () => stdoutLines.join('\n'),
      stderr: () => serverStderr,
      stop: () => stopServer(server),
    };
    servers.add(server);
    let settled = false;
    /** @param {string} reason */
    const fail = (reason) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      servers.delete(server);
      const error = new Error(
        `${reason}\n--- server stdout ---\n${server.stdout()}\n--- server stderr ---\n${serverStderr}`,
      );
      Object.assign(error, { addressInUse: /address already in use/i.test(serverStderr) });
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(`server did not print "listening on http://127.0.0.1:PORT" within ${SERVER_START_TIMEOUT_MS} ms`);
      child.kill('SIGKILL');
    }, SERVER_START_TIMEOUT_MS);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      serverStderr += chunk;
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdoutLines.push(line);
      const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(line);
      if (match && !settled && Number(match[2]) > 0) {
        settled = true;
        clearTimeout(timer);
        server.url = /** @type {string} */ (match[1]);
        server.port = Number(match[2]);
        resolve(server);
      }
    });
    child.on('error', (error) => fail(`cannot start ${bin}: ${error.message}`));
    child.on('exit', (code, signal) => {
      if (settled) return;
      // Give the pipes a moment to deliver the last stderr lines before reporting.
      const report = () => fail(`server exited before listening (code ${code}, signal ${signal})`);
      const grace = setTimeout(report, 500);
      child.once('close', () => {
        clearTimeout(grace);
        report();
      });
    });
  });
}

/**
 * Sends SIGTERM and waits for the process to exit; escalates to SIGKILL and
 * throws if it does not exit in time.
 * @param {Server} server
 */
async function stopServer(server) {
  servers.delete(server);
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.kill('SIGTERM');
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const outcome = await Promise.race([
    exited,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), SERVER_STOP_TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === null) child.kill('SIGKILL');
  await exited;
  // Descendants the server may have left behind must not keep this process alive via its pipes.
  child.stdout?.destroy();
  child.stderr?.destroy();
  if (outcome === null) {
    throw new Error(`server did not exit within ${SERVER_STOP_TIMEOUT_MS} ms of SIGTERM\n${server.stderr()}`);
  }
}

/**
 * Stops `server` (SIGTERM, waiting for it to exit) and starts it again with the
 * same arguments on the same port, retrying for a few seconds while the port is
 * still busy. Resolves with the new server; the old handle is dead.
 * @param {Server} server
 * @returns {Promise<Server>}
 */
export async function restartServer(server) {
  await server.stop();
  const deadline = Date.now() + RESTART_BIND_RETRY_MS;
  for (;;) {
    try {
      return await startServer(server.bin, { ...server.options, port: server.port });
    } catch (error) {
      if (!(/** @type {any} */ (error).addressInUse) || Date.now() >= deadline) throw error;
      await delay(200);
    }
  }
}

/** Stops every server startServer() started that is still running. */
export async function stopAllServers() {
  const outcomes = await Promise.allSettled([...servers].map((server) => server.stop()));
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

// ---------------------------------------------------------------------------
// API client and seeding
// ---------------------------------------------------------------------------

/**
 * @param {UserRef} user
 * @returns {{ username: string, password: string }}
 */
function credentials(user) {
  if (typeof user === 'string') return { username: user, password: PASSWORD };
  return { username: user.username, password: user.password ?? PASSWORD };
}

/**
 * Logs in with a bearer token and returns a small JSON client. Every call
 * resolves with the parsed body and throws with status and body on a non-2xx answer.
 * @param {Pick<Server, 'url'>} server
 * @param {UserRef} user
 * @returns {Promise<ApiClient>}
 */
export async function api(server, user) {
  const { username, password } = credentials(user);
  /**
   * @param {string} method
   * @param {string} apiPath
   * @param {unknown} [body]
   * @param {string} [token]
   */
  const send = async (method, apiPath, body, token) => {
    /** @type {Record<string, string>} */
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(apiPath, server.url), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${apiPath} as ${username}: HTTP ${response.status}\n${text}`);
    return text === '' ? null : JSON.parse(text);
  };
  const login = await send('POST', '/api/v1/auth/login', { username, password, kind: 'bearer' });
  const token = login.token;
  return {
    token,
    user: login.user,
    request: (method, apiPath, body) => send(method, apiPath, body, token),
    get: (apiPath) => send('GET', apiPath, undefined, token),
    post: (apiPath, body = {}) => send('POST', apiPath, body, token),
  };
}

/**
 * The units seedUnits() registers when given none: A-01 at the first station
 * (the unit of the term-a01 account), A-02 and A-03 at the next stations, all
 * with home posts a few hundred metres from the centre.
 * @param {City} city
 * @returns {UnitSpec[]}
 */
export function defaultUnits(city) {
  const station = (/** @type {number} */ index) => city.stations[index % city.stations.length]?.code;
  return [
    { unit: 'A-01', station: station(0), offset: { east: 300, north: 0 } },
    { unit: 'A-02', station: station(1), offset: { east: 0, north: 400 } },
    { unit: 'A-03', station: station(2), offset: { east: -350, north: -250 } },
  ];
}

/**
 * The point `east` / `north` metres from `from`.
 * @param {{ lat: number, lon: number }} from
 * @param {{ east: number, north: number }} offset
 */
export function offsetPoint(from, { east, north }) {
  const metresPerDegree = 111_320;
  return {
    lat: from.lat + north / metresPerDegree,
    lon: from.lon + east / (metresPerDegree * Math.cos((from.lat * Math.PI) / 180)),
  };
}

/**
 * The point on the road network nearest `to`, as the end of the route to it
 * from `from` (`shouwang route --geojson`); `to` itself when no route is found.
 * @param {string} bin
 * @param {string} dataDir
 * @param {{ lat: number, lon: number }} from
 * @param {{ lat: number, lon: number }} to
 */
async function onRoad(bin, dataDir, from, to) {
  try {
    const feature = JSON.parse(
      await run(bin, [
        'route', '--data', dataDir, '--geojson',
        '--from', `${from.lat},${from.lon}`, '--to', `${to.lat},${to.lon}`,
      ]),
    );
    const [lon, lat] = feature.geometry.coordinates.at(-1);
    if (Number.isFinite(lat) && Number.isFinite(lon)) return { lat, lon };
  } catch {
    // Fall through: an off-road post still works, routing snaps it.
  }
  return to;
}

/**
 * Registers units as admin and starts their shifts as dispatcher, so they are
 * on duty and available. Units already registered or on duty are left as they
 * are, so a reused data directory can be seeded again. Resolves with the units
 * as the API reports them (`{id, status, profile, shift, …}`).
 * @param {Server} server
 * @param {City} city
 * @param {UnitSpec[]} [units]
 * @returns {Promise<any[]>}
 */
export async function seedUnits(server, city, units = defaultUnits(city)) {
  const [admin, dispatcher, cityInfo] = await Promise.all([
    api(server, city.accounts.admin ?? 'admin'),
    api(server, city.accounts.dispatcher ?? 'dispatcher'),
    fetch(new URL('/api/v1/city', server.url)).then((response) => response.json()),
  ]);
  if (!cityInfo.loaded) throw new Error('seedUnits needs a server started with --data');
  const [centreLon, centreLat] = cityInfo.centre;
  const centre = { lat: centreLat, lon: centreLon };
  const registered = new Set(unitList(await admin.get('/api/v1/units')).map((unit) => unit.id));

  const seeded = [];
  for (const [index, spec] of units.entries()) {
    const unitPath = `/api/v1/units/${encodeURIComponent(spec.unit)}`;
    if (!registered.has(spec.unit)) {
      const post = await onRoad(server.bin, city.dir, centre, offsetPoint(centre, spec.offset ?? { east: 0, north: 0 }));
      await admin.post('/api/v1/units', {
        unit: spec.unit,
        profile: {
          name: spec.name ?? `巡逻车 ${spec.unit}`,
          type: spec.type ?? 'patrol_car',
          station: spec.station ?? city.stations[0]?.code,
          capabilities: spec.capabilities ?? ['patrol', 'medical_liaison', 'traffic'],
          home_post: post,
        },
      });
    }
    let { unit } = await admin.get(unitPath);
    if (unit.status === 'off_duty') {
      const crew = spec.crew ?? [`0100${String(index + 1).padStart(2, '0')}`];
      ({ unit } = await dispatcher.post(`${unitPath}/shift/start`, { crew }));
    }
    seeded.push(unit);
  }
  return seeded;
}

/**
 * The units of a GET /api/v1/units answer (`{items, seq}`).
 * @param {{ items: any[] }} body
 * @returns {any[]}
 */
export function unitList(body) {
  if (!Array.isArray(body?.items)) {
    throw new Error(`unexpected GET /api/v1/units answer: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.items;
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

/** @type {Set<import('playwright-core').Browser>} */
const browsers = new Set();

/**
 * Launches Debian's Chromium headless. closeAllBrowsers() (or cleanup()) closes it.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  browsers.add(browser);
  browser.once('disconnected', () => browsers.delete(browser));
  return browser;
}

/** Closes every browser launchBrowser() launched. */
export async function closeAllBrowsers() {
  const open = [...browsers];
  browsers.clear();
  await Promise.allSettled(open.map((browser) => browser.close()));
}

/**
 * Appends uncaught page errors and console errors (including failed resource
 * loads) of `page` to `errors`, and returns `errors`.
 * @param {import('playwright-core').Page} page
 * @param {string[]} [errors]
 * @returns {string[]}
 */
export function collectErrors(page, errors = []) {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * A new browser context. Its browser locale is `locale`; with `storeLocale`
 * the console's language choice is preset to `locale` in localStorage before
 * any page script runs, unless a page of the context has stored one already
 * (so a switch made in the console survives reloads).
 * @param {import('playwright-core').Browser} browser
 * @param {{ locale?: 'zh-CN' | 'en', viewport?: { width: number, height: number }, storeLocale?: boolean }} [options]
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
export async function newBrowserContext(browser, { locale = 'zh-CN', viewport = DEFAULT_VIEWPORT, storeLocale = true } = {}) {
  const context = await browser.newContext({ locale, viewport });
  if (storeLocale) {
    await context.addInitScript(
      ({ key, value }) => {
        try {
          if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, value);
        } catch {
          // Storage unavailable (e.g. an opaque origin): the console falls back to its default.
        }
      },
      { key: LOCALE_STORAGE_KEY, value: locale },
    );
  }
  return context;
}

/**
 * A console for `user`: a new browser context holding the user's session cookie
 * (cookie login through the context's request API), the language preset to
 * `locale`, and one blank page. Page and console errors of every page of the
 * context land in `errors`. Nothing is navigated. Without `user` the context is
 * not logged in.
 * @param {import('playwright-core').Browser} browser
 * @param {Pick<Server, 'url'>} server
 * @param {{ user?: UserRef | null, locale?: 'zh-CN' | 'en', viewport?: { width: number, height: number } }} [options]
 * @returns {Promise<Console>}
 */
export async function newConsole(browser, server, { user = null, locale = 'zh-CN', viewport = DEFAULT_VIEWPORT } = {}) {
  const context = await newBrowserContext(browser, { locale, viewport });
  /** @type {string[]} */
  const errors = [];
  context.on('page', (page) => collectErrors(page, errors));
  try {
    let session = null;
    if (user) {
      const { username, password } = credentials(user);
      const response = await context.request.post(new URL('/api/v1/auth/login', server.url).href, {
        data: { username, password, kind: 'cookie' },
      });
      if (!response.ok()) {
        throw new Error(`cookie login as ${username}: HTTP ${response.status()}\n${await response.text()}`);
      }
      session = await response.json();
    }
    const page = await context.newPage();
    return { context, page, errors, session };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Saves a full-page screenshot as web/test-artifacts/<name>.png and returns its path.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @returns {Promise<string>}
 */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until the element with data-testid `id` is visible and, when `text` is
 * given, until its trimmed text equals it (string) or matches it (RegExp).
 * Resolves with the locator.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @param {{ text?: string | RegExp, timeout?: number }} [options]
 * @returns {Promise<import('playwright-core').Locator>}
 */
export async function waitForTestId(page, id, { text, timeout = UI_TIMEOUT_MS } = {}) {
  const locator = page.getByTestId(id);
  const started = Date.now();
  await locator.first().waitFor({ state: 'visible', timeout });
  if (text === undefined) return locator;
  let last = '';
  await waitUntil(
    async () => {
      last = ((await locator.first().textContent()) ?? '').trim();
      return typeof text === 'string' ? last === text : text.test(last);
    },
    {
      timeout: Math.max(0, timeout - (Date.now() - started)),
      message: () => `[data-testid="${id}"] text is ${JSON.stringify(last)}, expected ${String(text)}`,
    },
  );
  return locator;
}

/**
 * Polls `condition` until it returns a truthy value and resolves with it;
 * throws with `message` after `timeout` ms.
 * @template T
 * @param {() => T | Promise<T>} condition
 * @param {{ timeout?: number, interval?: number, message?: string | (() => string) }} [options]
 * @returns {Promise<T>}
 */
export async function waitUntil(condition, { timeout = UI_TIMEOUT_MS, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeout} ms: ${typeof message === 'function' ? message() : message}`);
    }
    await delay(interval);
  }
}

/**
 * The usual start of a console test file: a prepared city in a fresh temporary directory,
 * its server, the default units on duty and a browser; cleanup() undoes it all.
 * @param {string} prefix  name prefix of the temporary directory
 * @returns {Promise<{ city: City, server: Server, units: any[], browser: import('playwright-core').Browser }>}
 */
export async function openCityForConsoles(prefix) {
  const bin = checkPrerequisites();
  const city = await prepareCity(await tempDir(prefix));
  const server = await startServer(bin, { dataDir: city.dir });
  const units = await seedUnits(server, city);
  const browser = await launchBrowser();
  return { city, server, units, browser };
}

/**
 * Opens the console at "/" and waits until its stream is live.
 * @param {import('playwright-core').Page} page
 * @param {Pick<Server, 'url'>} server
 */
export async function openLive(page, server, timeout = 15_000) {
  await page.goto(new URL('/', server.url).href);
  await page.locator('[data-testid="link-status"][data-state="live"]').waitFor({ timeout });
}

// ---------------------------------------------------------------------------
// Teardown
// ---------------------------------------------------------------------------

/**
 * Closes all browsers, stops all servers and removes all temporary directories;
 * rethrows the first failure once everything has been attempted. Meant for `after()`.
 */
export async function cleanup() {
  const outcomes = await Promise.allSettled([closeAllBrowsers(), stopAllServers()]);
  await removeTempDirs();
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

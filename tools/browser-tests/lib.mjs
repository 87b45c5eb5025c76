// Shared helpers for the browser tests: Debian's Chromium driven by playwright-core, the Camunda
// webapps' login, and filling our Camunda Forms (forms/*.form) by field key.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser's language; the webapps' chrome follows it, our tests do not depend on it. */
export const LOCALE = 'zh-CN';
export const TIMEZONE = 'Asia/Shanghai';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');

export function argument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback !== undefined) return fallback;
  throw new Error(`missing --${name}`);
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-background-networking'],
  });
}

/**
 * A fresh browser context (own cookies, i.e. its own login) in Chinese and Beijing time, or in
 * the time zone {@code timezoneId} (the screens must show Shanghai time whatever the browser's).
 */
export async function newPage(browser, { timezoneId = TIMEZONE } = {}) {
  const context = await browser.newContext({
    locale: LOCALE,
    timezoneId,
    viewport: { width: 1400, height: 1000 },
  });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  openPages.push(page);
  return page;
}

const openPages = [];

/** Screenshots of every page still open, for the report of a failure. */
export async function screenshotOpenPages(prefix) {
  let n = 0;
  for (const page of openPages) {
    if (page.isClosed()) continue;
    n += 1;
    await screenshot(page, `${prefix}-failure-${n}`).catch(() => {});
  }
}

/**
 * Logs in on the webapp's own login form (the Angular login of Tasklist, Cockpit, Admin) and
 * returns the login answer. Typing before Angular has compiled the form is lost (ngModel resets
 * the inputs), so it waits for the compiled form and tries again if no login request went out.
 * Unless {@code refusalExpected}, it waits until the app has replaced the login form.
 */
export async function login(page, base, app, user, { refusalExpected = false } = {}) {
  await page.goto(`${base}/camunda/app/${app}/default/`);
  const username = page.locator('input[ng-model=username]');
  // The app routes to #/login and compiles the login view there; type only into that form.
  await page.waitForURL(/#\/login/).catch(() => {});
  await page.locator('input[ng-model=username].ng-untouched').waitFor();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await username.fill(user);
    await page.locator('input[ng-model=password]').fill('demo');
    const sent = page
      .waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/login/${app}`), {
        timeout: 5000,
      })
      .catch(() => null);
    await page.locator('form button[type=submit]').click();
    const request = await sent;
    if (request) {
      const response = await request.response();
      if (!refusalExpected) {
        check(response.ok(), `${user} cannot log in to ${app}: ${response.status()}`);
        await username.waitFor({ state: 'detached' });
      }
      return response;
    }
    console.log(`  the login of ${user} did not go out (attempt ${attempt}), trying again`);
  }
  throw new Failure(`${user}'s login to ${app} never went out`);
}

// ---- Camunda Forms (form-js) ---------------------------------------------------------------

const forms = new Map();

/** The form definition forms/<id>.form, with its components by key. */
export function formDefinition(id) {
  if (!forms.has(id)) {
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'forms', `${id}.form`), 'utf8'));
    const byKey = new Map();
    const walk = (components) => {
      for (const c of components || []) {
        if (c.key) byKey.set(c.key, c);
        walk(c.components);
      }
    };
    walk(json.components);
    forms.set(id, { json, byKey });
  }
  return forms.get(id);
}

function component(formId, key) {
  const c = formDefinition(formId).byKey.get(key);
  if (!c) throw new Error(`form ${formId} has no field ${key}`);
  return c;
}

function optionLabel(c, value) {
  const option = (c.values || []).find((v) => v.value === value);
  if (!option) throw new Error(`field ${c.key} offers no value ${value}`);
  return option.label;
}

/** The form-js element of a field: its DOM ids end in the component id of the form definition. */
export function field(form, formId, key) {
  const c = component(formId, key);
  return form
    .locator(`.fjs-form-field:has([aria-describedby$="-${c.id}-error-message"])`)
    .first();
}

/** The value a form-js text field shows (also a disabled one), by key. */
export async function fieldValue(form, formId, key) {
  return form.locator(`input[id$="-${component(formId, key).id}"]`).first().inputValue();
}

/** Fills the fields of a form-js form by key, choosing options by the labels the form gives them. */
export async function fillForm(page, form, formId, values) {
  for (const [key, value] of Object.entries(values)) {
    const c = component(formId, key);
    const input = form.locator(`[id$="-${c.id}"]`).first();
    switch (c.type) {
      case 'textfield':
      case 'textarea':
      case 'number':
        await input.fill(String(value));
        break;
      case 'checkbox':
        await input.setChecked(Boolean(value));
        break;
      case 'radio': {
        optionLabel(c, value); // fails on a value the form does not offer
        const index = c.values.findIndex((v) => v.value === value);
        await form.locator(`input[type=radio][id$="-${c.id}-${index}"]`).check();
        break;
      }
      case 'checklist': {
        for (const item of value) {
          optionLabel(c, item); // fails on a value the form does not offer
          const index = c.values.findIndex((v) => v.value === item);
          await form.locator(`input[type=checkbox][id$="-${c.id}-${index}"]`).check();
        }
        break;
      }
      case 'select': {
        const label = optionLabel(c, value);
        if (c.searchable) {
          await input.click();
          await input.fill(label);
        } else {
          await form.locator(`[id$="-${c.id}-display"]`).click();
        }
        await page
          .locator('.fjs-dropdownlist .fjs-dropdownlist-item', { hasText: label })
          .filter({ hasText: new RegExp(`^${label.replace(/[()（）]/g, '.')}$`) })
          .first()
          .click();
        break;
      }
      default:
        throw new Error(`cannot fill field ${key} of type ${c.type}`);
    }
  }
}

// ---- checks ---------------------------------------------------------------------------------

export class Failure extends Error {}

export function check(condition, message) {
  if (!condition) throw new Failure(message);
}

export const SCREENSHOTS = path.join(ROOT, 'target', 'browser-screenshots');

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // The webapps scroll inside their panes, so the viewport is what the user sees.
  await page.screenshot({ path: file });
  console.log(`  screenshot ${path.relative(ROOT, file)}`);
}

// ---- Tasklist ---------------------------------------------------------------------------------

/** The task cards of the list shown for the focused filter, once the list has loaded. */
export async function taskCards(page) {
  const list = page.locator('[cam-tasks]');
  await list.locator('ol.tasks-list > li, .well').first().waitFor();
  return list.locator('ol.tasks-list > li');
}

/** Focuses a Tasklist filter by its (Chinese, our own) name. */
export async function openFilter(page, name) {
  // Our filter names are not part of one another, so the name alone picks the filter.
  await page.locator('.task-filters .task-filter', { hasText: name }).first().click();
  await page.locator('.task-filters .task-filter.active', { hasText: name }).waitFor();
  // The list reloads after the focus changes; wait until it shows this filter's result.
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
}

/** Opens the task of the order {@code number} in the focused filter and waits for its form. */
export async function openTask(page, number, formId) {
  const card = (await taskCards(page)).filter({ hasText: number });
  // The list may still show the previous filter for a moment.
  await card.first().waitFor().catch(() => {});
  check((await card.count()) === 1, `the task of order ${number} is not in the list`);
  await card.locator('h4.task a').click();
  const form = page.locator('.task-details form.fjs-form');
  // The form shows the order's own number once this task's variables are loaded.
  const numberField = form.locator(`[id$="-${component(formId, 'workOrderNumber').id}"]`);
  await numberField.waitFor();
  await page.waitForFunction(
    ([el, expected]) => el && el.value === expected,
    [await numberField.elementHandle(), number],
  );
  return form;
}

/** Claims the open task if it is not assigned yet, and waits until Tasklist shows it claimed. */
export async function claimIfNeeded(page) {
  const claim = page.locator('.task-details button[ng-click="claim()"]');
  if (await claim.isVisible()) {
    await claim.click();
    await claim.waitFor({ state: 'detached' });
  }
  await page.locator('.task-details button[ng-click="complete()"]:enabled').waitFor();
}

/**
 * Clicks Complete and waits until the task is gone from the list. Headless Chromium sometimes
 * loses the first click right after a claim, so it clicks again while the task is still open and
 * its Complete button still enabled.
 */
export async function complete(page, number) {
  const button = page.locator('.task-details button[ng-click="complete()"]');
  const cards = page.locator('[cam-tasks] ol.tasks-list > li', { hasText: number });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await dismissNotifications(page);
    await button.click();
    try {
      await cards.first().waitFor({ state: 'detached', timeout: 8000 });
      return;
    } catch (e) {
      if (!(await button.isVisible()) || !(await button.isEnabled())) break;
      console.log(`  Complete did not take (attempt ${attempt}), clicking again`);
    }
  }
  await cards.first().waitFor({ state: 'detached', timeout: 8000 });
}

export const ERROR_NOTIFICATIONS =
  '.page-notifications .alert-danger:visible, .page-notifications .alert-error:visible';

/**
 * Closes the notifications at the bottom right (they cover the Complete button), failing on an
 * error notification with its text.
 */
export async function dismissNotifications(page, { errorsExpected = false } = {}) {
  const errors = page.locator(ERROR_NOTIFICATIONS);
  if (!errorsExpected && (await errors.count()) > 0) {
    throw new Failure(`Tasklist shows an error: ${(await errors.first().innerText()).trim()}`);
  }
  const close = page.locator('.page-notifications button[ng-click="removeNotification(notification)"]:visible');
  while ((await close.count()) > 0) {
    await close.first().click();
  }
}

/** A user's session request to the engine API the webapps use (GET needs no CSRF token). */
export async function sessionGet(page, base, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: response.ok ? await response.json() : null };
  }, `${base}/camunda/api/engine/engine/default${path}`);
}

/** A request with HTTP Basic credentials of a demo user, as scripts call the REST API. */
export async function restGet(base, user, path) {
  const response = await fetch(`${base}${path}`, {
    headers: {
      Accept: 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64'),
    },
  });
  return { status: response.status, body: response.ok ? await response.json() : null };
}

/** A POST with HTTP Basic credentials of a demo user and a JSON body. */
export async function restPost(base, user, path, body) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64'),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A new mobile number each call: the same phone on the same matter while open is a repeat call. */
let phoneSequence = 0;
export function uniquePhone() {
  phoneSequence += 1;
  return `139${String((Date.now() + phoneSequence * 7919) % 1e8).padStart(8, '0')}`;
}

/** Runs a script's checks and reports: exit code 0 and the time taken, or the failed step and why. */
export async function main(script, run, currentStep) {
  const started = Date.now();
  try {
    await run();
    console.log(`${script}: all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    const why = e instanceof Failure ? e.message : (e.stack || String(e));
    console.error(`${script} FAILED at step "${currentStep()}": ${why}`);
    process.exitCode = 1;
  }
}

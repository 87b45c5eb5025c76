// Cockpit in a real browser: an auditor sees the workOrder process, a running order with the
// citizen's phone masked, and a closed order's history through the history API (Cockpit Community
// Edition shows running instances only). The same auditor is refused by Tasklist.
//
//   node tools/browser-tests/cockpit.mjs --base http://127.0.0.1:8080
//
// It prepares its own two orders through the REST APIs (HTTP Basic, demo users): one left
// waiting for the water company, one worked to closure. Exit code 0 when every check holds.
import {
  argument, check, launch, login, newPage, restGet, restPost, screenshot, screenshotOpenPages, main, uniquePhone,
} from './lib.mjs';

const base = argument('base').replace(/\/$/, '');
const MASKED = /^1\d{2}\*{4}\d{4}$/;
let step = 'start';

async function register(phone, content) {
  const answer = await restPost(base, 'agent1', '/api/work-orders', {
    channel: 'PHONE', callerName: '赵六', phone, enterprise: false, district: 'SAERTU',
    address: '萨尔图区中七路 28 号', type: 'COMPLAINT', category: 'WATER_SUPPLY', content,
    urgent: false,
  });
  check(answer.status === 201, `registering an order answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.number;
}

/** A user claims the order's task of the given kind and submits its form, as Tasklist does. */
async function work(number, user, taskKey, values) {
  const tasks = await restGet(
    base, user, `/engine-rest/task?processInstanceBusinessKey=${number}&taskDefinitionKey=${taskKey}`,
  );
  check(tasks.body?.length === 1, `${user} does not find ${taskKey} of ${number}: ${JSON.stringify(tasks)}`);
  const id = tasks.body[0].id;
  const claimed = await restPost(base, user, `/engine-rest/task/${id}/claim`, { userId: user });
  check(claimed.status === 204, `${user} cannot claim ${taskKey}: ${JSON.stringify(claimed.body)}`);
  const variables = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
  const done = await restPost(base, user, `/engine-rest/task/${id}/submit-form`, { variables });
  check(done.status === 204, `${user} cannot submit ${taskKey}: ${JSON.stringify(done.body)}`);
}

async function run() {
  step = 'prepare a running and a closed order through the REST APIs';
  const runningPhone = uniquePhone();
  const running = await register(runningPhone, '小区停水三天没有任何通知');
  const closed = await register(uniquePhone(), '水表读数和账单不一致怎么办？');
  await work(closed, 'water1', 'Task_SignWorkOrder', { signAction: 'SIGN' });
  await work(closed, 'water1', 'Task_HandleWorkOrder', {
    handlingAction: 'REPLY', handlingResult: 'EXPLAINED', replyContent: '已上门复核水表，读数无误。',
    citizenContacted: true,
  });
  await work(closed, 'reviewer1', 'Task_ReviewReply', { reviewDecision: 'ACCEPTED' });
  await work(closed, 'revisit1', 'Task_RevisitCitizen', {
    citizenReached: 'REACHED', satisfaction: 'BASICALLY_SATISFIED',
  });
  console.log(`  running order ${running}, closed order ${closed}`);

  const browser = await launch();
  try {
    step = 'auditor1 sees the workOrder process in Cockpit';
    const auditor = await newPage(browser);
    await login(auditor, base, 'cockpit', 'auditor1');
    await auditor.goto(`${base}/camunda/app/cockpit/default/#/processes`);
    const definition = auditor.locator('a[href^="#/process-definition/workOrder:"]').first();
    await definition.waitFor();
    await screenshot(auditor, '11-auditor1-cockpit-processes');

    step = `auditor1 finds the running order ${running} in Cockpit`;
    await definition.click();
    const row = auditor.locator('tr', {
      has: auditor.locator('td.business-key', { hasText: running }),
    });
    await row.waitFor();
    await screenshot(auditor, '12-auditor1-cockpit-running-instances');
    await row.locator('td.instance-id a[href^="#/process-instance/"]').click();

    step = `Cockpit shows order ${running}'s variables with the phone masked`;
    const variable = (name) =>
      auditor
        .locator('tr[ng-repeat="(v, info) in variables"]')
        .filter({ has: auditor.locator('td.col-name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }) })
        .locator('td.col-value');
    await variable('phone').waitFor();
    const phone = (await variable('phone').innerText()).trim();
    check(MASKED.test(phone), `Cockpit shows the phone as "${phone}", not masked like 138****8000`);
    check(phone !== runningPhone && phone.startsWith(runningPhone.slice(0, 3)),
      `Cockpit shows phone "${phone}" for ${runningPhone}`);
    const number = (await variable('workOrderNumber').innerText()).trim();
    check(number === running, `the instance's workOrderNumber is ${number}, not ${running}`);
    await variable('phone').scrollIntoViewIfNeeded();
    await screenshot(auditor, '13-auditor1-cockpit-instance-variables');
    await auditor.context().close();

    step = `auditor1 reads the closed order ${closed}'s history (history API)`;
    const history = await restGet(base, 'auditor1',
      `/engine-rest/history/process-instance?processDefinitionKey=workOrder&processInstanceBusinessKey=${closed}`);
    check(history.status === 200 && history.body.length === 1,
      `auditor1 cannot read the history of ${closed}: ${JSON.stringify(history)}`);
    check(history.body[0].state === 'COMPLETED', `order ${closed} is ${history.body[0].state}`);
    const id = history.body[0].id;
    const tasks = await restGet(base, 'auditor1',
      `/engine-rest/history/task?processInstanceId=${id}&sortBy=endTime&sortOrder=asc`);
    const steps = (tasks.body || []).map((t) => `${t.taskDefinitionKey}:${t.assignee}`);
    check(JSON.stringify(steps) === JSON.stringify([
      'Task_SignWorkOrder:water1', 'Task_HandleWorkOrder:water1',
      'Task_ReviewReply:reviewer1', 'Task_RevisitCitizen:revisit1',
    ]), `the closed order's task history is ${JSON.stringify(steps)}`);
    const variables = await restGet(base, 'auditor1',
      `/engine-rest/history/variable-instance?processInstanceId=${id}`);
    const value = (name) => (variables.body || []).find((v) => v.name === name)?.value;
    check(value('outcome') === 'RESOLVED', `the closed order's outcome is ${value('outcome')}`);
    check(MASKED.test(value('phone') || ''), `the history shows the phone as ${value('phone')}`);
    // The auditor's browser shows the same answer (Basic credentials, as a script would send).
    const historyPage = await (await browser.newContext({
      httpCredentials: { username: 'auditor1', password: 'demo' }, locale: 'zh-CN',
    })).newPage();
    await historyPage.goto(`${base}/engine-rest/history/process-instance/${id}`);
    check((await historyPage.locator('body').innerText()).includes('"COMPLETED"'),
      'the history page does not show the closed order as COMPLETED');
    await screenshot(historyPage, '14-auditor1-history-api-closed-order');
    await historyPage.context().close();

    step = 'auditor1 is refused by Tasklist';
    const tasklist = await newPage(browser);
    const refused = await login(tasklist, base, 'tasklist', 'auditor1', { refusalExpected: true });
    check(refused.status() === 403, `Tasklist login of auditor1 answered ${refused.status()}`);
    await tasklist.locator('.page-notifications .alert-danger').first().waitFor();
    check(await tasklist.locator('input[ng-model=username]').isVisible(),
      'auditor1 is not on the login form after being refused');
    await screenshot(tasklist, '15-auditor1-refused-by-tasklist');
  } catch (e) {
    await screenshotOpenPages('cockpit');
    throw e;
  } finally {
    await browser.close();
  }
}

await main('cockpit.mjs', run, () => step);

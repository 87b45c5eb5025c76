// Cockpit in a real browser: an auditor sees the workOrder process, a running order with the
// citizen's phone masked, and a closed order in 工单审计 (found by number and in a filtered list:
// its path, timeline, decisions and masked variables, nothing to edit). A unit is refused by
// Cockpit, the auditor by Tasklist.
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

    step = `auditor1 finds the closed order ${closed} by its number in 工单审计`;
    const audit = await newPage(browser);
    await login(audit, base, 'cockpit', 'auditor1');
    await audit.locator('a[href="#/work-orders"]', { hasText: '工单审计' }).first().click();
    await audit.locator('.hl-audit .hl-orders').waitFor();
    check(!(await audit.locator('.ce-eol-banner').isVisible()), 'Cockpit shows the Camunda 8 migration banner');
    await audit.locator('.hl-find input[name=number]').fill(closed);
    await audit.locator('.hl-find button[type=submit]').click();
    await audit.locator('.hl-order .hl-number', { hasText: closed }).waitFor();
    await audit.locator('.hl-diagram .djs-container').waitFor();
    const order = audit.locator('.hl-order');
    check((await order.locator('h3').first().innerText()).includes('已办结'),
      `工单审计 does not show ${closed} as closed`);

    step = `the path ${closed} took is highlighted with a count on each step`;
    const taken = await audit.locator('.hl-diagram .djs-element.taken').count();
    check(taken >= 8, `only ${taken} steps of the diagram are highlighted as taken`);
    const signed = audit.locator('.hl-diagram .djs-overlays[data-container-id="Task_SignWorkOrder"] .hl-count');
    check((await signed.innerText()).trim() === '1', 'the signing step does not count 1 pass');
    await screenshot(audit, '14-auditor1-audit-order-diagram');

    step = `the timeline of ${closed} says who did each step, when, by when and whether in time`;
    const timeline = order.locator('.hl-timeline tbody tr');
    const stepRow = (name) => timeline.filter({ has: audit.locator('td:first-child', { hasText: name }) });
    const signRow = stepRow('签收工单');
    check((await signRow.count()) === 1, 'the timeline has no single 签收工单 row');
    const signCells = await signRow.locator('td').allInnerTexts();
    check(signCells[3].includes('市供水公司'), `签收工单 shows the unit "${signCells[3]}", not 市供水公司`);
    check(signCells[2].trim() !== '' && signCells[2].trim() !== 'water1' && !signCells[2].includes(' '),
      `签收工单 shows the person as "${signCells[2]}", not a Chinese name`);
    check(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/.test(signCells[5]), `签收工单 has no completion time: ${signCells}`);
    check(signCells[6].trim() !== '' && signCells[7].trim() === '按时',
      `签收工单 shows deadline "${signCells[6]}" and "${signCells[7]}", not met in time`);
    const reviewCells = await stepRow('审核答复').first().locator('td').allInnerTexts();
    check(reviewCells[8].includes('通过'),
      `the review row does not show the reviewer's decision in Chinese: ${reviewCells}`);
    await order.locator('.hl-timeline').scrollIntoViewIfNeeded();
    await screenshot(audit, '15-auditor1-audit-order-timeline');

    step = `the decisions taken for ${closed} show inputs, outputs and the table's version`;
    const decisions = order.locator('.hl-decisions tbody tr');
    check((await decisions.count()) >= 2, 'fewer than two decisions are shown');
    check(/第 \d+ 版/.test(await decisions.first().locator('.hl-version').innerText()),
      'a decision shows no table version');

    step = `the variables of ${closed} read in Chinese, the phone masked, nothing to edit`;
    const value = async (name) => (await order.locator(`.hl-variables tr[data-name="${name}"] .hl-value`).innerText()).trim();
    check(MASKED.test(await value('phone')), `工单审计 shows the phone as "${await value('phone')}"`);
    check(await value('district') === '萨尔图区', `the district reads "${await value('district')}", not 萨尔图区`);
    const labels = await order.locator('.hl-variables tr[data-name="phone"] td').first().innerText();
    check(labels.trim() === '联系电话', `the phone's label is "${labels}", not 联系电话`);
    const controls = await audit.locator('.hl-audit button, .hl-audit a').allInnerTexts();
    check(!controls.some((t) => /编辑|删除|修改|Edit|Delete/i.test(t)),
      `the audit page offers edit or delete controls: ${controls}`);
    await order.locator('.hl-variables').scrollIntoViewIfNeeded();
    await screenshot(audit, '16-auditor1-audit-order-variables');

    step = `auditor1 finds ${closed} in the list of the water company's resolved orders`;
    await audit.context().close();
    const lister = await newPage(browser);
    await login(lister, base, 'cockpit', 'auditor1');
    await lister.goto(`${base}/camunda/app/cockpit/default/#/work-orders`);
    const filter = lister.locator('.hl-filter');
    await filter.locator('select[name=unit] option[value=unitWater]').waitFor({ state: 'attached' });
    await filter.locator('select[name=unit]').selectOption('unitWater');
    await filter.locator('select[name=outcome]').selectOption({ label: '已解释说明' });
    await filter.locator('select[name=stage]').selectOption('closed');
    // The unfiltered list is on screen already: wait for the filtered one to replace it.
    const filtered = lister.waitForResponse((r) => r.url().includes('/history/variable-instance'));
    await filter.locator('button[type=submit]').click();
    await filtered;
    await lister.locator('.hl-orders tbody tr[data-number="' + closed + '"]').waitFor();
    const total = await lister.locator('.hl-total').innerText();
    check(/共 \d+ 件/.test(total), `the list shows no total: ${total}`);
    const units = await lister.locator('.hl-orders tbody tr td:nth-child(4)').allInnerTexts();
    check(units.every((u) => u.trim() === '市供水公司'), `the filtered list holds other units: ${units}`);
    const results = await lister.locator('.hl-orders tbody tr td:nth-child(6)').allInnerTexts();
    check(results.every((r) => r.trim() === '已解释说明'), `the filtered list holds other results: ${results}`);
    const ends = await lister.locator('.hl-orders tbody tr td:nth-child(3)').allInnerTexts();
    check(!ends.some((e) => e.includes('办理中')), `the list of closed orders holds open ones: ${ends}`);
    await screenshot(lister, '17-auditor1-audit-list-filtered');
    await lister.context().close();

    step = 'water1 (a unit) is refused by Cockpit';
    const unitPage = await newPage(browser);
    const unitRefused = await login(unitPage, base, 'cockpit', 'water1', { refusalExpected: true });
    check(unitRefused.status() === 403, `Cockpit login of water1 answered ${unitRefused.status()}`);
    await screenshot(unitPage, '18-water1-refused-by-cockpit');
    await unitPage.context().close();

    step = 'auditor1 is refused by Tasklist';
    const tasklist = await newPage(browser);
    const refused = await login(tasklist, base, 'tasklist', 'auditor1', { refusalExpected: true });
    check(refused.status() === 403, `Tasklist login of auditor1 answered ${refused.status()}`);
    await tasklist.locator('.page-notifications .alert-danger').first().waitFor();
    check(await tasklist.locator('input[ng-model=username]').isVisible(),
      'auditor1 is not on the login form after being refused');
    await screenshot(tasklist, '19-auditor1-refused-by-tasklist');
  } catch (e) {
    await screenshotOpenPages('cockpit');
    throw e;
  } finally {
    await browser.close();
  }
}

await main('cockpit.mjs', run, () => step);

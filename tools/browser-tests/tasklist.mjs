// Tasklist in a real browser: a hotline agent starts a work order from the start form, each
// stage's user finds it in their filter, claims it, fills its Camunda Form and completes it,
// until the order is closed. On the way: another unit does not see the order, and a form with a
// required field left empty is not submitted.
//
//   node tools/browser-tests/tasklist.mjs --base http://127.0.0.1:8080
//
// Exit code 0 when every check holds; otherwise the failed step and why, on stderr.
import {
  argument, check, dismissNotifications, ERROR_NOTIFICATIONS, claimIfNeeded, complete, fillForm, field, launch, login, newPage, openFilter,
  openTask, restGet, screenshot, screenshotOpenPages, main, sessionGet, taskCards,
} from './lib.mjs';

const base = argument('base').replace(/\/$/, '');
// A new phone each run: the same phone on the same matter while an order is open is a repeat call,
// which registration links to the open order instead of opening a new one.
const PHONE = `139${String(Date.now() % 1e8).padStart(8, '0')}`;
let step = 'start';

async function run() {
  const browser = await launch();
  try {
    step = 'agent1 starts a work order from the Tasklist start form';
    const agent = await newPage(browser);
    await login(agent, base, 'tasklist', 'agent1');
    await agent.locator('.start-process-action a').click();
    await agent.locator('.modal ul.processes a', { hasText: '12345热线工单' }).click();
    const start = agent.locator('.modal form.fjs-form');
    await fillForm(agent, start, 'registerRequest', {
      channel: 'PHONE',
      callerName: '王五',
      phone: PHONE,
      district: 'RANGHULU',
      address: '让胡路区西宾路 9 号',
      requestType: 'CONSULTATION',
      category: 'WATER_SUPPLY',
      content: '请问水费可以在网上缴纳吗？需要哪些信息？',
      intakeOutcome: 'WORK_ORDER',
    });
    await screenshot(agent, '01-agent1-start-form');
    const submitted = agent.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/submit-form$/.test(r.url()),
    );
    await agent.locator('.modal button[ng-click="startProcessInstance()"]').click();
    const response = await submitted;
    check(response.ok(), `starting the order answered ${response.status()}: ${await response.text()}`);
    const number = (await response.json()).businessKey;
    check(/^\d{8}-\d{6}$/.test(number || ''), `the started order has no number: ${number}`);
    await agent.locator('.modal').waitFor({ state: 'detached' });
    console.log(`  order ${number} started`);

    step = 'agent1 reads the knowledge base\'s answers and finds none that fits (待答复咨询)';
    // A consultation first goes back to the agent who took it, with the knowledge base's matches.
    await openFilter(agent, '待答复咨询');
    const answerForm = await openTask(agent, number, 'answerFromKnowledge');
    await claimIfNeeded(agent);
    const shownNumber = await answerForm.locator('[id$="-Field_workOrderNumber"]').first().inputValue();
    check(shownNumber === number, `the agent's task shows the number ${shownNumber}, not ${number}`);
    const answers = answerForm.locator('[id$="-Field_knowledgeAnswers"]').first();
    check((await answers.inputValue()).trim().length > 0, 'the knowledge base\'s answers are not shown');
    await fillForm(agent, answerForm, 'answerFromKnowledge', {
      knowledgeAction: 'NOT_ANSWERED',
      knowledgeNote: '知识库无网上缴费的口径，转供水公司答复',
    });
    await screenshot(agent, '01b-agent1-knowledge-answers');
    await complete(agent, number);

    step = `agent1 opens the order ${number}`;
    // Tasklist confirms the start but does not print the number; the agent reads it on the order's
    // page of the intake API (the number is what the citizen is told).
    const orderPage = await (await browser.newContext({
      httpCredentials: { username: 'agent1', password: 'demo' },
      locale: 'zh-CN',
    })).newPage();
    await orderPage.goto(`${base}/api/work-orders/${number}`);
    const order = JSON.parse(await orderPage.locator('body').innerText());
    check(order.number === number, `the order page shows ${order.number}, not ${number}`);
    check(order.stageName === '待签收', `the new order is at ${order.stageName}, not 待签收`);
    check(order.unit === 'unitWater', `the order went to ${order.unit}, not unitWater`);
    await screenshot(orderPage, '02-agent1-order-page');
    await orderPage.context().close();

    step = 'heating1 does not see the water company\'s order';
    const heating = await newPage(browser);
    await login(heating, base, 'tasklist', 'heating1');
    await openFilter(heating, '待签收');
    check(
      (await (await taskCards(heating)).filter({ hasText: number }).count()) === 0,
      `heating1 sees order ${number} in 待签收`,
    );
    const seenByHeating = await sessionGet(heating, base, `/task?processInstanceBusinessKey=${number}`);
    check(
      seenByHeating.status === 200 && seenByHeating.body.length === 0,
      `heating1's session reads the tasks of order ${number}: ${JSON.stringify(seenByHeating)}`,
    );
    await screenshot(heating, '03-heating1-does-not-see-order');
    await heating.context().close();

    step = 'water1 signs the order (待签收)';
    const water = await newPage(browser);
    await login(water, base, 'tasklist', 'water1');
    await openFilter(water, '待签收');
    let form = await openTask(water, number, 'signWorkOrder');
    await claimIfNeeded(water);
    await fillForm(water, form, 'signWorkOrder', { signAction: 'SIGN', signNote: '供水公司已签收' });
    await screenshot(water, '04-water1-sign');
    await complete(water, number);

    step = 'water1 handles the order (办理中)';
    await openFilter(water, '办理中');
    form = await openTask(water, number, 'handleWorkOrder');
    await claimIfNeeded(water);
    await fillForm(water, form, 'handleWorkOrder', {
      handlingAction: 'REPLY',
      handlingResult: 'RESOLVED',
      replyContent: '已电话告知：可在供水公司微信公众号或网上营业厅缴纳，凭户号即可。',
      citizenContacted: true,
    });
    await screenshot(water, '05-water1-handle');
    await complete(water, number);
    await water.context().close();

    step = 'reviewer1 cannot submit the review without a decision (待审核)';
    const reviewer = await newPage(browser);
    await login(reviewer, base, 'tasklist', 'reviewer1');
    await openFilter(reviewer, '待审核');
    form = await openTask(reviewer, number, 'reviewReply');
    await claimIfNeeded(reviewer);
    const decision = field(form, 'reviewReply', 'reviewDecision');
    const sent = [];
    const recordSubmit = (request) => {
      if (request.method() === 'POST' && /\/(submit-form|complete)$/.test(request.url())) {
        sent.push(request.url());
      }
    };
    reviewer.on('request', recordSubmit);
    await dismissNotifications(reviewer);
    await reviewer.locator('.task-details button[ng-click="complete()"]').click();
    await decision.locator('.fjs-form-field-error').first().waitFor();
    await reviewer.locator(ERROR_NOTIFICATIONS).first().waitFor();
    await reviewer.waitForTimeout(1000);
    reviewer.off('request', recordSubmit);
    check(sent.length === 0, `the form was sent without its required decision: ${sent}`);
    check(
      (await (await taskCards(reviewer)).filter({ hasText: number }).count()) === 1,
      'the review task left the list although its decision was missing',
    );
    const stillOpen = await sessionGet(
      reviewer, base, `/task?processInstanceBusinessKey=${number}&taskDefinitionKey=Task_ReviewReply`,
    );
    check(stillOpen.body && stillOpen.body.length === 1, 'the review task is not open any more');
    await screenshot(reviewer, '06-reviewer1-missing-decision');

    step = 'reviewer1 accepts the reply (待审核)';
    await dismissNotifications(reviewer, { errorsExpected: true });
    await fillForm(reviewer, form, 'reviewReply', { reviewDecision: 'ACCEPTED', reviewComment: '答复清楚' });
    await complete(reviewer, number);
    await reviewer.context().close();

    step = 'revisit1 calls the citizen back (待回访)';
    const revisit = await newPage(browser);
    await login(revisit, base, 'tasklist', 'revisit1');
    await openFilter(revisit, '待回访');
    form = await openTask(revisit, number, 'revisitCitizen');
    await claimIfNeeded(revisit);
    await fillForm(revisit, form, 'revisitCitizen', {
      citizenReached: 'REACHED',
      satisfaction: 'SATISFIED',
      revisitNote: '市民已在网上缴费，表示满意',
    });
    await screenshot(revisit, '07-revisit1-revisit');
    await complete(revisit, number);
    await screenshot(revisit, '08-revisit1-done');
    await revisit.context().close();

    step = `order ${number} is closed (history API, demo)`;
    const history = await restGet(
      base, 'demo', `/engine-rest/history/process-instance?processDefinitionKey=workOrder&processInstanceBusinessKey=${number}`,
    );
    check(history.body?.length === 1, `no history of order ${number}: ${JSON.stringify(history)}`);
    check(history.body[0].state === 'COMPLETED', `order ${number} is ${history.body[0].state}`);
    const outcome = await restGet(
      base, 'demo',
      `/engine-rest/history/variable-instance?processInstanceId=${history.body[0].id}&variableName=outcome`,
    );
    check(outcome.body?.[0]?.value === 'RESOLVED', `outcome is ${JSON.stringify(outcome.body)}`);
    console.log(`  order ${number} closed, outcome RESOLVED`);
  } catch (e) {
    await screenshotOpenPages('tasklist');
    throw e;
  } finally {
    await browser.close();
  }
}

await main('tasklist.mjs', run, () => step);

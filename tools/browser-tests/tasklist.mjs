// Tasklist in a real browser: a hotline agent starts a work order from the start form, each
// stage's user finds it in their filter, claims it, fills its Camunda Form and completes it,
// until the order is closed: the agent (knowledge base), the dispatcher (a lead unit and a
// co-unit), the lead unit, the co-unit, the reviewer and the revisit agent. On the way: another
// unit does not see the order, and a form with a required field left empty is not submitted.
//
//   node tools/browser-tests/tasklist.mjs --base http://127.0.0.1:8080
//
// Exit code 0 when every check holds; otherwise the failed step and why, on stderr.
import {
  argument, check, dismissNotifications, ERROR_NOTIFICATIONS, claimIfNeeded, complete, fillForm, field, fieldValue, launch, login, newPage, openFilter,
  openTask, restGet, restPost, screenshot, screenshotOpenPages, main, sessionGet, taskCards, uniquePhone,
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
      category: 'PROPERTY_MANAGEMENT',
      content: '楼道里的供水管漏水，物业说不归他们修，应该找谁？',
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
      knowledgeNote: '知识库无此口径，转为工单',
    });
    await screenshot(agent, '01b-agent1-knowledge-answers');
    await complete(agent, number);

    step = 'agent1 answers another consultation from a knowledge-base article (待答复咨询)';
    // Registered by agent1 through the intake API, as a call taken on another screen would be.
    const registered = await restPost(base, 'agent1', '/api/work-orders', {
      channel: 'PHONE', callerName: '钱七', phone: uniquePhone(), enterprise: false,
      district: 'SAERTU', address: '萨尔图区中七路 28 号', type: 'CONSULTATION',
      category: 'HOUSING_FUND_WITHDRAWAL', content: '公积金怎么提取出来？要带什么材料？', urgent: false,
    });
    check(registered.status === 201, `registering the consultation answered ${registered.status}`);
    const answered = registered.body.number;
    await openFilter(agent, '我的待办');
    await openFilter(agent, '待答复咨询');
    const articleForm = await openTask(agent, answered, 'answerFromKnowledge');
    await claimIfNeeded(agent);
    const matches = await articleForm.locator('[id$="-Field_knowledgeAnswers"]').first().inputValue();
    check(matches.startsWith('1. 住房公积金怎么提取'), `the best match is not the withdrawal article: ${matches}`);
    await fillForm(agent, articleForm, 'answerFromKnowledge', { knowledgeAction: 'ANSWERED' });
    // The articles offered are the matches of this very call (a choice filled from a variable).
    const firstArticle = articleForm.locator('input[type=radio][id*="-Field_knowledgeArticleId-"]').first();
    await firstArticle.waitFor();
    await firstArticle.check();
    await screenshot(agent, '01c-agent1-answer-from-article');
    await complete(agent, answered);
    const closedView = await restGet(base, 'agent1', `/api/work-orders/${answered}`);
    check(
      closedView.body?.status === 'CLOSED' && closedView.body?.outcome?.result === 'ANSWERED_DIRECTLY',
      `the consultation answered from the article is not closed as answered: ${JSON.stringify(closedView.body)}`,
    );

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
    check(order.stageName === '待派单', `the new order is at ${order.stageName}, not 待派单`);
    check(order.unit === null, `the order went to ${order.unit} before a dispatcher chose`);
    await screenshot(orderPage, '02-agent1-order-page');
    await orderPage.context().close();

    step = 'dispatcher1 sends it to the district, with the water company as co-unit (待派单)';
    const dispatcher = await newPage(browser);
    await login(dispatcher, base, 'tasklist', 'dispatcher1');
    await openFilter(dispatcher, '待派单');
    let form = await openTask(dispatcher, number, 'chooseUnit');
    await claimIfNeeded(dispatcher);
    await fillForm(dispatcher, form, 'chooseUnit', {
      unit: 'districtRanghulu',
      coUnits: ['unitWater'],
      dispatchNote: '属地主办，供水公司协办检修管道',
    });
    await screenshot(dispatcher, '03a-dispatcher1-choose-units');
    await complete(dispatcher, number);
    await dispatcher.context().close();

    step = 'heating1 does not see the district\'s order';
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

    step = 'ranghulu1 signs the order as lead unit (待签收)';
    const district = await newPage(browser);
    await login(district, base, 'tasklist', 'ranghulu1');
    await openFilter(district, '待签收');
    form = await openTask(district, number, 'signWorkOrder');
    // The engine holds the citizen's data masked; the unit's form shows it in full (privacy module).
    const shownPhone = await fieldValue(form, 'signWorkOrder', 'phone');
    check(shownPhone === PHONE, `ranghulu1's form shows the phone as "${shownPhone}", not ${PHONE}`);
    const shownName = await fieldValue(form, 'signWorkOrder', 'callerName');
    check(shownName === '王五', `ranghulu1's form shows the caller as "${shownName}", not 王五`);
    await claimIfNeeded(district);
    await fillForm(district, form, 'signWorkOrder', { signAction: 'SIGN', signNote: '区政府已签收' });
    await screenshot(district, '04-ranghulu1-sign');
    await complete(district, number);

    step = 'water1 signs its part and contributes (待签收, 办理中)';
    const water = await newPage(browser);
    await login(water, base, 'tasklist', 'water1');
    await openFilter(water, '待签收');
    form = await openTask(water, number, 'signCoHandling');
    await claimIfNeeded(water);
    await fillForm(water, form, 'signCoHandling', { coSignNote: '供水公司协办' });
    await complete(water, number);
    await openFilter(water, '办理中');
    form = await openTask(water, number, 'contributeCoHandling');
    await claimIfNeeded(water);
    await fillForm(water, form, 'contributeCoHandling', {
      contribution: '已派员更换楼道供水管阀门，供水恢复正常。',
    });
    await screenshot(water, '04b-water1-contribute');
    await complete(water, number);
    await water.context().close();

    step = 'ranghulu1 replies, with the water company\'s part in view (办理中)';
    await openFilter(district, '办理中');
    form = await openTask(district, number, 'handleWorkOrder');
    await claimIfNeeded(district);
    const contributions = await form
      .locator('[id$="-Field_coHandlingContributions"]').first().inputValue();
    check(
      contributions.includes('【市供水公司】已派员更换楼道供水管阀门'),
      `the lead unit does not see the co-unit's contribution: ${contributions}`,
    );
    await fillForm(district, form, 'handleWorkOrder', {
      handlingAction: 'REPLY',
      handlingResult: 'RESOLVED',
      replyContent: '楼道公共供水管由供水公司维修，已协调更换阀门；物业应配合日常巡查。',
      citizenContacted: true,
    });
    await screenshot(district, '05-ranghulu1-handle');
    await complete(district, number);
    await district.context().close();

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
    const revisitPhone = await fieldValue(form, 'revisitCitizen', 'phone');
    check(revisitPhone === PHONE, `revisit1's form shows the phone as "${revisitPhone}", not ${PHONE}`);
    await claimIfNeeded(revisit);
    await fillForm(revisit, form, 'revisitCitizen', {
      citizenReached: 'REACHED',
      satisfaction: 'SATISFIED',
      revisitNote: '市民确认已不漏水，表示满意',
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

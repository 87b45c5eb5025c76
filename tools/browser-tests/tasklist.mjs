// Tasklist in a real browser: a hotline agent starts a work order from the start form, each
// stage's user finds it in their filter, claims it, fills its Camunda Form and completes it,
// until the order is closed: the agent (knowledge base), the dispatcher (a lead unit and a
// co-unit), the lead unit, the co-unit, the reviewer and the revisit agent. On the way: the start
// form refuses missing fields and a bad phone in Chinese, the agent reads the new number on screen,
// another unit does not see the order, the lead unit's browser in UTC shows the deadline in
// Shanghai time, and a form with a required field left empty is not submitted.
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

    step = 'the start form refuses a bad phone and a missing district, in Chinese';
    const startRequests = [];
    const recordStart = (request) => {
      if (request.method() === 'POST' && /\/submit-form$/.test(request.url())) startRequests.push(request.url());
    };
    agent.on('request', recordStart);
    // Required fields left empty show their errors on the first try to start; then a bad phone.
    // (Tasklist's start button fails with "reading 'submit'" until its form has finished loading.)
    await agent.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    await fillForm(agent, start, 'registerRequest', { callerName: '王五' });
    await agent.locator('.modal button[ng-click="startProcessInstance()"]').click();
    await field(start, 'registerRequest', 'district').locator('.fjs-form-field-error').first().waitFor();
    await fillForm(agent, start, 'registerRequest', { phone: '0459-12' });
    await start.locator('textarea').first().click();
    const phoneError = field(start, 'registerRequest', 'phone').locator('.fjs-form-field-error');
    await phoneError.filter({ hasNotText: '此项必填' }).first().waitFor();
    const districtError = field(start, 'registerRequest', 'district').locator('.fjs-form-field-error');
    await districtError.first().waitFor();
    check(
      (await phoneError.innerText()).trim() === '请输入11位手机号或带区号的固定电话',
      `the bad phone reads "${(await phoneError.innerText()).trim()}"`,
    );
    check((await districtError.innerText()).trim() === '此项必填',
      `the missing district reads "${(await districtError.innerText()).trim()}"`);
    const startText = await start.innerText();
    const english = startText.match(/Field (is|must)[^\n]*|\bSelect\b|\bSearch\b|\^\(1\[3-9\]/);
    check(!english, `the start form shows English or a regex: "${english && english[0]}"`);
    await screenshot(agent, '01a-agent1-start-form-errors');
    await agent.waitForTimeout(500);
    agent.off('request', recordStart);
    check(startRequests.length === 0, `the start form was sent with a bad phone: ${startRequests}`);
    check(await agent.locator('.modal').isVisible(), 'the start form closed although it was refused');

    step = 'agent1 starts a work order from the Tasklist start form';
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

    step = `agent1 reads the number ${number} on screen and opens the order in one click`;
    const started = agent.locator('.hl-started');
    await started.waitFor();
    const onScreen = (await started.locator('.hl-number').innerText()).trim();
    check(onScreen === number, `the screen shows the number "${onScreen}", not ${number}`);
    await started.locator('a', { hasText: '查看工单' }).click();
    const orderPanel = agent.locator('.hl-order');
    await orderPanel.locator('.hl-current').waitFor();
    check((await orderPanel.locator('.hl-number').innerText()).trim() === number,
      'the order panel shows another number');
    const current = (await orderPanel.locator('.hl-current').innerText()).trim();
    // The knowledge-base search runs in its own transaction, so the order is at one of the two.
    check(['检索知识库', '知识库答复'].includes(current), `the new consultation is at "${current}"`);
    check((await orderPanel.locator('.hl-state').innerText()).trim() === '办理中', 'the new order is not 办理中');
    await screenshot(agent, '01ab-agent1-started-number');
    await orderPanel.locator('button.close').click();
    await started.locator('button.close').click();

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
    const assigneeOnCard = (await taskCards(agent)).filter({ hasText: number }).locator('h5.assignee');
    await assigneeOnCard.waitFor();
    const assignee = (await assigneeOnCard.innerText()).trim();
    check(assignee === '王丽', `the claimed task's card names its assignee "${assignee}", not 王丽`);
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
    // The intake API's order page answers with the same number and the order's stage.
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

    step = 'ranghulu1, in a browser set to UTC, reads the signing deadline in Shanghai time (待签收)';
    const district = await newPage(browser, { timezoneId: 'UTC' });
    await login(district, base, 'tasklist', 'ranghulu1');
    await openFilter(district, '待签收');
    form = await openTask(district, number, 'signWorkOrder');
    // The engine holds the citizen's data masked; the unit's form shows it in full (privacy module).
    const shownPhone = await fieldValue(form, 'signWorkOrder', 'phone');
    check(shownPhone === PHONE, `ranghulu1's form shows the phone as "${shownPhone}", not ${PHONE}`);
    const shownName = await fieldValue(form, 'signWorkOrder', 'callerName');
    check(shownName === '王五', `ranghulu1's form shows the caller as "${shownName}", not 王五`);
    const deadline = await signDeadline(number);
    const deadlineInputs = await form.locator('input[id*="-Field_signDeadline"]').evaluateAll(
      (inputs) => inputs.map((i) => i.value),
    );
    check(
      deadlineInputs.includes(deadline.time) && deadlineInputs.some((v) => v.includes(deadline.day)),
      `a UTC browser shows the deadline ${deadline.iso} as ${JSON.stringify(deadlineInputs)}, not ${deadline.day} ${deadline.time} (Shanghai)`,
    );
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

/** The order's signing deadline as the engine holds it, with its day and time in Shanghai. */
async function signDeadline(number) {
  const [order] = (await restGet(
    base, 'demo', `/engine-rest/process-instance?processDefinitionKey=workOrder&businessKey=${number}`,
  )).body;
  const variable = await restGet(base, 'demo', `/engine-rest/process-instance/${order.id}/variables/signDeadline`);
  const iso = variable.body.value;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))).map((p) => [p.type, p.value]));
  return { iso, day: parts.day, time: `${parts.hour}:${parts.minute}` };
}

await main('tasklist.mjs', run, () => step);

// 工单审计 (work-order audit): the auditors' view of a work order, running or closed, in Cockpit.
// Cockpit Community Edition shows running instances only; this route reads the engine's history
// through the same engine API and session as the rest of Cockpit (GET only, so the caller's
// authorization and the masked personal data apply as everywhere else). Labels and Chinese values
// come from the deployed Camunda Forms and the deployed models, not from a copy in this file.
// Loaded by scripts/config.js (customScripts); the bpmn-js viewer is bundled beside it (bpmn-js/).

const ROUTE = '/work-orders';
const PAGE_SIZE = 20;
const PROCESS_KEY = 'workOrder';
const HERE = new URL('.', import.meta.url).href;
const ZONE = 'Asia/Shanghai';

// ---- engine API (the Cockpit session; GET only) -------------------------------------------

function engineBase(api) {
  const base = (api && api.engineApi) || `${document.querySelector('base').getAttribute('engine-api')}engine/default`;
  return base.replace(/\/$/, '');
}

async function get(api, path) {
  const response = await fetch(`${engineBase(api)}${path}`, {
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || '' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(`${response.status} ${body.message || ''}`.trim());
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

function query(params) {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

// ---- Chinese: times in Shanghai, labels from the deployed forms ------------------------------

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false,
});

function time(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : TIME.format(date);
}

/** A date (yyyy-mm-dd) at midnight in Shanghai, as the engine's query parameters want it. */
function shanghaiDate(day, endOfDay) {
  return `${day}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}+0800`;
}

const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

/**
 * Labels of variables and of their values, read from the Camunda Forms deployed with the process
 * (field key → label, option value → option label), and the units' names from their groups.
 */
class Dictionary {
  constructor() {
    this.labels = new Map();
    this.values = new Map();
  }

  static async load(api, deploymentId) {
    const dictionary = new Dictionary();
    const resources = await get(api, `/deployment/${deploymentId}/resources`);
    const forms = resources.filter((r) => r.name.endsWith('.form'));
    await Promise.all(forms.map(async (r) => {
      const text = await get(api, `/deployment/${deploymentId}/resources/${r.id}/data`);
      const form = typeof text === 'string' ? JSON.parse(text) : text;
      dictionary.addForm(form);
    }));
    const units = await get(api, '/group?maxResults=500');
    for (const group of units) dictionary.value('*', group.id, group.name);
    return dictionary;
  }

  addForm(form) {
    const walk = (components) => {
      for (const c of components || []) {
        if (c.key && c.label && !this.labels.has(c.key)) this.labels.set(c.key, c.label);
        for (const option of c.values || []) this.value(c.key, option.value, option.label);
        walk(c.components);
      }
    };
    walk(form.components);
  }

  value(key, value, label) {
    const k = `${key}\u0000${value}`;
    if (!this.values.has(k)) this.values.set(k, label);
    const any = `*\u0000${value}`;
    if (!this.values.has(any)) this.values.set(any, label);
  }

  label(key) {
    return this.labels.get(key) || key;
  }

  /** The Chinese label of a code, as the forms offer it; a code no form names stays as it is. */
  show(key, value) {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map((v) => this.show(key, v)).join('、');
    if (typeof value === 'boolean') return value ? '是' : '否';
    const s = String(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return time(s);
    return this.values.get(`${key}\u0000${s}`) || this.values.get(`*\u0000${s}`) || s;
  }

  /** A historic variable as a person reads it (JSON collections as their elements' labels). */
  showVariable(v) {
    if (v.type === 'Json' || v.type === 'Object') {
      try {
        const parsed = typeof v.value === 'string' ? JSON.parse(v.value) : v.value;
        if (Array.isArray(parsed)) {
          return parsed.map((e) => (typeof e === 'object' ? Object.values(e).map((x) => this.show(v.name, x)).join(' ') : this.show(v.name, e))).join('、');
        }
        if (parsed && typeof parsed === 'object') {
          return Object.entries(parsed).map(([k, x]) => `${this.label(k)}：${this.show(k, x)}`).join('；');
        }
        return this.show(v.name, parsed);
      } catch (e) {
        return '（结构化数据）';
      }
    }
    return this.show(v.name, v.value);
  }
}

// ---- people ----------------------------------------------------------------------------------

const people = new Map();

/** A staff member's name in Chinese order (family name first) and their unit or role. */
async function person(api, userId) {
  if (!userId) return { name: '系统', unit: '' };
  if (!people.has(userId)) {
    people.set(userId, (async () => {
      const [users, groups] = await Promise.all([
        get(api, `/user?id=${encodeURIComponent(userId)}`).catch(() => []),
        get(api, `/group?member=${encodeURIComponent(userId)}`).catch(() => []),
      ]);
      const u = users[0];
      const name = u ? `${u.lastName || ''}${u.firstName || ''}` || userId : userId;
      return { name, unit: groups.map((g) => g.name).join('、') };
    })());
  }
  return people.get(userId);
}

// ---- the page --------------------------------------------------------------------------------

const STYLE = `
.hl-audit { padding: 16px 24px; overflow: auto; height: 100%; }
.hl-audit h2 { font-size: 20px; margin: 0 0 12px; }
.hl-audit h3 { font-size: 16px; margin: 20px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.hl-audit form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; margin-bottom: 12px; }
.hl-audit label { display: flex; flex-direction: column; font-weight: normal; font-size: 13px; }
.hl-audit table { width: 100%; border-collapse: collapse; font-size: 13px; }
.hl-audit th, .hl-audit td { border-bottom: 1px solid #e5e5e5; padding: 4px 8px; text-align: left; vertical-align: top; }
.hl-audit th { background: #f5f5f5; }
.hl-audit .late { color: #b5152b; font-weight: bold; }
.hl-audit .in-time { color: #2a7a2a; }
.hl-audit .hl-diagram { height: 460px; border: 1px solid #ddd; background: #fff; }
.hl-audit .hl-diagram .taken:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #1a73e8 !important; stroke-width: 3px !important; fill: #e8f0fe !important; }
.hl-audit .hl-count { background: #1a73e8; color: #fff; border-radius: 9px; padding: 0 6px; font-size: 12px; }
.hl-audit .hl-pager { margin: 8px 0; display: flex; gap: 12px; align-items: center; }
.hl-audit .hl-error { color: #b5152b; }
`;

let viewerLoaded;
function loadViewer() {
  if (!viewerLoaded) {
    viewerLoaded = new Promise((resolve, reject) => {
      for (const css of ['diagram-js.css', 'bpmn-js.css']) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `${HERE}bpmn-js/${css}`;
        document.head.appendChild(link);
      }
      const script = document.createElement('script');
      script.src = `${HERE}bpmn-js/bpmn-navigated-viewer.production.min.js`;
      script.onload = () => resolve(window.BpmnJS);
      script.onerror = () => reject(new Error('流程图组件加载失败'));
      document.head.appendChild(script);
    });
  }
  return viewerLoaded;
}

function hashParameters() {
  const hash = window.location.hash || '';
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

async function renderPage(node, api) {
  node.innerHTML = `<style>${STYLE}</style><div class="hl-audit">
    <h2>工单审计</h2>
    <form class="hl-find"><label>工单编号<input class="form-control" name="number" placeholder="如 20250101-000001" required></label>
      <button class="btn btn-primary" type="submit">查找工单</button></form>
    <form class="hl-filter">
      <label>承办单位<select class="form-control" name="unit"><option value="">全部</option></select></label>
      <label>登记日期从<input class="form-control" type="date" name="from"></label>
      <label>至<input class="form-control" type="date" name="to"></label>
      <label>办理结果<select class="form-control" name="outcome"><option value="">全部</option></select></label>
      <label>环节<select class="form-control" name="stage"><option value="">全部</option><option value="closed">已办结</option><option value="open">办理中</option></select></label>
      <label>时限<select class="form-control" name="late"><option value="">全部</option><option value="signedInTime">签收超时</option><option value="handledInTime">办理超时</option><option value="contactedInTime">联系超时</option></select></label>
      <label>排序<select class="form-control" name="sort"><option value="startTime:desc">登记时间（新→旧）</option><option value="startTime:asc">登记时间（旧→新）</option><option value="endTime:desc">办结时间（新→旧）</option><option value="businessKey:asc">工单编号</option></select></label>
      <button class="btn btn-default" type="submit">筛选</button></form>
    <div class="hl-message"></div>
    <div class="hl-list"></div>
    <div class="hl-order"></div></div>`;
  const $ = (s) => node.querySelector(s);
  const message = (text) => { $('.hl-message').innerHTML = text ? `<p class="hl-error">${escapeHtml(text)}</p>` : ''; };

  let definitions;
  let dictionary;
  try {
    definitions = await get(api, `/process-definition?key=${PROCESS_KEY}&latestVersion=true`);
    dictionary = await Dictionary.load(api, definitions[0].deploymentId);
  } catch (e) {
    message(`无法读取工单流程：${e.message}`);
    return;
  }
  const units = await get(api, '/group?type=UNIT&sortBy=name&sortOrder=asc&maxResults=500').catch(() => []);
  for (const g of units) $('.hl-filter [name=unit]').insertAdjacentHTML('beforeend', `<option value="${escapeHtml(g.id)}">${escapeHtml(g.name)}</option>`);
  for (const [k, label] of dictionary.values) {
    const [key, value] = k.split('\u0000');
    if (key === 'handlingResult') $('.hl-filter [name=outcome]').insertAdjacentHTML('beforeend', `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`);
  }

  let page = 0;
  async function list() {
    message('');
    const f = new FormData($('.hl-filter'));
    const variables = [];
    if (f.get('unit')) variables.push(`unit_eq_${f.get('unit')}`);
    if (f.get('outcome')) variables.push(`handlingResult_eq_${f.get('outcome')}`);
    if (f.get('late')) variables.push(`${f.get('late')}_eq_false`);
    const [sortBy, sortOrder] = String(f.get('sort')).split(':');
    const params = {
      processDefinitionKey: PROCESS_KEY,
      variables: variables.join(','),
      startedAfter: f.get('from') ? shanghaiDate(f.get('from'), false) : '',
      startedBefore: f.get('to') ? shanghaiDate(f.get('to'), true) : '',
      finished: f.get('stage') === 'closed' ? 'true' : '',
      unfinished: f.get('stage') === 'open' ? 'true' : '',
    };
    try {
      const [count, rows] = await Promise.all([
        get(api, `/history/process-instance/count?${query(params)}`),
        get(api, `/history/process-instance?${query({ ...params, sortBy, sortOrder, firstResult: page * PAGE_SIZE, maxResults: PAGE_SIZE })}`),
      ]);
      const values = await variablesOf(rows.map((r) => r.id), ['unit', 'handlingResult', 'category', 'handledInTime', 'signedInTime']);
      const pages = Math.max(1, Math.ceil(count.count / PAGE_SIZE));
      $('.hl-list').innerHTML = `<div class="hl-pager"><span class="hl-total">共 ${count.count} 件</span>
        <button class="btn btn-xs btn-default hl-prev" ${page === 0 ? 'disabled' : ''}>上一页</button>
        <span>第 ${page + 1} / ${pages} 页</span>
        <button class="btn btn-xs btn-default hl-next" ${page + 1 >= pages ? 'disabled' : ''}>下一页</button></div>
        <table class="hl-orders"><thead><tr><th>工单编号</th><th>登记时间</th><th>办结时间</th><th>承办单位</th><th>问题分类</th><th>办理结果</th><th>时限</th></tr></thead><tbody>
        ${rows.map((r) => {
          const v = values.get(r.id) || {};
          const late = v.signedInTime === false || v.handledInTime === false;
          return `<tr data-number="${escapeHtml(r.businessKey)}"><td><a href="#${ROUTE}?number=${encodeURIComponent(r.businessKey)}" class="hl-open">${escapeHtml(r.businessKey)}</a></td>
            <td>${time(r.startTime)}</td><td>${r.endTime ? time(r.endTime) : '办理中'}</td>
            <td>${escapeHtml(dictionary.show('unit', v.unit))}</td><td>${escapeHtml(dictionary.show('category', v.category))}</td>
            <td>${escapeHtml(dictionary.show('handlingResult', v.handlingResult))}</td><td class="${late ? 'late' : 'in-time'}">${late ? '超时' : '按时'}</td></tr>`;
        }).join('')}</tbody></table>`;
      $('.hl-prev')?.addEventListener('click', () => { page -= 1; list(); });
      $('.hl-next')?.addEventListener('click', () => { page += 1; list(); });
      node.querySelectorAll('.hl-open').forEach((a) => a.addEventListener('click', (e) => {
        e.preventDefault();
        showOrder(a.textContent);
      }));
    } catch (e) {
      message(`查询失败：${e.message}`);
    }
  }

  async function variablesOf(ids, names) {
    const result = new Map();
    if (ids.length === 0) return result;
    const rows = await get(api, `/history/variable-instance?${query({ processInstanceIdIn: ids.join(','), variableNameIn: names.join(','), deserializeValues: false })}`);
    for (const v of rows) {
      if (v.activityInstanceId !== v.processInstanceId) continue;
      if (!result.has(v.processInstanceId)) result.set(v.processInstanceId, {});
      result.get(v.processInstanceId)[v.name] = v.value;
    }
    return result;
  }

  async function showOrder(number) {
    message('');
    $('.hl-find [name=number]').value = number;
    const found = await get(api, `/history/process-instance?${query({ processDefinitionKey: PROCESS_KEY, processInstanceBusinessKey: number })}`);
    if (found.length === 0) {
      $('.hl-order').innerHTML = '';
      message(`没有编号为 ${number} 的工单（或您无权查看）`);
      return;
    }
    await renderOrder($('.hl-order'), api, dictionary, found[0]);
  }

  $('.hl-find').addEventListener('submit', (e) => { e.preventDefault(); showOrder($('.hl-find [name=number]').value.trim()); });
  $('.hl-filter').addEventListener('submit', (e) => { e.preventDefault(); page = 0; list(); });
  const asked = hashParameters().get('number');
  if (asked) await showOrder(asked);
  else await list();
}

async function renderOrder(target, api, dictionary, order) {
  const number = order.businessKey;
  // Every instance that belongs to the order: the escalation ladders and supervisions carry its
  // number as their business key; a knowledge gap carries KG-<number>.
  const [related, gaps] = await Promise.all([
    get(api, `/history/process-instance?${query({ processInstanceBusinessKey: number, sortBy: 'startTime', sortOrder: 'asc' })}`),
    get(api, `/history/process-instance?${query({ processInstanceBusinessKey: `KG-${number}` })}`),
  ]);
  const instances = [...related, ...gaps];
  const ids = instances.map((i) => i.id);
  const [activities, tasks, details, decisions, variables] = await Promise.all([
    Promise.all(ids.map((id) => get(api, `/history/activity-instance?${query({ processInstanceId: id, sortBy: 'startTime', sortOrder: 'asc' })}`))).then((a) => a.flat()),
    Promise.all(ids.map((id) => get(api, `/history/task?${query({ processInstanceId: id })}`))).then((a) => a.flat()),
    Promise.all(ids.map((id) => get(api, `/history/detail?${query({ processInstanceId: id, variableUpdates: true, deserializeValues: false, sortBy: 'time', sortOrder: 'asc' })}`))).then((a) => a.flat()),
    get(api, `/history/decision-instance?${query({ processInstanceId: order.id, includeInputs: true, includeOutputs: true, sortBy: 'evaluationTime', sortOrder: 'asc' })}`),
    get(api, `/history/variable-instance?${query({ processInstanceId: order.id, deserializeValues: false })}`),
  ]);
  const instanceName = new Map(instances.map((i) => [i.id, i.processDefinitionName || i.processDefinitionKey]));
  const taskByActivity = new Map(tasks.map((t) => [t.activityInstanceId, t]));
  const submitted = new Map();
  for (const d of details) {
    if (!d.activityInstanceId) continue;
    if (!submitted.has(d.activityInstanceId)) submitted.set(d.activityInstanceId, []);
    submitted.get(d.activityInstanceId).push(d);
  }
  const steps = activities.filter((a) => a.activityName && !/Gateway$/.test(a.activityType) && a.activityType !== 'subProcess');
  const who = await Promise.all(steps.map((a) => person(api, (taskByActivity.get(a.id) || {}).assignee)));
  const decisionVersions = new Map();
  await Promise.all([...new Set(decisions.map((d) => d.decisionDefinitionId))].map(async (id) => {
    const definition = await get(api, `/decision-definition/${encodeURIComponent(id)}`).catch(() => null);
    decisionVersions.set(id, definition ? definition.version : '?');
  }));
  const scoped = variables.filter((v) => v.activityInstanceId === order.id).sort((a, b) => dictionary.label(a.name).localeCompare(dictionary.label(b.name), 'zh'));
  const linked = scoped.find((v) => v.name === 'linkedOrder');

  target.innerHTML = `
    <h3>工单 <span class="hl-number">${escapeHtml(number)}</span>：${order.endTime ? `已办结（${time(order.endTime)}）` : '办理中'}</h3>
    <p>登记：${time(order.startTime)}；相关流程：${instances.map((i) => `${escapeHtml(instanceName.get(i.id))}（${i.endTime ? '已结束' : '进行中'}）`).join('、')}</p>
    ${linked || gaps.length ? `<p class="hl-links">关联：${linked && linked.value ? `并入工单 <a href="#${ROUTE}?number=${encodeURIComponent(linked.value)}" class="hl-link">${escapeHtml(linked.value)}</a> ` : ''}${gaps.map((g) => `知识缺口 ${escapeHtml(g.businessKey)}`).join(' ')}</p>` : ''}
    <h3>流程路径</h3><div class="hl-diagram"></div>
    <h3>办理时间线</h3>
    <table class="hl-timeline"><thead><tr><th>环节</th><th>流程</th><th>办理人</th><th>单位</th><th>开始</th><th>完成</th><th>时限</th><th>是否按时</th><th>提交内容（意见、理由）</th></tr></thead><tbody>
    ${steps.map((a, i) => {
      const task = taskByActivity.get(a.id);
      const due = task && task.due;
      const met = due ? (a.endTime ? new Date(a.endTime) <= new Date(due) : new Date() <= new Date(due)) : null;
      const values = (submitted.get(a.id) || []).map((d) => `${escapeHtml(dictionary.label(d.variableName))}：${escapeHtml(dictionary.showVariable({ name: d.variableName, type: d.variableType, value: d.value }))}`).join('；');
      return `<tr><td>${escapeHtml(a.activityName)}</td><td>${escapeHtml(instanceName.get(a.processInstanceId))}</td>
        <td class="hl-who">${task ? escapeHtml(who[i].name) : '系统'}</td><td>${task ? escapeHtml(who[i].unit) : ''}</td>
        <td>${time(a.startTime)}</td><td>${a.endTime ? time(a.endTime) : (a.canceled ? '已取消' : '进行中')}</td>
        <td>${due ? time(due) : ''}</td><td class="${met === false ? 'late' : 'in-time'}">${met === null ? '' : (met ? '按时' : '超时')}</td>
        <td>${values}</td></tr>`;
    }).join('')}</tbody></table>
    <h3>决策表</h3>
    <table class="hl-decisions"><thead><tr><th>决策</th><th>版本</th><th>时间</th><th>输入</th><th>输出</th></tr></thead><tbody>
    ${decisions.map((d) => `<tr><td>${escapeHtml(d.decisionDefinitionName || d.decisionDefinitionKey)}</td><td class="hl-version">第 ${escapeHtml(decisionVersions.get(d.decisionDefinitionId))} 版</td><td>${time(d.evaluationTime)}</td>
      <td>${(d.inputs || []).map((x) => `${escapeHtml(x.clauseName || x.clauseId)}：${escapeHtml(dictionary.show(x.clauseName, x.value))}`).join('；')}</td>
      <td>${(d.outputs || []).map((x) => `${escapeHtml(x.clauseName || x.variableName)}：${escapeHtml(dictionary.show(x.variableName, x.value))}`).join('；')}</td></tr>`).join('')}</tbody></table>
    <h3>工单变量（只读）</h3>
    <table class="hl-variables"><thead><tr><th>名称</th><th>值</th></tr></thead><tbody>
    ${scoped.map((v) => `<tr data-name="${escapeHtml(v.name)}"><td>${escapeHtml(dictionary.label(v.name))}</td><td class="hl-value">${escapeHtml(dictionary.showVariable(v))}</td></tr>`).join('')}</tbody></table>`;

  target.querySelectorAll('.hl-link').forEach((a) => a.addEventListener('click', () => setTimeout(() => window.location.reload(), 0)));
  await renderDiagram(target.querySelector('.hl-diagram'), api, order, activities.filter((a) => a.processInstanceId === order.id), instances, activities);
}

async function renderDiagram(container, api, order, own, instances, all) {
  try {
    const BpmnJS = await loadViewer();
    const xml = await get(api, `/process-definition/${encodeURIComponent(order.processDefinitionId)}/xml`);
    const viewer = new BpmnJS({ container });
    await viewer.importXML(xml.bpmn20Xml);
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    const counts = new Map();
    for (const a of own) counts.set(a.activityId, (counts.get(a.activityId) || 0) + 1);
    // The ladders and supervisions of this order are counted on the step they watch: their
    // instances are counted on the order's diagram as a badge on the process.
    for (const [activityId, count] of counts) {
      if (!registry.get(activityId)) continue;
      canvas.addMarker(activityId, 'taken');
      overlays.add(activityId, { position: { bottom: 8, right: 18 }, html: `<span class="hl-count" title="经过次数">${count}</span>` });
    }
    const others = instances.filter((i) => i.id !== order.id);
    if (others.length) {
      const byName = new Map();
      for (const i of others) byName.set(i.processDefinitionName || i.processDefinitionKey, (byName.get(i.processDefinitionName || i.processDefinitionKey) || 0) + 1);
      const steps = all.filter((a) => a.processInstanceId !== order.id && a.activityType === 'userTask').length;
      container.insertAdjacentHTML('afterend', `<p class="hl-related">本工单的督办与升级：${[...byName].map(([n, c]) => `${escapeHtml(n)} ${c} 次`).join('、')}（其中人工环节 ${steps} 个，见时间线）</p>`);
    }
    canvas.zoom('fit-viewport');
  } catch (e) {
    container.innerHTML = `<p class="hl-error">流程图无法显示：${escapeHtml(e.message)}</p>`;
  }
}

export default [
  {
    id: 'hotline.workOrderAudit.route',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '工单审计' },
    render: (node, { api }) => {
      renderPage(node, api).catch((e) => {
        node.insertAdjacentHTML('beforeend', `<p class="hl-error">${escapeHtml(e.message)}</p>`);
      });
    },
  },
  {
    id: 'hotline.workOrderAudit.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: (node) => {
      node.innerHTML = '<a href="#/work-orders">工单审计</a>';
    },
    properties: {
      pagePath: '#/work-orders',
      checkActive: (path) => path.includes('#/work-orders'),
    },
  },
];

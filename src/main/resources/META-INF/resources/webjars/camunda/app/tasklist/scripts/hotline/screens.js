// 12345 hotline: what Tasklist shows staff, in Chinese and in Shanghai time (README 中文界面).
// Loaded by scripts/config.js (customScripts). Tasklist and its form-js viewer have no hook for
// these, so this script reads the engine API answers Tasklist receives (its own session, nothing
// else is requested except the order panel's GETs) and the form fields it renders:
// - after an order is started, its number stays on screen with a link to the order's panel;
// - form-js's English messages become Chinese; a pattern error says what the field expects (the
//   field's custom property patternMessage in the .form file, else its description), never the regex;
// - deadlines in forms show Shanghai time whatever the browser's zone;
// - names read in Chinese order (王丽, not 丽 王).

const ZONE = 'Asia/Shanghai';
const PATTERN_MESSAGE = 'patternMessage';

// ---- engine answers ------------------------------------------------------------------------

/** pattern (as in the form) -> Chinese message, from every form Tasklist loaded. */
const patternMessages = new Map();

const SHANGHAI_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** The Shanghai wall-clock time of an instant, without an offset (form-js reads it as local). */
function shanghaiWallClock(value) {
  const date = new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(date.getTime())) return value;
  const p = Object.fromEntries(SHANGHAI_PARTS.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

function rememberPatterns(form) {
  const walk = (components) => {
    for (const c of components || []) {
      const pattern = c.validate && c.validate.pattern;
      if (pattern) {
        const own = c.properties && c.properties[PATTERN_MESSAGE];
        patternMessages.set(pattern, own || (c.description ? `格式不正确：${c.description}` : '格式不正确'));
      }
      walk(c.components);
    }
  };
  walk(form.components);
}

const CJK = /^[\u3400-\u9fff]+$/;

function chineseOrder(user) {
  if (user && CJK.test(user.firstName || '') && CJK.test(user.lastName || '')) {
    return { ...user, firstName: `${user.lastName}${user.firstName}`, lastName: '' };
  }
  return user;
}

/** Rewrites an engine answer for display; null when it is left as it is. */
function rewrite(method, url, text) {
  const path = url.split('?')[0];
  if (method === 'GET' && /\/deployed-(start-)?form$/.test(path)) {
    rememberPatterns(JSON.parse(text));
    return null;
  }
  if (method === 'GET' && /\/form-variables$/.test(path)) {
    const variables = JSON.parse(text);
    for (const v of Object.values(variables)) {
      if (v && v.type === 'Date' && v.value) v.value = shanghaiWallClock(v.value);
    }
    return JSON.stringify(variables);
  }
  if (method === 'GET' && /\/user\/[^/]+\/profile$/.test(path)) {
    return JSON.stringify(chineseOrder(JSON.parse(text)));
  }
  if (method === 'GET' && /\/user$/.test(path)) {
    const users = JSON.parse(text);
    return Array.isArray(users) ? JSON.stringify(users.map(chineseOrder)) : null;
  }
  if (/\/task$|\/filter\/[^/]+\/list$/.test(path)) {
    // The task list (HAL, a filter's list) carries its assignees' names in _embedded.assignee.
    const list = JSON.parse(text);
    const embedded = list && list._embedded;
    if (!embedded || !Array.isArray(embedded.assignee)) return null;
    embedded.assignee = embedded.assignee.map(chineseOrder);
    return JSON.stringify(list);
  }
  if (method === 'POST' && /\/process-definition\/[^/]+\/submit-form$/.test(path)) {
    const started = JSON.parse(text);
    if (started && started.businessKey) setTimeout(() => showStarted(started.businessKey), 0);
    return null;
  }
  return null;
}

const xhrOpen = XMLHttpRequest.prototype.open;
const responseText = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'responseText');
const response = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'response');

XMLHttpRequest.prototype.open = function open(method, url, ...rest) {
  const request = { method: String(method).toUpperCase(), url: String(url), done: false, text: null };
  const read = (xhr) => {
    const original = responseText.get.call(xhr);
    if (xhr.readyState !== 4 || xhr.status < 200 || xhr.status >= 300) return original;
    if (!request.done) {
      request.done = true;
      try {
        request.text = rewrite(request.method, request.url, original);
      } catch (e) {
        request.text = null;
      }
    }
    return request.text === null ? original : request.text;
  };
  Object.defineProperty(this, 'responseText', { configurable: true, get() { return read(this); } });
  Object.defineProperty(this, 'response', {
    configurable: true,
    get() {
      const type = this.responseType;
      return type === '' || type === 'text' ? read(this) : response.get.call(this);
    },
  });
  return xhrOpen.call(this, method, url, ...rest);
};

// Tasklist loads the deployed forms with fetch, the rest through XMLHttpRequest.
const windowFetch = window.fetch;
window.fetch = async function fetchAndRead(input, init) {
  const answer = await windowFetch.call(this, input, init);
  const url = typeof input === 'string' ? input : input.url;
  if (answer.ok && /\/deployed-(start-)?form(\?|$)/.test(url)) {
    answer.clone().json().then(rememberPatterns).catch(() => {});
  }
  return answer;
};

// ---- the started order's number --------------------------------------------------------------

const escapeHtml = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false,
});
const time = (value) => (value ? TIME.format(new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'))) : '');

function engine() {
  return `${document.querySelector('base').getAttribute('engine-api')}engine/default`;
}

async function get(path) {
  const answer = await fetch(`${engine()}${path}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!answer.ok) throw new Error(`${answer.status}`);
  return answer.json();
}

function showStarted(number) {
  document.querySelectorAll('.hl-started').forEach((n) => n.remove());
  const box = document.createElement('div');
  box.className = 'hl-started';
  box.setAttribute('role', 'status');
  box.innerHTML = `<button type="button" class="close" aria-label="关闭">&times;</button>
    <div>工单已登记，编号 <strong class="hl-number">${escapeHtml(number)}</strong>（请告知来电人）</div>
    <a href class="hl-open-order">查看工单</a>`;
  box.querySelector('.close').addEventListener('click', () => box.remove());
  box.querySelector('.hl-open-order').addEventListener('click', (event) => {
    event.preventDefault();
    showOrder(number);
  });
  document.body.appendChild(box);
}

async function showOrder(number) {
  document.querySelectorAll('.hl-order').forEach((n) => n.remove());
  const panel = document.createElement('div');
  panel.className = 'hl-order';
  panel.setAttribute('role', 'dialog');
  panel.innerHTML = `<button type="button" class="close" aria-label="关闭">&times;</button>
    <h3>工单 <span class="hl-number">${escapeHtml(number)}</span></h3><div class="hl-body">正在读取…</div>`;
  panel.querySelector('.close').addEventListener('click', () => panel.remove());
  document.body.appendChild(panel);
  const body = panel.querySelector('.hl-body');
  try {
    const [order] = await get(`/history/process-instance?processDefinitionKey=workOrder&processInstanceBusinessKey=${encodeURIComponent(number)}`);
    if (!order) throw new Error('无权查看或工单不存在');
    const steps = await get(`/history/activity-instance?processInstanceId=${order.id}&sortBy=startTime&sortOrder=asc`);
    const named = steps.filter((s) => s.activityName && /Task|Event$/.test(s.activityType) || s.activityType === 'userTask');
    const open = named.filter((s) => !s.endTime).map((s) => s.activityName);
    body.innerHTML = `<dl>
        <dt>登记时间</dt><dd class="hl-started-at">${escapeHtml(time(order.startTime))}</dd>
        <dt>状态</dt><dd class="hl-state">${order.endTime ? `已办结（${escapeHtml(time(order.endTime))}）` : '办理中'}</dd>
        <dt>当前环节</dt><dd class="hl-current">${escapeHtml(open.join('、') || '—')}</dd>
      </dl>
      <ol class="hl-steps">${named.map((s) => `<li>${escapeHtml(time(s.startTime))} ${escapeHtml(s.activityName)}</li>`).join('')}</ol>`;
  } catch (e) {
    body.textContent = `工单无法显示：${e.message}`;
  }
}

// ---- form-js messages --------------------------------------------------------------------------

const MESSAGES = [
  [/^Field is required\.$/, () => '此项必填'],
  [/^Field must match pattern (.*)\.$/, (m) => patternMessages.get(m[1]) || '格式不正确'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少 ${m[1]} 个字`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多 ${m[1]} 个字`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱'],
  [/^Field must be a valid +international phone number\..*$/, () => '请输入有效的电话号码'],
  [/^Select$/, () => '请选择'],
  [/^No results$/, () => '无匹配项'],
  [/^All values selected$/, () => '已全部选择'],
  [/^Nothing to show\.$/, () => '暂无数据'],
];

function chinese(text) {
  const trimmed = text.trim();
  for (const [pattern, message] of MESSAGES) {
    const m = trimmed.match(pattern);
    if (m) return message(m);
  }
  return null;
}

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || !node.parentElement.closest('.fjs-container')) continue;
    const zh = chinese(node.data);
    if (zh !== null && zh !== node.data) node.data = zh;
  }
  root.querySelectorAll('.fjs-container input[placeholder="Search"]').forEach((input) => {
    input.placeholder = '搜索';
  });
}

new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'characterData') {
      const zh = r.target.parentElement && r.target.parentElement.closest('.fjs-container') && chinese(r.target.data);
      if (zh && zh !== r.target.data) r.target.data = zh;
    } else {
      r.addedNodes.forEach((n) => {
        if (n.nodeType === 1) translate(n);
        else if (n.nodeType === 3 && n.parentElement) translate(n.parentElement);
      });
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];

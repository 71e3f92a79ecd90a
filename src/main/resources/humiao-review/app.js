'use strict';
// The reviewers' desk (审核台). It holds no data of its own: the queue is read from the API with the
// key the reviewer types, kept in sessionStorage (gone when the tab closes). User text is only ever
// put into the page as DOM text nodes (textContent), never parsed as HTML.
(function () {
  const KEY = 'humiao.review.key';
  const ZONE = 'Asia/Shanghai';
  const LIMIT = 100;
  const KINDS = { screen: '机审待复核', appeal: '用户申诉', report: '用户举报' };
  const SOURCES = { term: '词库', rule: '规则', personal_info: '个人信息', model: '模型', semantic: '语义模型',
    repost: '转发指纹', engine_error: '引擎故障', user: '用户提交', platform_list: '平台名单', exact: '精确匹配',
    variant: '变体匹配' };
  const STATUSES = { open: '待处理', claimed: '已认领', resolved: '已处理' };
  // the screening categories a resolution may name (the API's Category; ReviewBrowserTest compares them)
  const CATEGORIES = ['insult', 'threat', 'exclusion', 'defamation', 'discrimination', 'sexual_harassment', 'porn', 'gore',
    'terror_superstition', 'self_harm', 'drugs', 'gambling', 'fraud', 'anti_addiction_evasion', 'personal_info', 'toxicity',
    'unscreened'];

  const $ = (id) => document.getElementById(id);
  let categories = {};
  let tasks = [];
  let selected = -1;

  // --- helpers -----------------------------------------------------------------------------

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function beijingTime(iso) {
    return new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));
  }

  const categoryLabel = (id) => categories[id] || id;

  function showError(message) {
    $('error').textContent = message;
    $('error').hidden = !message;
  }

  async function api(path, options) {
    const headers = { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) };
    if (options && options.body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, Object.assign({ headers: headers }, options || {}));
    if (response.status === 401) {
      logout('密钥无效或已撤销，请重新输入。');
      throw new Error('unauthorized');
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error(body && body.error ? body.error.code + ': ' + body.error.message : 'HTTP ' + response.status);
    }
    return body;
  }

  /** A task route: the task's platform is named, so an admin key acts on it as a reviewer key does. */
  function taskPath(task, action) {
    return '/v1/review/tasks/' + encodeURIComponent(task.id) + (action ? '/' + action : '') + '?platform='
      + encodeURIComponent(task.platform);
  }

  // --- the queue ---------------------------------------------------------------------------

  async function refresh() {
    const status = $('status').value;
    const answer = await api('/v1/review/tasks?limit=' + LIMIT + (status ? '&status=' + status : ''));
    const current = tasks[selected];
    tasks = answer.tasks;
    const kept = current ? tasks.findIndex((t) => t.id === current.id) : -1;
    renderQueue();
    select(kept >= 0 ? kept : (tasks.length ? 0 : -1));
    showError('');
  }

  function renderQueue() {
    $('queue-count').textContent = tasks.length + ' 条' + (tasks.length === LIMIT ? '（仅显示前 ' + LIMIT + ' 条）' : '');
    $('queue').replaceChildren(...tasks.map((task, i) => {
      const item = element('li');
      item.dataset.id = task.id;
      item.append(element('span', KINDS[task.kind] || task.kind, 'tag' + (task.priority >= 3 ? ' high' : '')),
        element('span', '优先级 ' + task.priority, 'tag'),
        element('span', STATUSES[task.status] || task.status, 'tag'),
        element('span', beijingTime(task.created), 'muted'),
        element('span', task.masked || task.text || task.dataId, 'line'));
      item.addEventListener('click', () => select(i));
      return item;
    }));
  }

  function select(index) {
    selected = index;
    [...$('queue').children].forEach((li, i) => li.classList.toggle('selected', i === index));
    const task = tasks[index];
    $('task').hidden = !task;
    $('no-task').hidden = !!task;
    $('result').textContent = '';
    if (!task) {
      $('task-status').textContent = '';
      return;
    }
    $('queue').children[index].scrollIntoView({ block: 'nearest' });
    renderTask(task);
  }

  function move(step) {
    if (tasks.length) select(Math.min(tasks.length - 1, Math.max(0, selected + step)));
  }

  // --- one task ----------------------------------------------------------------------------

  function renderTask(task) {
    const claim = task.claim ? '，' + task.claim.keyId + ' 认领至 ' + beijingTime(task.claim.until) : '';
    $('task-status').textContent = (STATUSES[task.status] || task.status) + claim;
    const meta = [['编号', task.id], ['平台', task.platform], ['内容编号', task.dataId], ['类型', KINDS[task.kind] || task.kind],
      ['场景', task.scene || '—'], ['来源', SOURCES[task.source] || task.source],
      ['命中类别', task.categories.map(categoryLabel).join('、') || '—'], ['创建时间', beijingTime(task.created)]];
    if (task.resolution) {
      meta.push(['处理结果', (task.resolution.verdict === 'block' ? '拦截' : '通过') + '（' + categoryLabel(task.resolution.category || '')
        + '）' + (task.resolution.note ? '：' + task.resolution.note : '')]);
    }
    $('task-meta').replaceChildren(...meta.flatMap(([name, value]) => [element('dt', name), element('dd', value)]));
    renderText(task);
    $('evidence').replaceChildren(...task.evidence.map((e) => element('li', e.term + ' · ' + categoryLabel(e.category)
      + ' · 严重度 ' + e.severity + ' · ' + (SOURCES[e.source] || e.source) + ' · 位置 ' + e.start + '–' + e.end)));
    if (!task.evidence.length) $('evidence').append(element('li', '无（用户提交的内容）', 'muted'));
    $('complaint-box').hidden = !task.complaint;
    if (task.complaint) {
      const c = task.complaint;
      $('complaint').textContent = [c.userId && '用户 ' + c.userId, c.reportedUser && '被举报用户 ' + c.reportedUser,
        c.reason && '理由：' + c.reason, c.minor && '涉及未成年人'].filter(Boolean).join('；');
    }
    $('category').value = '';
    $('note').value = '';
    $('list').value = '';
    $('term').value = '';
    const open = task.status !== 'resolved';
    ['claim', 'block', 'pass'].forEach((id) => { $(id).disabled = !open; });
  }

  /**
   * The text with each evidence span (UTF-16 offsets, as JavaScript strings count) in a mark.
   * Overlapping spans are merged; what is outside them stays plain text nodes.
   */
  function renderText(task) {
    const box = $('text');
    if (task.text === null) {
      box.replaceChildren(element('span', '（原文已按保留期限删除）' + (task.masked ? ' ' + task.masked : ''), 'muted'));
      return;
    }
    const text = task.text;
    const spans = task.evidence.map((e) => [Math.max(0, e.start), Math.min(text.length, e.end)])
      .filter(([s, e]) => s < e).sort((a, b) => a[0] - b[0]);
    const merged = [];
    spans.forEach(([s, e]) => {
      const last = merged[merged.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e); else merged.push([s, e]);
    });
    const nodes = [];
    let at = 0;
    merged.forEach(([s, e]) => {
      if (s > at) nodes.push(document.createTextNode(text.slice(at, s)));
      nodes.push(element('mark', text.slice(s, e)));
      at = e;
    });
    if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
    box.replaceChildren(...nodes);
  }

  async function claim() {
    const task = tasks[selected];
    if (!task || task.status === 'resolved') return;
    update(await api(taskPath(task, 'claim'), { method: 'POST' }));
  }

  async function resolve(verdict) {
    const task = tasks[selected];
    if (!task || task.status === 'resolved') return;
    const body = { verdict: verdict };
    if ($('category').value) body.category = $('category').value;
    if ($('note').value.trim()) body.note = $('note').value.trim();
    if ($('list').value && $('term').value.trim()) body.addToList = { list: $('list').value, term: $('term').value.trim() };
    const answer = await api(taskPath(task, 'resolve'), { method: 'POST', body: JSON.stringify(body) });
    update(answer);
    $('result').textContent = '已处理：' + (verdict === 'block' ? '确认违规' : '改判通过')
      + (body.addToList ? (answer.listed ? '，已加入' : '，未能加入') + (body.addToList.list === 'block' ? '拦截' : '放行') + '名单' : '');
  }

  /** A task as the API answered it replaces the queue's copy. */
  function update(task) {
    tasks[selected] = task;
    const result = $('result').textContent;
    renderQueue();
    select(selected);
    $('result').textContent = result;
  }

  /** A: the block list, with the words selected in the text, else the first evidence term. */
  function addToList() {
    const task = tasks[selected];
    if (!task) return;
    const picked = window.getSelection();
    const inText = picked && picked.rangeCount && $('text').contains(picked.anchorNode) ? picked.toString().trim() : '';
    $('list').value = $('list').value || 'block';
    $('term').value = inText || (task.evidence.length ? task.evidence[0].term : '');
    $('term').focus();
  }

  // --- keys and start ----------------------------------------------------------------------

  function run(action) {
    Promise.resolve().then(action).catch((e) => showError(e.message));
  }

  function onKey(e) {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (e.key === 'Escape' && typing) {
      document.activeElement.blur();
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey || $('desk').hidden) return;
    const actions = { j: () => move(1), k: () => move(-1), c: claim, b: () => resolve('block'), p: () => resolve('pass'),
      a: addToList, r: refresh };
    const action = actions[e.key.toLowerCase()];
    if (action) {
      e.preventDefault();
      run(action);
    }
  }

  function enter() {
    $('login').hidden = true;
    $('desk').hidden = false;
    $('logout').hidden = false;
    run(refresh);
  }

  function logout(message) {
    sessionStorage.removeItem(KEY);
    tasks = [];
    selected = -1;
    $('desk').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    showError(message || '');
  }

  async function init() {
    // the category names are the dashboard's: one table of labels for both pages
    categories = (await (await fetch('/dashboard/labels.json')).json()).categories;
    CATEGORIES.forEach((id) => {
      const option = element('option', categoryLabel(id));
      option.value = id;
      $('category').append(option);
    });
    $('key-form').addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem(KEY, $('key').value.trim());
      $('key').value = '';
      enter();
    });
    $('queue-filters').addEventListener('submit', (e) => {
      e.preventDefault();
      run(refresh);
    });
    $('claim').addEventListener('click', () => run(claim));
    $('block').addEventListener('click', () => run(() => resolve('block')));
    $('pass').addEventListener('click', () => run(() => resolve('pass')));
    $('logout').addEventListener('click', () => logout());
    document.addEventListener('keydown', onKey);
    if (sessionStorage.getItem(KEY)) enter();
  }

  init().catch((e) => showError('审核台加载失败：' + e.message));
})();

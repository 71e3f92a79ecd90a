'use strict';
// The regulators' dashboard. It holds no data of its own: everything is read from the API with
// the key the user types, kept in sessionStorage (gone when the tab closes). The live feed reads
// the SSE stream with fetch(), since EventSource cannot send an Authorization header.
(function () {
  const KEY = 'humiao.key';
  const ZONE = 'Asia/Shanghai';
  const DAY_MS = 86400000;
  const SEVERE = 3;
  const FEED_MAX = 50;
  const RETRY_MS = 3000;

  const $ = (id) => document.getElementById(id);
  let labels = { categories: {}, kinds: {} };
  const platforms = new Set();
  const categories = new Set();
  let live = null;
  let lastEventId = null;
  let refreshTimer = null;

  // --- helpers -----------------------------------------------------------------------------

  /** YYYY-MM-DD of an instant in Beijing. */
  function beijingDate(ms) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(ms));
  }

  function beijingTime(iso) {
    return new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function svg(tag, attributes, text) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes).forEach(([name, value]) => e.setAttribute(name, value));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const categoryLabel = (id) => labels.categories[id] || id;
  const kindLabel = (id) => labels.kinds[id] || id;

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) } },
      options || {}));
    if (response.status === 401) {
      logout('密钥无效或已撤销，请重新输入。');
      throw new Error('unauthorized');
    }
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body && body.error ? body.error.code + ': ' + body.error.message : 'HTTP ' + response.status);
    }
    return response;
  }

  function query(params) {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([name, value]) => { if (value) search.set(name, value); });
    return search.toString();
  }

  function filters() {
    return { from: $('from').value, to: $('to').value, platform: $('platform').value, category: $('category').value,
      kind: $('kind').value };
  }

  // --- figures -----------------------------------------------------------------------------

  async function refresh() {
    const f = filters();
    if (!f.from || !f.to) return;
    const answer = await (await api('/v1/regulator/summary?' + query({ from: f.from, to: f.to, platform: f.platform,
      groupBy: 'day,platform,category,kind' }))).json();
    answer.rows.forEach((row) => { platforms.add(row.platform); categories.add(row.category); });
    fillOptions();
    // category and kind are filtered here: the summary filters by platform only
    const rows = answer.rows.filter((row) => (!f.category || row.category === f.category) && (!f.kind || row.kind === f.kind));
    const total = (list) => list.reduce((sum, row) => sum + row.events, 0);
    $('total-events').textContent = total(rows);
    $('total-mandatory').textContent = rows.reduce((sum, row) => sum + row.mandatoryReports, 0);
    renderPairs($('by-kind'), sums(rows, 'kind'), kindLabel);
    renderBars($('by-category'), sums(rows, 'category'), categoryLabel);
    renderBars($('by-platform'), sums(rows, 'platform'), (id) => id);
    renderTrend(f.from, f.to, sums(rows, 'period'));
    showError('');
  }

  function sums(rows, field) {
    const totals = new Map();
    rows.forEach((row) => totals.set(row[field], (totals.get(row[field]) || 0) + row.events));
    return totals;
  }

  function sorted(totals) {
    return [...totals.entries()].sort((a, b) => b[1] - a[1]);
  }

  function renderPairs(list, totals, label) {
    list.replaceChildren(...sorted(totals).map(([id, count]) => {
      const item = element('li');
      item.dataset.id = id;
      item.append(element('span', label(id)), element('strong', String(count)));
      return item;
    }));
  }

  function renderBars(table, totals, label) {
    const entries = sorted(totals);
    const max = entries.length ? entries[0][1] : 1;
    table.tBodies[0].replaceChildren(...entries.map(([id, count]) => {
      const row = element('tr');
      row.dataset.id = id;
      const bar = element('div', undefined, 'bar');
      bar.style.width = (100 * count / max) + '%';
      const cell = element('td', undefined, 'bar-cell');
      cell.append(bar);
      row.append(element('td', label(id)), cell, element('td', String(count), 'count'));
      return row;
    }));
  }

  /** One bar per Beijing day of the range, days without events at zero. */
  function renderTrend(from, to, byDay) {
    const chart = $('trend');
    const days = [];
    for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(to + 'T00:00:00Z'); t += DAY_MS) {
      days.push(new Date(t).toISOString().slice(0, 10));
    }
    const max = Math.max(1, ...days.map((d) => byDay.get(d) || 0));
    const left = 40, top = 10, width = 750, height = 180;
    const step = width / Math.max(1, days.length);
    const shapes = [
      svg('line', { x1: left, y1: top + height, x2: left + width, y2: top + height, class: 'axis' }),
      svg('line', { x1: left, y1: top, x2: left, y2: top + height, class: 'axis' }),
      svg('text', { x: left - 6, y: top + 10, 'text-anchor': 'end' }, String(max)),
      svg('text', { x: left - 6, y: top + height, 'text-anchor': 'end' }, '0'),
    ];
    days.forEach((day, i) => {
      const count = byDay.get(day) || 0;
      const h = height * count / max;
      const bar = svg('rect', { x: left + i * step + step * 0.1, y: top + height - h, width: Math.max(1, step * 0.8),
        height: h, 'data-day': day, 'data-count': count });
      bar.append(svg('title', {}, day + '：' + count + ' 件'));
      shapes.push(bar);
    });
    if (days.length) {
      shapes.push(svg('text', { x: left, y: top + height + 16 }, days[0]));
      shapes.push(svg('text', { x: left + width, y: top + height + 16, 'text-anchor': 'end' }, days[days.length - 1]));
    }
    chart.replaceChildren(...shapes);
  }

  function fillOptions() {
    fill($('platform'), [...platforms].sort(), (id) => id);
    fill($('category'), [...new Set([...Object.keys(labels.categories), ...categories])], categoryLabel);
  }

  function fill(select, ids, label) {
    const have = new Set([...select.options].map((o) => o.value));
    ids.filter((id) => !have.has(id)).forEach((id) => select.append(new Option(label(id), id)));
  }

  /** Figures again soon after live events, once per burst. */
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => refresh().catch((e) => showError(e.message)), 2000);
  }

  // --- live feed ---------------------------------------------------------------------------

  function startLive() {
    stopLive();
    const f = filters();
    const controller = new AbortController();
    live = controller;
    const headers = { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) };
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    $('live-status').textContent = '连接中…';
    fetch('/v1/regulator/stream?' + query({ minSeverity: SEVERE, platform: f.platform, category: f.category, kind: f.kind }),
      { headers, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        $('live-status').textContent = '已连接';
        await readEvents(response.body.getReader(), controller);
        throw new Error('stream ended');
      })
      .catch(() => {
        if (live !== controller) return;
        $('live-status').textContent = '已断开，稍后重连';
        setTimeout(() => { if (live === controller) startLive(); }, RETRY_MS);
      });
  }

  function stopLive() {
    if (live) live.abort();
    live = null;
  }

  /** Parses Server-Sent Events: frames end at a blank line; "id:" and "data:" lines, comments start with ":". */
  async function readEvents(reader, controller) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done || live !== controller) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id = null;
        const data = [];
        frame.split('\n').forEach((line) => {
          if (line.startsWith('id:')) id = line.slice(3).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        });
        if (id !== null) lastEventId = id;
        if (data.length) showLive(JSON.parse(data.join('\n')));
      }
    }
  }

  function showLive(event) {
    const item = element('li');
    item.dataset.cursor = event.cursor;
    const masked = event.evidence && event.evidence.masked ? '「' + event.evidence.masked + '」' : '';
    item.append(
      element('span', beijingTime(event.time) + ' '),
      element('strong', event.platform + ' '),
      element('span', kindLabel(event.kind) + ' · ' + categoryLabel(event.category) + ' '),
      element('span', '严重度 ' + event.severity + (event.mandatoryReport ? ' · 强制报告' : '') + ' ', 'severity'),
      element('span', masked));
    const feed = $('live-feed');
    feed.prepend(item);
    while (feed.children.length > FEED_MAX) feed.lastElementChild.remove();
    refreshSoon();
  }

  // --- export, login, start ----------------------------------------------------------------

  async function exportCsv() {
    const f = filters();
    const blob = await (await api('/v1/regulator/events/export?' + query(f))).blob();
    const link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'humiao-events-' + f.from + '_' + f.to + '.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  function enter() {
    $('login').hidden = true;
    $('board').hidden = false;
    $('logout').hidden = false;
    refresh().then(startLive).catch((e) => showError(e.message));
  }

  function logout(message) {
    sessionStorage.removeItem(KEY);
    stopLive();
    $('board').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    showError(message || '');
  }

  async function init() {
    labels = await (await fetch('/dashboard/labels.json')).json();
    fill($('kind'), Object.keys(labels.kinds), kindLabel);
    fillOptions();
    const today = Date.now();
    $('to').value = beijingDate(today);
    $('from').value = beijingDate(today - 29 * DAY_MS);
    $('key-form').addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem(KEY, $('key').value.trim());
      $('key').value = '';
      enter();
    });
    $('filters').addEventListener('submit', (e) => {
      e.preventDefault();
      lastEventId = null;
      $('live-feed').replaceChildren();
      refresh().then(startLive).catch((err) => showError(err.message));
    });
    $('export').addEventListener('click', () => exportCsv().catch((e) => showError(e.message)));
    $('logout').addEventListener('click', () => logout());
    if (sessionStorage.getItem(KEY)) enter();
  }

  init().catch((e) => showError('看板加载失败：' + e.message));
})();

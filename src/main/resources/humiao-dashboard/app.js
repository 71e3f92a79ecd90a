'use strict';
// The regulators' console. It holds no data of its own: everything is read from the API with the
// key the user types, kept in sessionStorage (gone when the tab closes). Every string that comes
// from the API is set as text, never as HTML. The live feed reads the SSE stream with fetch(),
// since EventSource cannot send an Authorization header. Reads run one after another: the API
// lets a key run only a few at once.
(function () {
  const KEY = 'humiao.key';
  const ZONE = 'Asia/Shanghai';
  const DAY_MS = 86400000;
  const SEVERE = 3;
  const FEED_MAX = 50;
  const RETRY_MS = 3000;
  const REFUSALS = ['curfew_attempt', 'quota_exceeded', 'payment_refused', 'tip_refused'];
  const PILE_ONS = ['bullying_surge', 'target_protected'];
  const NONCOMPLIANCE = 'platform_noncompliance';
  const VIEWS = ['overview', 'trend', 'regions', 'ranking', 'cases', 'minor', 'pileon', 'live'];

  const $ = (id) => document.getElementById(id);
  // labels.json: Chinese names of categories, kinds, case statuses and agencies, and the steps a case
  // may take from each status (the server refuses others with case_conflict)
  let labels = { categories: {}, kinds: {}, caseStatuses: {}, agencies: {}, caseSteps: {} };
  const platforms = new Set();
  const categories = new Set();
  const charts = {};
  /** The scope's divisions: code → {name, parent}, and parent → child codes ('' for the top). */
  let divisions = null;
  let children = null;
  let scope = null;
  let regionAt = null;
  let regionTotals = null;
  let pendingStep = null;
  /** The case whose history is open in the worklist, kept open when the list is drawn anew. */
  let openHistory = null;
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
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  const categoryLabel = (id) => labels.categories[id] || id;
  const kindLabel = (id) => labels.kinds[id] || id;
  const statusLabel = (id) => labels.caseStatuses[id] || id;
  const agencyLabel = (id) => labels.agencies[id] || id;
  const regionName = (code) => (divisions && divisions.has(code) ? divisions.get(code).name : code);

  function showError(message) {
    const box = $('error');
    box.textContent = message;
    box.hidden = !message;
  }

  function headers(extra) {
    return Object.assign({ Authorization: 'Bearer ' + sessionStorage.getItem(KEY) }, extra || {});
  }

  /** Calls the API; a 401 asks for the key again, another error throws with its code (404 too, unless allowed). */
  async function api(path, options, allow404) {
    const response = await fetch(path, Object.assign({ headers: headers() }, options || {}));
    if (response.status === 401) {
      logout('密钥无效或已撤销，请重新输入。');
      throw new Error('unauthorized');
    }
    if (response.status === 404 && allow404) return null;
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body && body.error ? body.error.code + ': ' + body.error.message : 'HTTP ' + response.status);
    }
    return response;
  }

  async function json(path) {
    return (await api(path)).json();
  }

  function query(params) {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== '') search.set(name, value);
    });
    return search.toString();
  }

  function filters() {
    return { from: $('from').value, to: $('to').value, platform: $('platform').value, category: $('category').value,
      kind: $('kind').value };
  }

  /** Whether a summary row passes the page's category and kind filters (the API filters by platform only). */
  function selected(row, f) {
    return (!f.category || row.category === f.category) && (!f.kind || row.kind === f.kind);
  }

  /** Sums a count of rows by a field: field value → sum. */
  function sums(rows, field, count) {
    const totals = new Map();
    rows.forEach((row) => totals.set(row[field], (totals.get(row[field]) || 0) + row[count || 'events']));
    return totals;
  }

  function sorted(totals) {
    return [...totals.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  }

  function days(from, to) {
    const list = [];
    for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(to + 'T00:00:00Z'); t += DAY_MS) {
      list.push(new Date(t).toISOString().slice(0, 10));
    }
    return list;
  }

  /** A view's state for whoever waits on it (the browser test too): loading, ready or error. */
  function viewState(view, state) {
    $('view-' + view).dataset.state = state;
  }

  async function load(view, work) {
    viewState(view, 'loading');
    try {
      await work();
      viewState(view, 'ready');
    } catch (e) {
      viewState(view, 'error');
      showError(e.message);
    }
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function row(cells, dataset) {
    const tr = element('tr');
    Object.entries(dataset || {}).forEach(([name, value]) => { tr.dataset[name] = value; });
    cells.forEach((cell) => tr.append(cell instanceof Node ? cell : element('td', String(cell))));
    return tr;
  }

  function countCell(value, name) {
    const td = element('td', String(value), 'count');
    if (name) td.dataset.count = name;
    return td;
  }

  // --- tabs --------------------------------------------------------------------------------

  function show(view) {
    VIEWS.forEach((v) => {
      $('tab-' + v).setAttribute('aria-selected', String(v === view));
      $('view-' + v).hidden = v !== view;
    });
    // a chart drawn while its tab was hidden had no size
    Object.values(charts).forEach((c) => c.resize());
  }

  // --- refresh: one summary for most views, then the views with reads of their own ---------

  async function refresh() {
    const f = filters();
    if (!f.from || !f.to) return;
    showError('');
    let rows = [];
    await load('overview', async () => {
      const answer = await json('/v1/regulator/summary?' + query({ from: f.from, to: f.to, platform: f.platform,
        groupBy: 'day,platform,category,kind' }));
      rows = answer.rows;
      rows.forEach((r) => { platforms.add(r.platform); categories.add(r.category); });
      fillOptions();
      renderOverview(rows.filter((r) => selected(r, f)));
    });
    await load('trend', async () => renderTrend(f, rows.filter((r) => selected(r, f))));
    await load('pileon', async () => renderPileOns(rows));
    await load('regions', () => loadRegions(f));
    await load('ranking', () => loadRanking(f));
    await load('cases', loadCases);
    await load('minor', async () => {
      renderNoncompliance(rows);
      await loadRefusalHours(f);
    });
  }

  function renderOverview(rows) {
    $('total-events').textContent = rows.reduce((sum, r) => sum + r.events, 0);
    $('total-mandatory').textContent = rows.reduce((sum, r) => sum + r.mandatoryReports, 0);
    $('by-kind').replaceChildren(...sorted(sums(rows, 'kind')).map(([id, count]) => {
      const item = element('li');
      item.dataset.id = id;
      item.append(element('span', kindLabel(id)), element('strong', String(count)));
      return item;
    }));
    renderBars($('by-category'), sums(rows, 'category'), categoryLabel);
    renderBars($('by-platform'), sums(rows, 'platform'), (id) => id);
  }

  function renderBars(table, totals, label) {
    const entries = sorted(totals);
    const max = entries.length ? entries[0][1] : 1;
    table.tBodies[0].replaceChildren(...entries.map(([id, count]) => {
      const bar = element('div', undefined, 'bar');
      bar.style.width = (100 * count / max) + '%';
      const cell = element('td', undefined, 'bar-cell');
      cell.append(bar);
      return row([element('td', label(id)), cell, countCell(count)], { id });
    }));
  }

  /** Events a day, one stacked series per category; days without events at zero. */
  function renderTrend(f, rows) {
    const range = days(f.from, f.to);
    const index = new Map(range.map((d, i) => [d, i]));
    const byCategory = new Map();
    rows.forEach((r) => {
      if (!byCategory.has(r.category)) byCategory.set(r.category, range.map(() => 0));
      byCategory.get(r.category)[index.get(r.period)] += r.events;
    });
    chart('trend-chart').setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: range },
      yAxis: { type: 'value', minInterval: 1 },
      series: [...byCategory.entries()].map(([category, data]) => ({ id: category, name: categoryLabel(category),
        type: 'bar', stack: 'events', data })),
    }, { notMerge: true });
  }

  function renderPileOns(rows) {
    const byPlatform = new Map();
    rows.filter((r) => PILE_ONS.includes(r.kind)).forEach((r) => {
      const counts = byPlatform.get(r.platform) || Object.fromEntries(PILE_ONS.map((k) => [k, 0]));
      counts[r.kind] += r.events;
      byPlatform.set(r.platform, counts);
    });
    const entries = [...byPlatform.entries()].sort((a, b) => b[1].bullying_surge - a[1].bullying_surge
      || a[0].localeCompare(b[0]));
    $('pileon-table').tBodies[0].replaceChildren(...entries.map(([platform, counts]) =>
      row([element('td', platform), ...PILE_ONS.map((k) => countCell(counts[k], k))], { id: platform })));
    if (!entries.length) $('pileon-table').tBodies[0].append(emptyRow(3));
  }

  function renderNoncompliance(rows) {
    const entries = sorted(sums(rows.filter((r) => r.kind === NONCOMPLIANCE), 'platform'));
    $('noncompliance-table').tBodies[0].replaceChildren(...entries.map(([platform, count]) =>
      row([element('td', platform), countCell(count)], { id: platform })));
    if (!entries.length) $('noncompliance-table').tBodies[0].append(emptyRow(2));
  }

  function emptyRow(columns) {
    const td = element('td', '暂无数据', 'empty');
    td.colSpan = columns;
    return row([td]);
  }

  // --- regions -----------------------------------------------------------------------------

  async function loadRegions(f) {
    if (!divisions) {
      const answer = await json('/v1/regulator/regions');
      divisions = new Map(answer.regions.map((r) => [r.code, r]));
      children = new Map();
      answer.regions.forEach((r) => {
        // the scope's own division is the top of its tree, whatever is above it
        const parent = r.code === answer.region ? '' : (r.parent || '');
        if (!children.has(parent)) children.set(parent, []);
        children.get(parent).push(r.code);
      });
      scope = answer.region;
      regionAt = scope;
      $('scope').textContent = scope ? '辖区：' + regionName(scope) + '（' + scope + '）' : '辖区：全国';
    }
    const answer = await json('/v1/regulator/summary?' + query({ from: f.from, to: f.to, platform: f.platform,
      groupBy: 'region,category,kind' }));
    // each event counts for its division and every division above it within the scope
    regionTotals = new Map();
    answer.rows.filter((r) => selected(r, f)).forEach((r) => {
      for (let code = r.region; ; code = divisions.get(code).parent) {
        const key = code && divisions.has(code) ? code : '';
        const total = regionTotals.get(key) || { events: 0, mandatoryReports: 0, own: 0 };
        total.events += r.events;
        total.mandatoryReports += r.mandatoryReports;
        if (code === r.region) total.own += r.events;
        regionTotals.set(key, total);
        if (!key || code === scope) break;
      }
    });
    renderRegions();
  }

  /**
   * The divisions under {@code at} ('' for the top) with events, largest first, as [code, total]; a
   * division's own events (not of a division under it) follow as its '本级' entry.
   */
  function regionEntries(at) {
    const none = { events: 0, mandatoryReports: 0, own: 0 };
    const entries = (children.get(at) || [])
      .map((code) => [code, regionTotals.get(code) || none])
      .filter(([, total]) => total.events > 0)
      .sort((a, b) => b[1].events - a[1].events || a[0].localeCompare(b[0]));
    const here = at ? regionTotals.get(at) : null;
    return { entries, own: here && here.own > 0 ? here.own : 0 };
  }

  const drillable = (code) => children.has(code);

  function drill(code) {
    regionAt = code || null;
    renderRegions();
  }

  function renderRegions() {
    const at = regionAt;
    const path = [];
    for (let code = at; code; code = code === scope ? null : divisions.get(code).parent) path.unshift(code);
    const crumbs = [scope ? null : regionCrumb('', '全国'), ...path.map((code) => regionCrumb(code, regionName(code)))]
      .filter(Boolean);
    $('region-path').replaceChildren(...crumbs);

    const { entries, own } = regionEntries(at || '');
    const rows = entries.map(([code, total]) => {
      const name = element('td');
      if (drillable(code)) {
        const button = element('button', regionName(code), 'link');
        button.type = 'button';
        button.addEventListener('click', () => drill(code));
        name.append(button);
      } else {
        name.textContent = regionName(code);
      }
      return row([name, element('td', code), countCell(total.events, 'events'),
        countCell(total.mandatoryReports, 'mandatoryReports')], { code });
    });
    if (own > 0) {
      rows.push(row([element('td', regionName(at) + '（本级）'), element('td', at), countCell(own, 'events'),
        element('td')], { code: at, own: 'true' }));
    }
    const unnamed = !at && !scope ? regionTotals.get('') : null;
    if (unnamed && unnamed.own > 0) {
      rows.push(row([element('td', '未标注地区'), element('td', '—'), countCell(unnamed.own, 'events'), element('td')],
        { code: 'none' }));
    }
    $('region-table').tBodies[0].replaceChildren(...rows);
    if (!rows.length) $('region-table').tBodies[0].append(emptyRow(4));
    renderTreemap(at || '', unnamed && unnamed.own > 0 ? unnamed.own : 0);
    $('view-regions').dataset.at = at || '';
  }

  /** A treemap node: a division with events, its own divisions' nodes under it down to {@code depth} levels. */
  function treemapNode(code, total, depth) {
    const node = { name: regionName(code), value: total.events, code };
    if (depth > 1 && drillable(code)) {
      const { entries, own } = regionEntries(code);
      node.children = entries.map(([child, t]) => treemapNode(child, t, depth - 1));
      if (own > 0) node.children.push({ name: regionName(code) + '（本级）', value: own, code, own: true });
    }
    return node;
  }

  /** The divisions under {@code at} and theirs, by events; a click on a division with divisions under it drills. */
  function renderTreemap(at, unnamed) {
    const { entries, own } = regionEntries(at);
    const data = entries.map(([code, total]) => treemapNode(code, total, 2));
    if (own > 0) data.push({ name: regionName(at) + '（本级）', value: own, code: at, own: true });
    if (unnamed > 0) data.push({ name: '未标注地区', value: unnamed, code: 'none' });
    const map = chart('region-treemap');
    map.setOption({
      // drawn on the canvas, not as HTML
      tooltip: { renderMode: 'richText', formatter: (p) => p.name + '：' + p.value + ' 件' },
      series: [{ id: 'regions', type: 'treemap', data, roam: false, nodeClick: false, breadcrumb: { show: false },
        width: '100%', height: '100%', top: 0, left: 0,
        upperLabel: { show: true, height: 22 }, label: { formatter: (p) => p.name + '\n' + p.value },
        levels: [{ itemStyle: { borderColor: '#fff', borderWidth: 3, gapWidth: 3 } },
          { itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 1 }, colorSaturation: [0.35, 0.6] }] }],
    }, { notMerge: true });
    map.off('click');
    // a click anywhere in a division's rectangle, on a division under it too, drills into that division
    map.on('click', (p) => {
      const target = p.data ? under(at, p.data.code) : null;
      if (target && drillable(target)) drill(target);
    });
  }

  /** Which division directly under {@code at} ('' for the top) holds {@code code}; null if none does. */
  function under(at, code) {
    for (let c = code; c && divisions.has(c); c = divisions.get(c).parent) {
      if ((divisions.get(c).parent || '') === at || c === scope) return c === at ? null : c;
    }
    return null;
  }

  function regionCrumb(code, name) {
    const crumb = element('button', name, 'crumb');
    crumb.type = 'button';
    crumb.dataset.code = code;
    crumb.addEventListener('click', () => drill(code));
    return crumb;
  }

  // --- platform ranking ----------------------------------------------------------------------

  const number = (value, digits) => (value === null || value === undefined ? '—'
    : Number(value).toLocaleString('zh-CN', { maximumFractionDigits: digits || 0 }));

  async function loadRanking(f) {
    const response = await api('/v1/regulator/compliance?' + query({ from: f.from, to: f.to }), undefined, true);
    const answer = response ? await response.json() : null;
    const list = answer ? answer.platforms : [];
    $('ranking-empty').hidden = list.length > 0;
    $('ranking-table').hidden = list.length === 0;
    $('ranking-method').textContent = answer && typeof answer.method === 'string' ? '口径：' + answer.method : '';
    $('ranking-table').tBodies[0].replaceChildren(...list.map((p) => row([
      countCell(p.rank, 'rank'), element('td', p.platform), countCell(number(p.screened), 'screened'),
      countCell(number(p.violations), 'violations'), countCell(number(p.per10k, 2), 'per10k'),
      countCell(number(p.noncompliance), 'noncompliance'), countCell(number(p.mandatoryReports), 'mandatoryReports'),
      countCell(number(p.surges), 'surges'), countCell(number(p.medianSecondsToProtection, 1), 'medianSecondsToProtection'),
    ], { id: p.platform })));
  }

  // --- cases -------------------------------------------------------------------------------

  async function loadCases() {
    const answer = await json('/v1/cases?' + query({ status: $('case-status').value,
      overdue: $('case-overdue').checked ? 'true' : '' }));
    const body = $('case-table').tBodies[0];
    body.replaceChildren(...answer.cases.map((c) => {
      const status = element('td', statusLabel(c.status));
      if (c.overdue) status.append(element('span', ' 超期', 'alarm'));
      const actions = element('td');
      labels.caseSteps[c.status].forEach((next) => {
        const button = element('button', statusLabel(next), 'step');
        button.type = 'button';
        button.dataset.step = next;
        button.addEventListener('click', () => askStep(c, next));
        actions.append(button);
      });
      const history = element('button', '历史', 'secondary history');
      history.type = 'button';
      history.setAttribute('aria-expanded', 'false');
      history.addEventListener('click', () => toggleHistory(c.id).catch((e) => showError(e.message)));
      actions.append(history);
      return row([beijingTime(c.eventTime), c.platform, c.region ? regionName(c.region) + ' ' + c.region : '—',
        categoryLabel(c.category), countCell(c.severity), status, c.deadline ? beijingTime(c.deadline) : '—',
        c.agency ? agencyLabel(c.agency) : '—', actions], { id: c.id, status: c.status });
    }));
    if (!answer.cases.length) body.append(emptyRow(9));
    if (openHistory && answer.cases.some((c) => c.id === openHistory)) await showHistory(openHistory);
    else openHistory = null;
  }

  function caseRow(id) {
    return [...$('case-table').tBodies[0].rows].find((tr) => tr.dataset.id === id);
  }

  async function toggleHistory(id) {
    const shown = openHistory === id;
    closeHistory();
    if (!shown) await showHistory(id);
  }

  function closeHistory() {
    const open = $('case-table').querySelector('tr[data-history-of]');
    if (open) open.remove();
    $('case-table').querySelectorAll('button.history').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    openHistory = null;
  }

  /**
   * A case's history under its row, read afresh from GET /v1/cases/{id}: every step, oldest first
   * (it only grows), who took it and when, the agency and note, and the current deadline.
   */
  async function showHistory(id) {
    const c = await json('/v1/cases/' + encodeURIComponent(id));
    const at = caseRow(id);
    if (!at) return;
    closeHistory();
    const steps = element('table', undefined, 'history-steps');
    const head = steps.createTHead().insertRow();
    ['时间', '操作人', '状态', '转介机构', '备注'].forEach((title) => {
      const th = element('th', title);
      th.scope = 'col';
      head.append(th);
    });
    const body = steps.createTBody();
    c.history.forEach((step, i) => body.append(row([beijingTime(step.at), step.by, statusLabel(step.status),
      step.agency ? agencyLabel(step.agency) : '—', step.note || '—'], { step: String(i), status: step.status })));
    const facts = element('p', '立案 ' + beijingTime(c.opened) + ' · 当前状态「' + statusLabel(c.status) + '」 · 期限 '
      + (c.deadline ? beijingTime(c.deadline) : '无（已转介或已结案）'), 'muted case-facts');
    if (c.overdue) facts.append(element('span', ' · 已超期', 'alarm'));
    const cell = element('td');
    cell.colSpan = 9;
    cell.append(element('h3', '处理历史（只增不改）'), facts, steps);
    const tr = row([cell], { historyOf: id });
    at.after(tr);
    at.querySelector('button.history').setAttribute('aria-expanded', 'true');
    openHistory = id;
  }

  /** Asks for confirmation (and the agency of a referral) before a case's step is sent. */
  function askStep(c, next) {
    pendingStep = { id: c.id, status: next };
    $('case-dialog-text').textContent = '将个案（' + c.platform + '，' + categoryLabel(c.category) + '，'
      + beijingTime(c.eventTime) + '）由「' + statusLabel(c.status) + '」改为「' + statusLabel(next) + '」？';
    $('case-agency-label').hidden = next !== 'referred';
    $('case-note').value = '';
    $('case-dialog').showModal();
  }

  async function sendStep() {
    const step = pendingStep;
    pendingStep = null;
    const body = { status: step.status };
    if (step.status === 'referred') body.agency = $('case-agency').value;
    const note = $('case-note').value.trim();
    if (note) body.note = note;
    await api('/v1/cases/' + encodeURIComponent(step.id) + '/actions', { method: 'POST',
      headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
    await load('cases', loadCases);
  }

  // --- minor mode: refusals by hour of day ----------------------------------------------------

  /** The server counts by Beijing hour (groupBy=hour), over every event of the range. */
  async function loadRefusalHours(f) {
    const answer = await json('/v1/regulator/summary?' + query({ from: f.from, to: f.to, platform: f.platform,
      groupBy: 'hour,kind' }));
    const byKind = Object.fromEntries(REFUSALS.map((kind) => [kind, new Array(24).fill(0)]));
    // a null hour is a count archived before hours were kept: in no hour's bar
    answer.rows.filter((r) => REFUSALS.includes(r.kind) && r.hour !== null).forEach((r) => {
      byKind[r.kind][r.hour] += r.events;
    });
    chart('minor-hours-chart').setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: [...Array(24).keys()].map((h) => h + '时') },
      yAxis: { type: 'value', minInterval: 1 },
      series: REFUSALS.map((kind) => ({ id: kind, name: kindLabel(kind), type: 'bar', stack: 'refusals',
        data: byKind[kind] })),
    }, { notMerge: true });
  }

  // --- filters' options ----------------------------------------------------------------------

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
    const extra = lastEventId !== null ? { 'Last-Event-ID': lastEventId } : {};
    $('live-status').textContent = '连接中…';
    viewState('live', 'loading');
    fetch('/v1/regulator/stream?' + query({ minSeverity: SEVERE, platform: f.platform, category: f.category, kind: f.kind }),
      { headers: headers(extra), signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        $('live-status').textContent = '已连接';
        viewState('live', 'ready');
        await readEvents(response.body.getReader(), controller);
        throw new Error('stream ended');
      })
      .catch(() => {
        if (live !== controller) return;
        $('live-status').textContent = '已断开，稍后重连';
        viewState('live', 'error');
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
    divisions = null;
    $('scope').textContent = '';
    $('board').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    showError(message || '');
  }

  async function init() {
    labels = await (await fetch('/dashboard/labels.json')).json();
    fill($('kind'), Object.keys(labels.kinds), kindLabel);
    fill($('case-status'), Object.keys(labels.caseStatuses), statusLabel);
    fill($('case-agency'), Object.keys(labels.agencies), agencyLabel);
    fillOptions();
    const today = Date.now();
    $('to').value = beijingDate(today);
    $('from').value = beijingDate(today - 29 * DAY_MS);
    VIEWS.forEach((v) => $('tab-' + v).addEventListener('click', () => show(v)));
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
    $('case-filter').addEventListener('change', () => load('cases', loadCases));
    $('case-form').addEventListener('submit', () => sendStep().catch((e) => showError(e.message)));
    $('case-cancel').addEventListener('click', () => { pendingStep = null; $('case-dialog').close(); });
    $('export').addEventListener('click', () => exportCsv().catch((e) => showError(e.message)));
    $('logout').addEventListener('click', () => logout());
    if (sessionStorage.getItem(KEY)) enter();
  }

  init().catch((e) => showError('控制台加载失败：' + e.message));
})();

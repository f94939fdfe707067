'use strict';
// The coach dashboard: plain browser JavaScript served from the gateway, no build step and no CDN
// (the box may be offline). The token lives in sessionStorage, so it ends with the browser tab.
(() => {
  const TOKEN_KEY = 'clisonix.token';
  const STALE_MS = 5000;
  const CHART_MS = 10 * 60 * 1000;
  // the analysis's default zones (HeartRateConfig): lower bounds in % of HRmax, and their colours
  const ZONES = [{n: 1, from: 50, color: '#a7b1bd'}, {n: 2, from: 60, color: '#4aa3ff'}, {n: 3, from: 70, color: '#37c26b'},
    {n: 4, from: 80, color: '#ffc53d'}, {n: 5, from: 90, color: '#ff5a4f'}];
  const $ = id => document.getElementById(id);
  const tiles = new Map(); // user_id -> {el, last, m}
  let socket = null;
  let retryMs = 1000;
  let lastFrame = 0;
  let currentClass = null;
  let pairing = null;
  let labels = new Map(); // device_id -> label
  let detail = null; // {userId, hrMax, xs, ys, plot}
  let leaderboardDirty = true;

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function api(method, path, body) {
    const res = await fetch(path, {
      method,
      headers: Object.assign({'Authorization': 'Bearer ' + token()}, body ? {'Content-Type': 'application/json'} : {}),
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store'
    });
    if (res.status === 401) { signOut('Your session ended; please sign in again.'); throw new Error('signed out'); }
    const json = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
    if (!res.ok) { throw new Error(json?.error?.message || ('request failed: ' + res.status)); }
    return json;
  }

  // ---- login
  $('login-form').addEventListener('submit', async e => {
    e.preventDefault();
    const who = $('login-user').value.trim();
    const body = {password: $('login-password').value};
    body[who.includes('@') ? 'email' : 'username'] = who;
    $('login-error').textContent = '';
    try {
      const res = await fetch('/fitness/auth/token', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)});
      const json = await res.json();
      if (!res.ok) { $('login-error').textContent = json?.error?.message || 'Sign-in failed'; return; }
      sessionStorage.setItem(TOKEN_KEY, json.access_token);
      $('login-password').value = '';
      showFloor();
    } catch (err) {
      $('login-error').textContent = 'The gateway cannot be reached: ' + err.message;
    }
  });

  $('logout').addEventListener('click', () => {
    const t = token();
    if (t) { fetch('/fitness/auth/logout', {method: 'POST', headers: {'Authorization': 'Bearer ' + t}}).catch(() => {}); }
    signOut('');
  });

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (socket) { socket.onclose = null; socket.close(); socket = null; }
    tiles.clear();
    closeDetail();
    $('floor').replaceChildren();
    $('floor-view').hidden = true;
    $('summary-view').hidden = true;
    $('login-view').hidden = false;
    $('login-error').textContent = message;
    $('login-user').focus();
  }

  function showFloor() {
    $('login-view').hidden = true;
    $('floor-view').hidden = false;
    loadFloor();
    loadMusic();
    connect();
  }

  // ---- floor snapshot: tiles, unassigned devices, bridges, class, music
  async function loadFloor() {
    try {
      const [floor, devices] = await Promise.all([api('GET', '/fitness/floor'), api('GET', '/fitness/devices').catch(() => null)]);
      $('floor-error').textContent = '';
      if (devices) { labels = new Map(devices.filter(d => d.label).map(d => [d.device_id, d.label])); }
      floor.athletes.forEach(updateTile);
      // athletes who left the floor (not active any more, no news for a while) lose their tile
      const active = new Set(floor.athletes.map(a => a.user_id));
      tiles.forEach((t, id) => {
        if (!active.has(id) && Date.now() - t.last > STALE_MS) { t.el.remove(); tiles.delete(id); leaderboardDirty = true; }
      });
      $('athlete-count').textContent = tiles.size + ' athletes';
      renderUnassigned(floor.unassigned || []);
      renderBridges(floor.bridges || []);
      setClass(floor.class);
      if (floor.music) { showTempo(floor.music); }
    } catch (err) {
      if (err.message !== 'signed out') { $('floor-error').textContent = 'Floor: ' + err.message; }
    }
  }

  function fmt(v, digits) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }

  function updateTile(m) {
    if (!m || !m.user_id) { return; }
    let t = tiles.get(m.user_id);
    if (!t) {
      const el = document.createElement('article');
      el.className = 'tile';
      el.dataset.userId = m.user_id;
      el.tabIndex = 0;
      el.setAttribute('role', 'button');
      el.innerHTML = '<div class="name"></div><span class="zone"></span>'
        + '<div class="hr-row"><span class="hr"></span><span class="pct"></span></div>'
        + '<div class="stats"></div><div class="ex"></div><div class="alerts" role="status"></div>';
      el.addEventListener('click', () => openDetail(m.user_id));
      t = {el, last: 0, m: {}};
      tiles.set(m.user_id, t);
      insertSorted(el, m.username || '');
      $('athlete-count').textContent = tiles.size + ' athletes';
    }
    const el = t.el;
    t.last = Date.now();
    t.m = m;
    leaderboardDirty = true;
    el.classList.remove('stale', 'z1', 'z2', 'z3', 'z4', 'z5');
    if (m.zone) { el.classList.add('z' + m.zone); }
    el.querySelector('.name').textContent = m.username || m.user_id.slice(0, 8);
    el.querySelector('.zone').textContent = m.zone ? 'Z' + m.zone : '–';
    el.querySelector('.hr').textContent = m.heart_rate === null || m.heart_rate === undefined ? '–' : Math.round(m.heart_rate);
    el.querySelector('.pct').textContent = m.pct_hr_max === null || m.pct_hr_max === undefined ? '' : Math.round(m.pct_hr_max) + '%';
    el.querySelector('.stats').textContent = fmt(m.calories, 0) + ' kcal · ' + fmt(m.effort_points, 0) + ' pts';
    el.querySelector('.ex').textContent = m.exercise
      ? m.exercise + ' · ' + (m.reps_counted ?? 0) + ' reps' + (m.form_score != null ? ' · form ' + Math.round(m.form_score) : '')
      : 'no exercise';
    const alerts = (m.alerts || []).map(a => typeof a === 'string' ? a : (a.kind || a.type || JSON.stringify(a)));
    el.querySelector('.alerts').textContent = alerts.length ? '⚠ ' + alerts.join(', ') : '';
    el.setAttribute('aria-label', (m.username || 'athlete') + ', ' + (m.heart_rate ?? 'no') + ' bpm, zone '
      + (m.zone ?? 'unknown') + (alerts.length ? ', alert: ' + alerts.join(', ') : '') + '. Enter opens the detail');
    if (detail && detail.userId === m.user_id) { detailLive(m); }
  }

  function insertSorted(el, name) {
    el.dataset.sortName = name.toLowerCase();
    const floor = $('floor');
    const after = [...floor.children].find(c => c.dataset.sortName > el.dataset.sortName);
    floor.insertBefore(el, after || null);
  }

  // keyboard: arrows move between tiles as they sit in the grid, Enter or Space opens one
  $('floor').addEventListener('keydown', e => {
    const tile = e.target.closest('.tile');
    if (!tile) { return; }
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openDetail(tile.dataset.userId); return; }
    const all = [...$('floor').children];
    const cols = getComputedStyle($('floor')).gridTemplateColumns.split(' ').length;
    const step = {ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols, Home: -all.length, End: all.length}[e.key];
    if (step === undefined) { return; }
    e.preventDefault();
    const i = Math.max(0, Math.min(all.length - 1, all.indexOf(tile) + step));
    all[i].focus();
  });

  // ---- leaderboard: effort points, then minutes in the top zones; redrawn at most once a second
  function renderLeaderboard() {
    if (!leaderboardDirty) { return; }
    leaderboardDirty = false;
    const rows = [...tiles.values()].map(t => t.m).filter(m => m.effort_points != null || m.minutes_high_zone != null)
      .sort((a, b) => (b.effort_points ?? 0) - (a.effort_points ?? 0) || (b.minutes_high_zone ?? 0) - (a.minutes_high_zone ?? 0))
      .slice(0, 10);
    $('leaderboard').tBodies[0].replaceChildren(...rows.map((m, i) => {
      const tr = document.createElement('tr');
      [String(i + 1), m.username || m.user_id.slice(0, 8), fmt(m.effort_points, 0), fmt(m.minutes_high_zone, 1)].forEach(v => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      });
      return tr;
    }));
  }

  // ---- live WebSocket with automatic reconnect
  function connect() {
    if (!token()) { return; }
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/fitness/live/ws');
    socket = ws;
    setConn('Connecting…', 'stale');
    ws.onopen = () => { ws.send(JSON.stringify({token: token()})); };
    ws.onmessage = e => {
      if (lastFrame === 0 || Date.now() - lastFrame > STALE_MS) { retryMs = 1000; }
      lastFrame = Date.now();
      setConn('Live', '');
      const f = JSON.parse(e.data);
      if (f.type === 'metrics') { updateTile(f.data); }
      else if (f.type === 'event') { onEvent(f.data); }
      else if (f.type === 'tempo') { showTempo(f.data); }
    };
    ws.onclose = e => {
      if (socket !== ws) { return; }
      socket = null;
      lastFrame = 0;
      if (e.code === 4401) { signOut('Your session ended; please sign in again.'); return; }
      if (e.code === 4403) { setConn('No live data for this account', 'down'); return; }
      setConn('Disconnected, retrying…', 'down');
      setTimeout(() => { connect(); loadFloor(); loadMusic(); }, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  function setConn(text, cls) {
    const c = $('conn');
    c.textContent = text;
    c.className = 'conn' + (cls ? ' ' + cls : '');
  }

  function onEvent(ev) {
    if (ev.kind === 'paired' || ev.kind === 'unpaired' || ev.kind === 'bridge') {
      loadFloor();
      if (detail && detail.userId === ev.user_id) { loadDevices(detail.userId); }
    }
    if (ev.kind === 'alert') {
      const t = tiles.get(ev.user_id);
      if (t) { t.el.querySelector('.alerts').textContent = '⚠ ' + (ev.alert || ev.type || 'alert'); }
    }
  }

  // stale data: tiles without news and a socket that went quiet are marked
  setInterval(() => {
    const now = Date.now();
    tiles.forEach(t => t.el.classList.toggle('stale', now - t.last > STALE_MS));
    if (socket && socket.readyState === WebSocket.OPEN && lastFrame && now - lastFrame > STALE_MS) {
      setConn('Stale: no data for ' + Math.round((now - lastFrame) / 1000) + ' s', 'stale');
    }
    renderTimer();
    renderLeaderboard();
  }, 1000);
  // the device list has no live feed of its own
  setInterval(() => { if (token() && !$('floor-view').hidden) { loadFloor(); } }, 15000);

  // ---- class start and end, with a timer and the summary
  function setClass(c) {
    currentClass = c && !c.ended_at ? c : null;
    $('class-name').textContent = currentClass ? currentClass.name : 'No class running';
    $('class-start').hidden = !!currentClass;
    $('class-new-name').hidden = !!currentClass;
    $('class-end').hidden = !currentClass;
    renderTimer();
  }

  function renderTimer() {
    if (!currentClass) { $('class-timer').textContent = '00:00'; return; }
    const s = Math.max(0, Math.floor((Date.now() - Date.parse(currentClass.started_at)) / 1000));
    const h = Math.floor(s / 3600);
    const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
    const ss = String(s % 60).padStart(2, '0');
    $('class-timer').textContent = (h ? h + ':' : '') + mm + ':' + ss;
  }

  $('class-start').addEventListener('click', async () => {
    try {
      const c = await api('POST', '/fitness/classes', {name: $('class-new-name').value.trim() || 'Class'});
      setClass(Object.assign({id: c.class_id || c.id}, c.class || c));
    } catch (err) { $('floor-error').textContent = 'Class: ' + err.message; }
  });
  $('class-end').addEventListener('click', async () => {
    if (!currentClass) { return; }
    try {
      const res = await api('PUT', '/fitness/classes/' + (currentClass.id || currentClass.class_id) + '/end');
      setClass(null);
      showSummary(res.class || {}, res.summary || {athletes: []});
    } catch (err) { $('floor-error').textContent = 'Class: ' + err.message; }
  });

  // the stored summary has what ended workouts hold; an open workout's live figures fill the gaps
  function showSummary(cls, summary) {
    const rows = (summary.athletes || []).map(a => {
      const live = tiles.get(a.user_id)?.m || {};
      return [a.username, a.calories ?? live.calories, a.effort_points ?? live.effort_points,
        a.minutes_high_zone ?? live.minutes_high_zone, a.average_heart_rate, a.max_heart_rate, a.reps, a.form_score];
    });
    const digits = [null, 0, 0, 1, 0, 0, 0, 0];
    $('summary-title').textContent = 'Class summary: ' + (cls.name || 'class');
    $('summary-when').textContent = (cls.started_at ? new Date(cls.started_at).toLocaleString() : '') + ' – '
      + (cls.ended_at ? new Date(cls.ended_at).toLocaleTimeString() : '') + ' · ' + rows.length + ' athletes';
    $('summary-table').tBodies[0].replaceChildren(...rows.map(r => {
      const tr = document.createElement('tr');
      r.forEach((v, i) => {
        const td = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) { td.scope = 'row'; }
        td.textContent = i === 0 ? (v || '–') : fmt(v, digits[i]);
        tr.append(td);
      });
      return tr;
    }));
    $('floor-view').hidden = true;
    $('summary-view').hidden = false;
    $('summary-view').focus();
  }
  $('summary-print').addEventListener('click', () => window.print());
  $('summary-close').addEventListener('click', () => {
    $('summary-view').hidden = true;
    $('floor-view').hidden = false;
    $('class-start').focus();
  });

  // ---- music: what plays now (tempo frames), and the coach's settings
  async function loadMusic() {
    try { showTempo(await api('GET', '/fitness/music')); } catch (err) { /* the floor snapshot carries it too */ }
  }

  function showTempo(t) {
    if (!t) { return; }
    $('music-bpm').textContent = t.bpm == null ? '–' : Math.round(t.bpm);
    $('music-mode').textContent = t.mode || '–';
    $('music-style').textContent = (t.style || '–').replace('_', ' ');
    // the form shows what is in force, unless the coach is editing it
    if (!$('music-form').contains(document.activeElement) && !$('music-form').dataset.dirty) {
      if (t.mode) { $('music-mode-input').value = t.mode; }
      if (t.style) { $('music-style-input').value = t.style; }
      $('music-min-input').value = t.min_bpm ?? '';
      $('music-max-input').value = t.max_bpm ?? '';
      $('music-bpm-input').value = t.bpm == null ? '' : Math.round(t.bpm);
    }
  }

  $('music-form').addEventListener('input', () => { $('music-form').dataset.dirty = '1'; });
  $('music-form').addEventListener('submit', async e => {
    e.preventDefault();
    const body = {mode: $('music-mode-input').value, style: $('music-style-input').value};
    const num = id => $(id).value === '' ? undefined : Number($(id).value);
    body.min_bpm = num('music-min-input');
    body.max_bpm = num('music-max-input');
    if (body.mode === 'manual') { body.bpm = num('music-bpm-input'); }
    $('music-error').textContent = '';
    try {
      const t = await api('PUT', '/fitness/music', body);
      delete $('music-form').dataset.dirty;
      showTempo(t);
      $('music-error').textContent = '';
    } catch (err) { $('music-error').textContent = 'Music not changed: ' + err.message; }
  });

  // ---- unassigned devices and pairing
  function deviceName(id) { return labels.has(id) ? labels.get(id) + ' (' + id + ')' : id; }

  function renderUnassigned(list) {
    const ul = $('unassigned');
    ul.replaceChildren(...list.map(d => {
      const li = document.createElement('li');
      li.dataset.deviceId = d.device_id;
      const label = document.createElement('div');
      label.textContent = deviceName(d.device_id) + ' · ' + d.kind;
      li.append(label);
      if (d.battery != null) {
        const b = document.createElement('div');
        b.textContent = 'battery ' + d.battery + '%' + (d.battery < 20 ? ' – low' : '');
        if (d.battery < 20) { b.className = 'low'; }
        li.append(b);
      }
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = 'Pair…';
      btn.setAttribute('aria-label', 'Pair ' + deviceName(d.device_id) + ' with an athlete');
      btn.addEventListener('click', () => openPair(d));
      li.append(btn);
      return li;
    }));
    if (!list.length) { const li = document.createElement('li'); li.textContent = 'None'; ul.append(li); }
  }

  function renderBridges(list) {
    $('bridges').replaceChildren(...list.map(b => {
      const li = document.createElement('li');
      li.textContent = b.id + ': ' + b.status;
      if (b.status !== 'online') { li.className = 'low'; li.textContent += ' ⚠'; }
      return li;
    }));
  }

  function openPair(device) {
    pairing = device;
    $('pair-title').textContent = 'Pair ' + deviceName(device.device_id);
    $('pair-query').value = '';
    $('pair-label').value = labels.get(device.device_id) || '';
    $('pair-label').disabled = device.kind === 'camera_track';
    $('pair-results').replaceChildren();
    $('pair-error').textContent = '';
    $('pair-dialog').showModal();
    $('pair-query').focus();
  }

  let searchTimer = 0;
  $('pair-query').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 250);
  });

  async function search() {
    const q = $('pair-query').value.trim();
    if (!q) { $('pair-results').replaceChildren(); return; }
    try {
      const users = await api('GET', '/fitness/users?limit=10&query=' + encodeURIComponent(q));
      $('pair-results').replaceChildren(...users.map(u => {
        const li = document.createElement('li');
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.textContent = u.username + (u.email ? ' <' + u.email + '>' : '');
        btn.addEventListener('click', () => pair(u));
        li.append(btn);
        return li;
      }));
      if (!users.length) { $('pair-error').textContent = 'No athlete matches "' + q + '"'; }
      else { $('pair-error').textContent = ''; }
    } catch (err) { $('pair-error').textContent = err.message; }
  }

  async function pair(user) {
    const d = pairing;
    // ingestion names a camera track "camera:track"; straps and machines go by their device id
    const cut = d.device_id.indexOf(':');
    const path = d.kind === 'camera_track' && cut > 0
      ? '/fitness/cameras/' + encodeURIComponent(d.device_id.slice(0, cut)) + '/tracks/'
        + encodeURIComponent(d.device_id.slice(cut + 1)) + '/pair'
      : '/fitness/devices/' + encodeURIComponent(d.device_id) + '/pair';
    try {
      await api('POST', path, {user_id: user.id});
      const label = $('pair-label').value.trim();
      if (label && d.kind !== 'camera_track' && label !== labels.get(d.device_id)) {
        await api('PUT', '/fitness/devices/' + encodeURIComponent(d.device_id), {label});
      }
      $('pair-dialog').close();
      loadFloor();
    } catch (err) { $('pair-error').textContent = err.message; }
  }

  // ---- athlete detail: HR chart with zone bands, zone times, exercises, HRV and stress, devices
  async function openDetail(userId) {
    const t = tiles.get(userId);
    const m = t ? t.m : {user_id: userId};
    closeDetail();
    detail = {userId, hrMax: m.hr_max || null, xs: [], ys: [], plot: null, opener: t ? t.el : null};
    $('athlete-title').textContent = m.username || userId.slice(0, 8);
    $('athlete-error').textContent = '';
    $('athlete-exercises').tBodies[0].replaceChildren();
    $('athlete-devices').replaceChildren();
    $('athlete-zones').replaceChildren();
    detailLive(m);
    $('athlete-dialog').showModal();
    $('athlete-close').focus();
    const d = detail;
    try {
      const [live, hr] = await Promise.all([
        api('GET', '/fitness/users/' + userId + '/live').catch(() => null),
        api('GET', '/fitness/users/' + userId + '/biometrics?biometric_type=heart_rate&limit=1000')]);
      if (detail !== d) { return; }
      if (live) { d.hrMax = live.hr_max || d.hrMax; detailLive(live); }
      const since = Date.now() - CHART_MS;
      const points = hr.map(r => [Date.parse(r.measured_at), Number(r.value)]).filter(p => p[0] >= since)
        .sort((a, b) => a[0] - b[0]);
      d.xs = points.map(p => p[0] / 1000);
      d.ys = points.map(p => p[1]);
      drawChart(d);
      renderZoneTimes(d);
    } catch (err) { if (detail === d) { $('athlete-error').textContent = 'Heart rate: ' + err.message; } }
    loadExercises(d).catch(err => { if (detail === d) { $('athlete-error').textContent = 'Workout: ' + err.message; } });
    loadDevices(userId);
  }

  function closeDetail() {
    if (!detail) { return; }
    if (detail.plot) { detail.plot.destroy(); }
    const opener = detail.opener;
    detail = null;
    if ($('athlete-dialog').open) { $('athlete-dialog').close(); }
    if (opener && document.contains(opener)) { opener.focus(); }
  }
  $('athlete-close').addEventListener('click', closeDetail);
  $('athlete-dialog').addEventListener('close', () => { if (detail) { closeDetail(); } });

  function zoneOf(hr, hrMax) {
    if (!hrMax || hr == null) { return null; }
    const pct = 100 * hr / hrMax;
    let z = null;
    ZONES.forEach(zone => { if (pct >= zone.from) { z = zone.n; } });
    return z;
  }

  function detailLive(m) {
    if (m.hr_max) { detail.hrMax = m.hr_max; }
    $('athlete-zone').textContent = m.zone ? 'Zone ' + m.zone : 'no zone';
    $('athlete-zone').className = 'zone-badge' + (m.zone ? ' zb' + m.zone : '');
    $('athlete-now').textContent = (m.heart_rate == null ? '–' : Math.round(m.heart_rate)) + ' bpm · '
      + (m.pct_hr_max == null ? '–' : Math.round(m.pct_hr_max)) + ' % of HRmax ' + fmt(m.hr_max, 0) + ' · '
      + fmt(m.calories, 0) + ' kcal · ' + fmt(m.effort_points, 0) + ' effort points · '
      + fmt(m.minutes_high_zone, 1) + ' min in the top zones';
    $('athlete-hrv').textContent = 'HRV (RMSSD): ' + (m.hrv_rmssd == null ? 'not measured (needs RR intervals from a chest strap)'
      : fmt(m.hrv_rmssd, 0) + ' ms') + ' · stress: ' + (m.stress_level == null ? 'unknown' : fmt(m.stress_level, 0) + ' / 100')
      + (m.emotional_state ? ' · ' + m.emotional_state : '');
    if (detail.plot && m.heart_rate != null && m.ts) {
      const x = Date.parse(m.ts) / 1000;
      if (!detail.xs.length || x > detail.xs[detail.xs.length - 1]) {
        detail.xs.push(x);
        detail.ys.push(m.heart_rate);
        const cut = Date.now() / 1000 - CHART_MS / 1000;
        while (detail.xs.length && detail.xs[0] < cut) { detail.xs.shift(); detail.ys.shift(); }
        detail.plot.setData([detail.xs, detail.ys]);
        renderZoneTimes(detail);
      }
    }
  }

  function drawChart(d) {
    const el = $('athlete-chart');
    el.replaceChildren();
    const hrMax = d.hrMax;
    // the five zone bands behind the line, each with its number so colour is not the only signal
    const bands = u => {
      if (!hrMax) { return; }
      const ctx = u.ctx;
      ctx.save();
      ZONES.forEach((z, i) => {
        const lo = hrMax * z.from / 100;
        const hi = i + 1 < ZONES.length ? hrMax * ZONES[i + 1].from / 100 : Math.max(hrMax * 1.05, u.scales.y.max);
        const y0 = u.valToPos(Math.min(hi, u.scales.y.max), 'y', true);
        const y1 = u.valToPos(Math.max(lo, u.scales.y.min), 'y', true);
        if (y1 <= y0) { return; }
        ctx.globalAlpha = 0.22;
        ctx.fillStyle = z.color;
        ctx.fillRect(u.bbox.left, y0, u.bbox.width, y1 - y0);
        ctx.globalAlpha = 0.9;
        ctx.fillStyle = '#f2f4f7';
        ctx.font = (12 * devicePixelRatio) + 'px system-ui';
        ctx.fillText('Z' + z.n, u.bbox.left + 4 * devicePixelRatio, y1 - 4 * devicePixelRatio);
      });
      ctx.restore();
    };
    const yMin = hrMax ? Math.min(hrMax * 0.45, ...d.ys) : undefined;
    const yMax = hrMax ? Math.max(hrMax * 1.02, ...d.ys) : undefined;
    d.plot = new uPlot({
      width: Math.max(600, el.clientWidth || 900), height: 260,
      scales: {x: {time: true}, y: hrMax ? {range: () => [Math.floor(yMin), Math.ceil(yMax)]} : {}},
      axes: [{stroke: '#c3c9d3', grid: {stroke: '#2b313a'}}, {stroke: '#c3c9d3', grid: {stroke: '#2b313a'}, label: 'bpm'}],
      series: [{}, {label: 'Heart rate', stroke: '#ffffff', width: 2, value: (u, v) => v == null ? '–' : Math.round(v) + ' bpm'}],
      legend: {show: true},
      hooks: {drawClear: [bands]}
    }, [d.xs, d.ys], el);
    $('chart-legend').textContent = hrMax
      ? 'Bands: zone 1 from ' + Math.round(hrMax * .5) + ', 2 from ' + Math.round(hrMax * .6) + ', 3 from '
        + Math.round(hrMax * .7) + ', 4 from ' + Math.round(hrMax * .8) + ', 5 from ' + Math.round(hrMax * .9)
        + ' bpm (HRmax ' + Math.round(hrMax) + '). ' + d.ys.length + ' readings.'
      : 'HRmax unknown: no zone bands. ' + d.ys.length + ' readings.';
    el.dataset.points = String(d.ys.length);
  }

  // time in each zone: every reading holds until the next one, at most 5 s (a gap is not exercise)
  function renderZoneTimes(d) {
    const secs = [0, 0, 0, 0, 0];
    for (let i = 0; i < d.xs.length; i++) {
      const z = zoneOf(d.ys[i], d.hrMax);
      const next = i + 1 < d.xs.length ? d.xs[i + 1] : d.xs[i] + 1;
      if (z) { secs[z - 1] += Math.min(5, Math.max(0, next - d.xs[i])); }
    }
    const total = Math.max(1, secs.reduce((a, b) => a + b, 0));
    $('athlete-zones').replaceChildren(...secs.map((s, i) => {
      const li = document.createElement('li');
      const label = document.createElement('span');
      label.className = 'zl';
      label.textContent = 'Zone ' + (i + 1);
      const bar = document.createElement('span');
      bar.className = 'bar zb' + (i + 1);
      bar.style.width = Math.round(100 * s / total) + '%';
      const v = document.createElement('span');
      v.className = 'zv';
      v.textContent = (s / 60).toFixed(1) + ' min';
      li.append(label, bar, v);
      return li;
    }));
  }

  async function loadExercises(d) {
    const list = await api('GET', '/fitness/users/' + d.userId + '/workouts?limit=1');
    const w = (list || [])[0];
    const tbody = $('athlete-exercises').tBodies[0];
    if (!w) { tbody.replaceChildren(row(['no workout yet', '', '', ''])); return; }
    const full = await api('GET', '/fitness/workouts/' + (w.id || w.workout_id));
    if (detail !== d) { return; }
    const ex = full.exercises || [];
    tbody.replaceChildren(...(ex.length ? ex.map(e => row([e.exercise_name || e.name, e.reps_counted ?? e.reps ?? '–',
      e.form_score == null ? '–' : Math.round(e.form_score), (e.form_issues || []).join(', ')])) : [row(['no exercises yet', '', '', ''])]));
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(c => { const td = document.createElement('td'); td.textContent = c; tr.append(td); });
    return tr;
  }

  // the athlete's paired devices: a label for each, and unpair
  async function loadDevices(userId) {
    try {
      const devices = await api('GET', '/fitness/devices');
      if (!detail || detail.userId !== userId) { return; }
      const mine = devices.filter(d => d.paired_user_id === userId);
      $('athlete-devices').replaceChildren(...mine.map(d => {
        const li = document.createElement('li');
        const name = document.createElement('span');
        name.textContent = d.device_id + ' · ' + d.kind + (d.battery != null ? ' · battery ' + d.battery + '%' : '');
        if (d.battery != null && d.battery < 20) { name.className = 'low'; name.textContent += ' – low'; }
        const input = document.createElement('input');
        input.value = d.label || '';
        input.setAttribute('aria-label', 'Label of ' + d.device_id);
        input.placeholder = 'label';
        const save = document.createElement('button');
        save.type = 'button';
        save.textContent = 'Save label';
        save.addEventListener('click', async () => {
          try {
            await api('PUT', '/fitness/devices/' + encodeURIComponent(d.device_id), {label: input.value.trim()});
            $('athlete-error').textContent = '';
            loadFloor();
          } catch (err) { $('athlete-error').textContent = 'Label: ' + err.message; }
        });
        const unpair = document.createElement('button');
        unpair.type = 'button';
        unpair.className = 'danger';
        unpair.textContent = 'Unpair';
        unpair.setAttribute('aria-label', 'Unpair ' + d.device_id);
        unpair.addEventListener('click', async () => {
          try {
            await api('DELETE', '/fitness/devices/' + encodeURIComponent(d.device_id) + '/pair');
            loadDevices(userId);
            loadFloor();
          } catch (err) { $('athlete-error').textContent = 'Unpair: ' + err.message; }
        });
        li.append(name, input, save, unpair);
        return li;
      }));
      if (!mine.length) {
        const li = document.createElement('li');
        li.textContent = 'No paired device (a strap in the profile\'s linked wearables stays with the athlete)';
        $('athlete-devices').append(li);
      }
    } catch (err) { $('athlete-error').textContent = 'Devices: ' + err.message; }
  }

  if (token()) { showFloor(); }
})();

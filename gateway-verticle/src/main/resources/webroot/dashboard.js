'use strict';
// The coach dashboard: plain browser JavaScript served from the gateway, no build step and no CDN
// (the box may be offline). The token lives in sessionStorage, so it ends with the browser tab.
(() => {
  const TOKEN_KEY = 'clisonix.token';
  const STALE_MS = 5000;
  const $ = id => document.getElementById(id);
  const tiles = new Map(); // user_id -> {el, last}
  let socket = null;
  let retryMs = 1000;
  let lastFrame = 0;
  let currentClass = null;
  let pairing = null;

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
    $('floor').replaceChildren();
    $('floor-view').hidden = true;
    $('login-view').hidden = false;
    $('login-error').textContent = message;
    $('login-user').focus();
  }

  function showFloor() {
    $('login-view').hidden = true;
    $('floor-view').hidden = false;
    loadFloor();
    connect();
  }

  // ---- floor snapshot: tiles, unassigned devices, bridges, class
  async function loadFloor() {
    try {
      const floor = await api('GET', '/fitness/floor');
      $('floor-error').textContent = '';
      floor.athletes.forEach(updateTile);
      renderUnassigned(floor.unassigned || []);
      renderBridges(floor.bridges || []);
      setClass(floor.class);
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
      el.innerHTML = '<div class="name"></div><span class="zone"></span>'
        + '<div class="hr-row"><span class="hr" aria-label="heart rate"></span><span class="pct"></span></div>'
        + '<div class="stats"></div><div class="ex"></div><div class="alerts" role="status"></div>';
      t = {el, last: 0};
      tiles.set(m.user_id, t);
      insertSorted(el, m.username || '');
      $('athlete-count').textContent = tiles.size + ' athletes';
    }
    const el = t.el;
    t.last = Date.now();
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
    el.setAttribute('aria-label', (m.username || 'athlete') + ', ' + (m.heart_rate ?? 'no') + ' bpm, zone ' + (m.zone ?? 'unknown'));
  }

  function insertSorted(el, name) {
    el.dataset.sortName = name.toLowerCase();
    const floor = $('floor');
    const after = [...floor.children].find(c => c.dataset.sortName > el.dataset.sortName);
    floor.insertBefore(el, after || null);
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
    };
    ws.onclose = e => {
      if (socket !== ws) { return; }
      socket = null;
      lastFrame = 0;
      if (e.code === 4401) { signOut('Your session ended; please sign in again.'); return; }
      if (e.code === 4403) { setConn('No live data for this account', 'down'); return; }
      setConn('Disconnected, retrying…', 'down');
      setTimeout(() => { connect(); loadFloor(); }, retryMs);
      retryMs = Math.min(retryMs * 2, 10000);
    };
  }

  function setConn(text, cls) {
    const c = $('conn');
    c.textContent = text;
    c.className = 'conn' + (cls ? ' ' + cls : '');
  }

  function onEvent(ev) {
    if (ev.kind === 'paired' || ev.kind === 'unpaired' || ev.kind === 'bridge') { loadFloor(); }
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
  }, 1000);
  // the device list has no live feed of its own
  setInterval(() => { if (token() && !$('floor-view').hidden) { loadFloor(); } }, 15000);

  // ---- class start and end, with a timer
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
      setClass(Object.assign({id: c.class_id || c.id}, c));
    } catch (err) { $('floor-error').textContent = 'Class: ' + err.message; }
  });
  $('class-end').addEventListener('click', async () => {
    if (!currentClass) { return; }
    try {
      await api('PUT', '/fitness/classes/' + (currentClass.id || currentClass.class_id) + '/end');
      setClass(null);
    } catch (err) { $('floor-error').textContent = 'Class: ' + err.message; }
  });

  // ---- unassigned devices and pairing
  function renderUnassigned(list) {
    const ul = $('unassigned');
    ul.replaceChildren(...list.map(d => {
      const li = document.createElement('li');
      const label = document.createElement('div');
      label.textContent = d.device_id + ' (' + d.kind + ')';
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
      btn.setAttribute('aria-label', 'Pair ' + d.device_id + ' with an athlete');
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
      if (b.status !== 'online') { li.className = 'low'; }
      return li;
    }));
  }

  function openPair(device) {
    pairing = device;
    $('pair-title').textContent = 'Pair ' + device.device_id;
    $('pair-query').value = '';
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
      $('pair-dialog').close();
      loadFloor();
    } catch (err) { $('pair-error').textContent = err.message; }
  }

  if (token()) { showFloor(); }
})();

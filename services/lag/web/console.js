// Operators' console: polls /v1/lag and draws every group's status, lag charts (inline SVG) and
// partitions. No framework, no build step, no external assets. Text for people: es-CL first.
'use strict';
(function () {
  var TEXT = {
    es: {
      title: 'Consola de operaciones · rezago de consumidores',
      subtitle: 'Cada servicio y cada entrega municipal: ¿va al día?',
      onlyHub: 'Solo servicios del hub', filter: 'Filtrar', groups: 'Grupos de consumidores',
      noGroups: 'No hay grupos de consumidores en el clúster.', close: 'Cerrar',
      chartCaption: 'Rezago total (mensajes) en el tiempo',
      topic: 'Tópico', partition: 'Partición', committed: 'Offset confirmado', logEnd: 'Offset final',
      lag: 'Rezago', lagSeconds: 'Rezago (s)', rates: 'Consumo / producción (msg/s)', owner: 'Consumidor', status: 'Estado',
      updated: 'Actualizado {time}', failed: 'No se pudo obtener el rezago ({reason}). Se reintenta automáticamente.',
      members: 'miembros', member: 'miembro', totalLag: 'rezago', maxSeconds: 'máx. {s} s', service: 'servicio {name}', otherGroup: 'otro grupo',
      meta: 'Estado del grupo: {state} · {members} miembros · consumo {in} msg/s · producción {out} msg/s',
      rules: 'Reglas de Burrow sobre una ventana de {window} muestras cada {interval} s (mínimo {min}); rezago permitido: {allowed} mensajes.',
      chartLabel: 'Rezago total del grupo {group}, {n} puntos', noOwner: '—', unknown: 'sin dato',
      S: { OK: 'Al día', WARN: 'Advertencia', ERR: 'Error', NOTFOUND: 'No encontrado', STOP: 'Detenido', STALL: 'Atascado', REWIND: 'Retrocedió' },
      G: { Stable: 'estable', Empty: 'vacío (sin consumidores)', PreparingRebalance: 'rebalanceando', CompletingRebalance: 'rebalanceando', Dead: 'eliminado', Unknown: 'desconocido' },
      R: {
        'within-allowed-lag': 'rezago dentro de lo permitido', 'only-transaction-markers': 'solo quedan marcadores de transacción: nada por leer', 'no-consumer': 'ningún consumidor vivo tiene la partición',
        'no-commit-for-window': 'sin confirmaciones durante más de lo que abarca la ventana', 'offset-went-back': 'el offset confirmado retrocedió',
        'offset-unchanged': 'el offset no avanza con rezago', 'lag-not-decreasing': 'el rezago nunca bajó en la ventana',
        'window-incomplete': 'ventana aún incompleta', progressing: 'avanzando',
      },
    },
    en: {
      title: "Operators' console · consumer lag",
      subtitle: 'Every service and every municipal delivery: is it keeping up?',
      onlyHub: 'Hub services only', filter: 'Filter', groups: 'Consumer groups',
      noGroups: 'There are no consumer groups in the cluster.', close: 'Close',
      chartCaption: 'Total lag (messages) over time',
      topic: 'Topic', partition: 'Partition', committed: 'Committed offset', logEnd: 'Log-end offset',
      lag: 'Lag', lagSeconds: 'Lag (s)', rates: 'Consumption / production (msg/s)', owner: 'Consumer', status: 'Status',
      updated: 'Updated {time}', failed: 'Lag could not be fetched ({reason}). Retrying automatically.',
      members: 'members', member: 'member', totalLag: 'lag', maxSeconds: 'max {s} s', service: 'service {name}', otherGroup: 'other group',
      meta: 'Group state: {state} · {members} members · consumption {in} msg/s · production {out} msg/s',
      rules: 'Burrow rules over a window of {window} samples every {interval} s (minimum {min}); allowed lag: {allowed} messages.',
      chartLabel: 'Total lag of group {group}, {n} points', noOwner: '—', unknown: 'n/a',
      S: { OK: 'OK', WARN: 'Warning', ERR: 'Error', NOTFOUND: 'Not found', STOP: 'Stopped', STALL: 'Stalled', REWIND: 'Rewound' },
      G: { Stable: 'stable', Empty: 'empty (no consumers)', PreparingRebalance: 'rebalancing', CompletingRebalance: 'rebalancing', Dead: 'dead', Unknown: 'unknown' },
      R: {
        'within-allowed-lag': 'lag within the allowance', 'only-transaction-markers': 'only transaction markers left: nothing to read', 'no-consumer': 'no live consumer holds the partition',
        'no-commit-for-window': 'no commits for longer than the window spans', 'offset-went-back': 'the committed offset went back',
        'offset-unchanged': 'the offset does not move while lagging', 'lag-not-decreasing': 'lag never decreased in the window',
        'window-incomplete': 'window not complete yet', progressing: 'progressing',
      },
    },
  };
  var SEVERITY = { ERR: 0, WARN: 1, NOTFOUND: 2, OK: 3 };
  var params = new URLSearchParams(location.search);
  var state = {
    lang: params.get('lang') === 'en' ? 'en' : (localStorage.getItem('hub.lag.lang') === 'en' && !params.get('lang') ? 'en' : 'es'),
    report: null, selected: params.get('group') || null,
    intervalMs: Math.max(500, Number(params.get('interval')) || 2000),
  };

  function t(key, vars) {
    var s = TEXT[state.lang][key] || TEXT.es[key] || key;
    return String(s).replace(/\{(\w+)\}/g, function (m, k) { return vars && vars[k] !== undefined ? vars[k] : m; });
  }
  function statusText(s) { return TEXT[state.lang].S[s] || s; }
  function num(n, digits) {
    if (n === null || n === undefined) return t('unknown');
    return new Intl.NumberFormat(state.lang === 'en' ? 'en-US' : 'es-CL', { maximumFractionDigits: digits || 0 }).format(n);
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  function badge(status) { return el('span', { class: 'badge ' + status, text: status + ' · ' + statusText(status) }); }

  var SVG = 'http://www.w3.org/2000/svg';
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  /** A line chart of {at, totalLag} points; axes and labels only when `full`. */
  function chart(points, full, label) {
    var w = full ? 800 : 300, h = full ? 220 : 42, padL = full ? 56 : 2, padB = full ? 22 : 2, padT = full ? 10 : 3;
    var svg = svgEl('svg', { viewBox: '0 0 ' + w + ' ' + h, class: full ? 'chart' : 'spark', role: 'img', 'aria-label': label, preserveAspectRatio: 'none' });
    var ys = points.map(function (p) { return p.totalLag; });
    var max = Math.max.apply(null, [1].concat(ys));
    var t0 = points.length ? points[0].at : 0, t1 = points.length ? points[points.length - 1].at : 1;
    var span = Math.max(1, t1 - t0);
    function x(p) { return padL + ((p.at - t0) / span) * (w - padL - 2); }
    function y(v) { return h - padB - (v / max) * (h - padB - padT); }
    if (full) {
      svg.appendChild(svgEl('line', { class: 'axis', x1: padL, y1: h - padB, x2: w, y2: h - padB }));
      svg.appendChild(svgEl('line', { class: 'axis', x1: padL, y1: padT, x2: padL, y2: h - padB }));
      [0, 0.5, 1].forEach(function (f) {
        var text = svgEl('text', { x: padL - 6, y: y(max * f) + 4, 'text-anchor': 'end' });
        text.textContent = num(max * f);
        svg.appendChild(text);
      });
      if (points.length) {
        [[t0, 'start'], [t1, 'end']].forEach(function (pair) {
          var text = svgEl('text', { x: pair[1] === 'start' ? padL : w - 2, y: h - 6, 'text-anchor': pair[1] });
          text.textContent = new Date(pair[0]).toLocaleTimeString(state.lang === 'en' ? 'en-US' : 'es-CL');
          svg.appendChild(text);
        });
      }
    }
    if (points.length > 0) {
      var pts = points.map(function (p) { return x(p).toFixed(1) + ',' + y(p.totalLag).toFixed(1); });
      if (points.length === 1) pts.push((w - 2) + ',' + y(points[0].totalLag).toFixed(1));
      var first = pts[0].split(','), last = pts[pts.length - 1].split(',');
      svg.appendChild(svgEl('polygon', { class: 'area', points: first[0] + ',' + (h - padB) + ' ' + pts.join(' ') + ' ' + last[0] + ',' + (h - padB) }));
      svg.appendChild(svgEl('polyline', { class: 'line', points: pts.join(' ') }));
    }
    return svg;
  }

  function visibleGroups() {
    var groups = (state.report && state.report.groups) || [];
    var onlyHub = document.getElementById('only-hub').checked;
    var q = document.getElementById('filter').value.trim().toLowerCase();
    return groups
      .filter(function (g) { return !onlyHub || g.hubService; })
      .filter(function (g) { return !q || g.group.toLowerCase().indexOf(q) >= 0 || g.partitions.some(function (p) { return p.topic.toLowerCase().indexOf(q) >= 0; }); })
      .slice()
      .sort(function (a, b) { return (SEVERITY[a.status] - SEVERITY[b.status]) || (b.totalLag - a.totalLag) || a.group.localeCompare(b.group); });
  }

  function renderSummary() {
    var box = document.getElementById('summary');
    box.textContent = '';
    var groups = (state.report && state.report.groups) || [];
    ['OK', 'WARN', 'ERR'].forEach(function (s) {
      var n = groups.filter(function (g) { return g.status === s; }).length;
      box.appendChild(el('span', { class: 'chip ' + s, 'data-status': s, text: statusText(s) + ': ' + n }));
    });
  }

  function renderGroups() {
    var box = document.getElementById('groups');
    box.textContent = '';
    var groups = visibleGroups();
    document.getElementById('empty').hidden = groups.length > 0;
    groups.forEach(function (g) {
      var card = el('button', { type: 'button', class: 'group ' + g.status, 'data-group': g.group, 'data-status': g.status }, [
        el('div', { class: 'row' }, [el('span', { class: 'name', text: g.group }), badge(g.status)]),
        el('div', { class: 'row' }, [
          el('span', { class: 'badge svc', text: g.hubService ? t('service', { name: g.hubService }) : t('otherGroup') }),
          el('span', { text: (TEXT[state.lang].G[g.state] || g.state) + ' · ' + g.members.length + ' ' + t(g.members.length === 1 ? 'member' : 'members') }),
        ]),
        el('div', { class: 'row' }, [
          el('span', { class: 'big', text: t('totalLag') + ' ' + num(g.totalLag) }),
          el('span', { text: t('maxSeconds', { s: num(g.maxLagSeconds, 1) }) }),
        ]),
        chart(g.history || [], false, t('chartLabel', { group: g.group, n: (g.history || []).length })),
      ]);
      card.addEventListener('click', function () { select(g.group); });
      box.appendChild(card);
    });
  }

  function renderDetail() {
    var box = document.getElementById('detail');
    var g = state.selected && state.report && state.report.groups.find(function (x) { return x.group === state.selected; });
    if (!g) { box.hidden = true; return; }
    box.hidden = false;
    box.setAttribute('data-group', g.group);
    var title = document.getElementById('detail-title');
    title.textContent = '';
    title.appendChild(document.createTextNode(g.group + ' '));
    title.appendChild(badge(g.status));
    document.getElementById('detail-meta').textContent = t('meta', {
      state: TEXT[state.lang].G[g.state] || g.state, members: g.members.length,
      in: num(g.consumptionPerSecond, 1), out: num(g.productionPerSecond, 1),
    });
    var chartBox = document.getElementById('detail-chart');
    chartBox.textContent = '';
    chartBox.appendChild(chart(g.history || [], true, t('chartLabel', { group: g.group, n: (g.history || []).length })));
    var body = document.getElementById('partitions');
    body.textContent = '';
    g.partitions.forEach(function (p) {
      var statusCell = el('td', { class: 'status' }, [badge(p.status), el('div', { class: 'reason', text: TEXT[state.lang].R[p.reason] || p.reason })]);
      body.appendChild(el('tr', { 'data-topic': p.topic, 'data-partition': String(p.partition), 'data-status': p.status }, [
        el('td', { text: p.topic }), el('td', { text: String(p.partition) }),
        el('td', { text: p.committedOffset === null ? '—' : num(p.committedOffset) }), el('td', { text: num(p.logEndOffset) }),
        el('td', { class: 'lag', text: num(p.lag) }), el('td', { text: num(p.lagSeconds, 1) }),
        el('td', { text: num(p.consumptionPerSecond, 1) + ' / ' + num(p.productionPerSecond, 1) }),
        el('td', { text: p.ownerClientId || t('noOwner') }),
        statusCell,
      ]));
    });
  }

  function renderStatic() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'es-CL';
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.querySelectorAll('.lang button').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === state.lang)); });
    var r = state.report && state.report.rules;
    document.getElementById('rules').textContent = r ? t('rules', { window: r.windowSize, min: r.minSamples, interval: num(r.sampleIntervalMs / 1000, 1), allowed: num(r.allowedLag) }) : '';
    if (state.report) document.getElementById('updated').textContent = t('updated', { time: new Date(state.report.at).toLocaleTimeString(state.lang === 'en' ? 'en-US' : 'es-CL') });
  }

  function render() { renderStatic(); renderSummary(); renderGroups(); renderDetail(); }

  function select(group) {
    state.selected = group;
    var url = new URL(location.href);
    if (group) url.searchParams.set('group', group); else url.searchParams.delete('group');
    history.replaceState(null, '', url);
    renderDetail();
    if (group) document.getElementById('detail').scrollIntoView({ block: 'nearest' });
  }

  function poll() {
    fetch('/v1/lag?history=360', { headers: { accept: 'application/json', 'accept-language': state.lang } })
      .then(function (res) { return res.ok ? res.json() : res.json().then(function (b) { throw new Error(b.error || res.status); }); })
      .then(function (report) {
        state.report = report;
        document.getElementById('error').hidden = true;
        document.body.setAttribute('data-loaded', 'true');
        render();
      })
      .catch(function (err) {
        var box = document.getElementById('error');
        box.textContent = t('failed', { reason: err.message });
        box.hidden = false;
      })
      .then(function () { setTimeout(poll, state.intervalMs); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.lang button').forEach(function (b) {
      b.addEventListener('click', function () {
        state.lang = b.getAttribute('data-lang');
        localStorage.setItem('hub.lag.lang', state.lang);
        render();
      });
    });
    document.getElementById('only-hub').addEventListener('change', renderGroups);
    document.getElementById('filter').addEventListener('input', renderGroups);
    document.getElementById('close-detail').addEventListener('click', function () { select(null); });
    renderStatic();
    poll();
  });
})();

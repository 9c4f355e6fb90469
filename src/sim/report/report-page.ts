/** The report page's own style and browser script (plain JavaScript run by the page, drawing with chart.js). */
import { FACTION_LEVERS } from '../../engine/index.js';

/** CSS of the report page. */
export const REPORT_STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1c2430; background: #f5f6f8; }
header { background: #17202e; color: #fff; padding: 12px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; color: #b8c2d0; }
main { padding: 16px 24px; }
table { border-collapse: collapse; background: #fff; margin: 0 0 16px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e1e4ea; text-align: right; }
th:first-child, td:first-child { text-align: left; }
tr.sig td { background: #fff4d6; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 16px; }
.card { background: #fff; border: 1px solid #e1e4ea; border-radius: 6px; padding: 10px 12px; }
.card h2 { font-size: 15px; margin: 0 0 6px; }
.card p { margin: 4px 0 0; color: #5a6577; font-size: 12px; }
`;

/** The page script: reads #report-data, fills the tables and draws the charts; sets window.reportReady. */
export const REPORT_SCRIPT = String.raw`
(function () {
  var input = JSON.parse(document.getElementById('report-data').textContent);
  var runs = input.runs;
  var FACTIONS = ['us', 'china', 'eu'];
  var NAMES = { us: 'US', china: 'China', eu: 'EU' };
  var COLORS = { us: '#2f6fd6', china: '#d23b33', eu: '#d9a21b' };
  var RUN_COLORS = ['#2f6fd6', '#e07b24'];
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 11;
  var pct = function (x) { return (100 * x).toFixed(1) + '%'; };
  var first = runs[0].summary;
  document.getElementById('subtitle').textContent = runs.map(function (r) {
    var s = r.summary;
    return r.label + ': ' + s.games + ' games, seed ' + s.seed + ', rules ' + s.rulesHash + (s.variant ? ' (' + s.variant + ')' : '') + ', bots ' + s.lineup.join(',') + (s.rotate ? ' rotated' : '') + (s.interrupted ? ' (interrupted)' : '');
  }).join(' | ');

  function table(el, head, rows, sigRows) {
    var h = '<table><thead><tr>' + head.map(function (c) { return '<th>' + c + '</th>'; }).join('') + '</tr></thead><tbody>';
    rows.forEach(function (r, i) { h += '<tr' + (sigRows && sigRows[i] ? ' class="sig"' : '') + '>' + r.map(function (c) { return '<td>' + c + '</td>'; }).join('') + '</tr>'; });
    el.innerHTML += h + '</tbody></table>';
  }
  var numbers = document.getElementById('numbers');
  var head = ['measure'].concat(runs.map(function (r) { return r.label; }));
  var row = function (name, f) { return [name].concat(runs.map(function (r) { return f(r.summary); })); };
  var rows = FACTIONS.map(function (id) { return row(NAMES[id] + ' win rate (95% CI)', function (s) { var f = s.factions[id]; return pct(f.winRate) + ' (' + pct(f.ci95[0]) + '–' + pct(f.ci95[1]) + ')'; }); });
  rows.push(row('no winner', function (s) { return pct(s.noWinner / Math.max(1, s.games)); }));
  rows.push(row('catastrophes', function (s) { return pct(s.catastropheRate); }));
  rows.push(row('games with a crisis', function (s) { return pct(s.crises.rate); }));
  rows.push(row('reached the last round', function (s) { return pct(s.reachedLastRoundRate); }));
  rows.push(row('average rounds', function (s) { return s.averageRounds.toFixed(2); }));
  rows.push(row('digest', function (s) { return s.digest; }));
  table(numbers, head, rows);
  if (input.differences) {
    table(document.getElementById('differences'), ['difference (variant − base)', 'base', 'variant', 'Δ', 'z', 'p'],
      input.differences.map(function (d) {
        var f = d.kind === 'rate' ? pct : function (x) { return x.toFixed(2); };
        return [d.metric, f(d.base), f(d.variant), (d.difference > 0 ? '+' : '') + (d.kind === 'rate' ? (100 * d.difference).toFixed(1) + ' pts' : d.difference.toFixed(2)), d.z.toFixed(2), d.p < 0.0001 ? '<0.0001' : d.p.toFixed(4)];
      }), input.differences.map(function (d) { return d.significant; }));
  }

  var errorBars = {
    id: 'errorBars',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      chart.data.datasets.forEach(function (ds, di) {
        if (!ds.ci) return;
        var meta = chart.getDatasetMeta(di);
        if (meta.hidden) return;
        meta.data.forEach(function (bar, i) {
          var ci = ds.ci[i];
          if (!ci) return;
          var y = chart.scales.y;
          var top = y.getPixelForValue(ci[1]), bottom = y.getPixelForValue(ci[0]);
          ctx.save(); ctx.strokeStyle = '#1c2430'; ctx.lineWidth = 1.2; ctx.beginPath();
          ctx.moveTo(bar.x, top); ctx.lineTo(bar.x, bottom);
          ctx.moveTo(bar.x - 5, top); ctx.lineTo(bar.x + 5, top);
          ctx.moveTo(bar.x - 5, bottom); ctx.lineTo(bar.x + 5, bottom);
          ctx.stroke(); ctx.restore();
        });
      });
    }
  };

  var charts = document.getElementById('charts');
  function card(title, note, config) {
    var div = document.createElement('div');
    div.className = 'card';
    div.innerHTML = '<h2></h2><canvas></canvas>' + (note ? '<p></p>' : '');
    div.querySelector('h2').textContent = title;
    if (note) div.querySelector('p').textContent = note;
    charts.appendChild(div);
    config.options = Object.assign({ responsive: true, aspectRatio: 1.8 }, config.options || {});
    new Chart(div.querySelector('canvas'), config);
  }
  var percentAxis = { y: { beginAtZero: true, ticks: { callback: function (v) { return Math.round(v * 100) + '%'; } } } };
  var pctTooltip = { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pct(c.parsed.y); } } } };

  card('Win rate per faction (95% CI)', 'Share of all games won; whiskers are Wilson 95% intervals.', {
    type: 'bar', plugins: [errorBars],
    data: { labels: FACTIONS.map(function (id) { return NAMES[id]; }), datasets: runs.map(function (r, k) {
      return { label: r.label, backgroundColor: runs.length > 1 ? RUN_COLORS[k] : FACTIONS.map(function (id) { return COLORS[id]; }),
        data: FACTIONS.map(function (id) { return r.summary.factions[id].winRate; }), ci: FACTIONS.map(function (id) { return r.summary.factions[id].ci95; }) };
    }) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });
  var seatNames = ['first', 'second', 'third'];
  card('Win rate per seat, i.e. position in the seat order drawn at setup (95% CI)', 'Who sat there: ' + seatNames.map(function (n) { var f = first.seats[n].factions; return n + ' ' + FACTIONS.filter(function (id) { return f[id] > 0; }).map(function (id) { return NAMES[id]; }).join('/'); }).join(', ') + '.', {
    type: 'bar', plugins: [errorBars],
    data: { labels: seatNames, datasets: runs.map(function (r, k) {
      return { label: r.label, backgroundColor: RUN_COLORS[k], data: seatNames.map(function (n) { return r.summary.seats[n].winRate; }), ci: seatNames.map(function (n) { return r.summary.seats[n].ci95; }) };
    }) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });
  var levels = Object.keys(first.bots);
  card('Win rate per bot level (95% CI)', 'Wins over seats played' + (first.rotate ? ' (bots rotated through the factions).' : '.'), {
    type: 'bar', plugins: [errorBars],
    data: { labels: levels, datasets: runs.map(function (r, k) {
      return { label: r.label, backgroundColor: RUN_COLORS[k], data: levels.map(function (l) { return r.summary.bots[l] ? r.summary.bots[l].winRate : 0; }), ci: levels.map(function (l) { return r.summary.bots[l] ? r.summary.bots[l].ci95 : null; }) };
    }) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });

  card('Win rate per bot level and faction', 'Wins over the seats each level played as each faction: a level (or a single-minded strategy) strong with one faction only shows here.', {
    type: 'bar',
    data: { labels: levels, datasets: [].concat.apply([], runs.map(function (r, k) { return FACTIONS.map(function (id) {
      return { label: NAMES[id] + (runs.length > 1 ? ' · ' + r.label : ''), backgroundColor: COLORS[id], borderColor: '#1c2430', borderWidth: k > 0 ? 2 : 0,
        data: levels.map(function (l) { var b = r.summary.bots[l]; var x = b && b.byFaction ? b.byFaction[id] : null; return x ? x.winRate : null; }) };
    }); })) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });

  var lo = Infinity, hi = -Infinity;
  runs.forEach(function (r) { FACTIONS.forEach(function (id) { Object.keys(r.summary.factions[id].vpHistogram).forEach(function (v) { lo = Math.min(lo, +v); hi = Math.max(hi, +v); }); }); });
  var vps = []; for (var v = lo; v <= hi; v++) vps.push(v);
  var dashes = [[], [6, 4]];
  card('Final VP distribution', 'Share of games ending on each VP total, per faction.', {
    type: 'line',
    data: { labels: vps, datasets: [].concat.apply([], runs.map(function (r, k) { return FACTIONS.map(function (id) {
      var h = r.summary.factions[id].vpHistogram;
      return { label: NAMES[id] + (runs.length > 1 ? ' · ' + r.label : ''), borderColor: COLORS[id], backgroundColor: COLORS[id], borderDash: dashes[k], pointRadius: 0, borderWidth: 1.5, tension: 0.25,
        data: vps.map(function (v) { return (h[v] || 0) / Math.max(1, r.summary.games); }) };
    }); })) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });
  var maxRound = 1;
  runs.forEach(function (r) { Object.keys(r.summary.roundsHistogram).forEach(function (k) { maxRound = Math.max(maxRound, +k); }); });
  var roundLabels = []; for (var i = 1; i <= maxRound; i++) roundLabels.push(i);
  card('Game length (rounds played)', 'Games end early on an AI catastrophe or after a capability-10 round.', {
    type: 'bar',
    data: { labels: roundLabels, datasets: runs.map(function (r, k) { return { label: r.label, backgroundColor: RUN_COLORS[k], data: roundLabels.map(function (n) { return (r.summary.roundsHistogram[n] || 0) / Math.max(1, r.summary.games); }) }; }) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });
  card('Endings, catastrophes and crises', null, {
    type: 'bar',
    data: { labels: ['AI catastrophe', 'a crisis (Tension 10)', 'no winner', 'reached the last round', 'frontier ending'], datasets: runs.map(function (r, k) {
      var s = r.summary, n = Math.max(1, s.games);
      return { label: r.label, backgroundColor: RUN_COLORS[k], data: [s.catastropheRate, s.crises.rate, s.noWinner / n, s.reachedLastRoundRate, s.frontierEndings / n] };
    }) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });
  var types = Object.keys(first.actionShares.us).filter(function (t) { return runs.some(function (r) { return FACTIONS.some(function (id) { return r.summary.actionShares[id][t] > 0; }); }); });
  card('How often each action is chosen, per faction', 'Share of each faction\'s actions.', {
    type: 'bar',
    data: { labels: types, datasets: [].concat.apply([], runs.map(function (r, k) { return FACTIONS.map(function (id) {
      return { label: NAMES[id] + (runs.length > 1 ? ' · ' + r.label : ''), backgroundColor: COLORS[id] + (k ? '80' : ''), data: types.map(function (t) { return r.summary.actionShares[id][t]; }) };
    }); })) },
    options: { aspectRatio: 1.4, indexAxis: 'y', scales: { x: { ticks: { callback: function (v) { return Math.round(v * 100) + '%'; } } } }, plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pct(c.parsed.x); } } } } }
  });
  var LEVERS = ${JSON.stringify(FACTION_LEVERS)};
  var GROUPS = [['building + GPUs', ['build', 'buyGpus']], ['open-weight releases', ['release']], ['its own levers', null]];
  card('Each faction\'s playbook (v2 targets)', 'Share of each faction\'s actions spent building and buying GPUs, releasing open weights, and on its own levers (the targets are in docs/design-targets.md).', {
    type: 'bar',
    data: { labels: GROUPS.map(function (g) { return g[0]; }), datasets: [].concat.apply([], runs.map(function (r, k) { return FACTIONS.map(function (id) {
      return { label: NAMES[id] + (runs.length > 1 ? ' · ' + r.label : ''), backgroundColor: COLORS[id] + (k ? '80' : ''),
        data: GROUPS.map(function (g) { return (g[1] || LEVERS[id]).reduce(function (sum, t) { return sum + (r.summary.actionShares[id][t] || 0); }, 0); }) };
    }); })) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });
  card('Money, regions and power (v2 targets)', 'Capital kept of all received (target: under 25%), US bonds or debt (30% of games or more), a financial crisis (3–20%), region scorings tied for first (25% or less), home regions lost at the last scoring (15% or less), games where power refused a build (20% or more), frontier endings (3% or more).', {
    type: 'bar',
    data: { labels: ['capital kept', 'US bonds or debt', 'financial crisis', 'region ties', 'home region lost', 'power refused a build', 'frontier ending'], datasets: runs.map(function (r, k) {
      var e = r.summary.economy;
      return { label: r.label, backgroundColor: RUN_COLORS[k], data: e ? [e.keptShare, e.usBondsOrDebtRate, e.financialCrisisRate, e.regionTieRate, e.homeLostRate, e.powerBlockedRate, e.frontierRate] : [] };
    }) },
    options: { scales: percentAxis, plugins: pctTooltip }
  });
  var SOURCE_COLORS = { regions: '#3c8dbc', capabilityRace: '#7a3bd2', agenda: '#2a9d6f', frontier: '#0b6e4f', events: '#9aa5b5', cards: '#e07b24',
    crisis: '#b03a2e', financialCrisis: '#6e2c00', incidents: '#d23b33', debt: '#5a6577', capital: '#d9a21b' };
  var sources = Object.keys(first.vpSources.us).filter(function (k) { return runs.some(function (r) { return FACTIONS.some(function (id) { return Math.abs(r.summary.vpSources[id][k]) >= 0.05; }); }); });
  var sourceLabels = [].concat.apply([], FACTIONS.map(function (id) { return runs.map(function (r) { return NAMES[id] + (runs.length > 1 ? ' · ' + r.label : ''); }); }));
  card('Where the VP come from, per faction', 'Average final VP of each source over all games (losses below zero): the gains less the losses make the faction\'s average VP.', {
    type: 'bar',
    data: { labels: sourceLabels, datasets: sources.map(function (k) {
      return { label: k, backgroundColor: SOURCE_COLORS[k] || '#888', stack: 'vp',
        data: [].concat.apply([], FACTIONS.map(function (id) { return runs.map(function (r) { return r.summary.vpSources[id][k]; }); })) };
    }) },
    options: { aspectRatio: 1.4, indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } },
      plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + c.parsed.x.toFixed(1) + ' VP'; } } } } }
  });
  function perRound(title, key, note) {
    var n = 0; runs.forEach(function (r) { n = Math.max(n, r.summary.perRound.length); });
    var labels = []; for (var i = 1; i <= n; i++) labels.push('R' + i);
    card(title, note, {
      type: 'line',
      data: { labels: labels, datasets: [].concat.apply([], runs.map(function (r, k) { return FACTIONS.map(function (id) {
        return { label: NAMES[id] + (runs.length > 1 ? ' · ' + r.label : ''), borderColor: COLORS[id], backgroundColor: COLORS[id], borderDash: dashes[k], data: r.summary.perRound.map(function (p) { return p[key][id]; }) };
      }); })) }
    });
  }
  perRound('Average capital ($B) at the end of each round', 'capital', 'Averaged over the games that reached that round.');
  perRound('Average capability at the end of each round', 'capability', null);
  perRound('Average influence (cubes on the board) at the end of each round', 'influence', null);
  var n = 0; runs.forEach(function (r) { n = Math.max(n, r.summary.perRound.length); });
  var labels = []; for (var j = 1; j <= n; j++) labels.push('R' + j);
  card('Average Risk and Tension at the end of each round', 'Risk 12: AI catastrophe. Tension 10: crisis.', {
    type: 'line',
    data: { labels: labels, datasets: [].concat.apply([], runs.map(function (r, k) { return [
      { label: 'Risk' + (runs.length > 1 ? ' · ' + r.label : ''), borderColor: '#7a3bd2', backgroundColor: '#7a3bd2', borderDash: dashes[k], data: r.summary.perRound.map(function (p) { return p.risk; }) },
      { label: 'Tension' + (runs.length > 1 ? ' · ' + r.label : ''), borderColor: '#2a9d6f', backgroundColor: '#2a9d6f', borderDash: dashes[k], data: r.summary.perRound.map(function (p) { return p.tension; }) }
    ]; })) },
    options: { scales: { y: { beginAtZero: true, suggestedMax: 12 } } }
  });
  window.reportReady = true;
})();
`;

// The dashboard: wires the state, the feed and the views to the page.

import {appPath, getAll, getJson} from './api.js';
import {setText, showMessage, time} from './dom.js';
import {describe, Feed} from './feed.js';
import {ClusterState} from './state.js';
import {renderAgents, renderApps, renderDeployments, renderDetail, renderFailures, renderTasks} from './views.js';

const dirty = new Set();
let frame = null;
const state = new ClusterState(changed);
const feed = new Feed(state, showConnection);
const filter = document.getElementById('app-filter');

/**
 * Renders once per animation frame, however many events came: a busy cluster sends many.
 * 'reload' asks for the selected app's tasks again (a poll, or a gap in the watch).
 */
function changed(what) {
  if (what === 'reload') {
    loadTasks();
    return;
  }
  dirty.add(what);
  if (frame === null) {
    frame = requestAnimationFrame(render);
  }
}

function render() {
  frame = null;
  const all = dirty.has('all');
  if (all || dirty.has('apps') || dirty.has('detail')) {
    renderApps(state, filter.value);
    renderDetail(state);
  }
  if (all || dirty.has('tasks') || dirty.has('detail')) {
    renderTasks(state);
  }
  if (all || dirty.has('deployments')) {
    renderDeployments(state);
  }
  if (all || dirty.has('agents')) {
    renderAgents(state);
  }
  if (all || dirty.has('failures') || dirty.has('apps')) {
    renderFailures(state);
  }
  dirty.clear();
  setText('last-change', state.lastChange ? `last change ${time(state.lastChange)}` : '');
}

function showConnection(connection, notice) {
  const badge = document.getElementById('connection');
  badge.dataset.state = connection;
  badge.textContent = connection;
  if (notice !== undefined) {
    showMessage('notice', notice);
  }
}

async function select(key) {
  state.select(key);
  document.getElementById('as-of').value = '';
  document.getElementById('as-of-slider').value = '0';
  setText('as-of-slider-label', 'now');
  showMessage('as-of-message', '');
  await loadTasks();
}

/** The selected app's tasks; watch events keep them current afterwards. */
async function loadTasks() {
  const selected = state.selected;
  if (!selected) {
    return;
  }
  state.taskKeysSeen = new Set();
  try {
    const rows = await getAll(`${appPath(selected.cluster, selected.appId)}/tasks`);
    if (state.selected === selected) {
      if (feed.polling) {
        state.tasks = new Map();
      }
      state.mergeTasks(rows, state.taskKeysSeen);
    }
  } catch (e) {
    showMessage('as-of-message', `Reading the tasks failed: ${describe(e)}`);
  }
}

/**
 * An instant as the API takes it: epoch milliseconds or ISO-8601 with a zone pass as typed; a
 * date and time without a zone is read in the browser's time zone.
 */
function asOfParameter(raw) {
  const value = raw.trim();
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value)) {
    const local = new Date(value);
    return Number.isNaN(local.getTime()) ? value : local.toISOString();
  }
  return value;
}

async function showAsOf() {
  const selected = state.selected;
  const requested = asOfParameter(document.getElementById('as-of').value);
  if (!selected) {
    return;
  }
  if (!requested) {
    goLive();
    return;
  }
  let result;
  try {
    const answer = await getJson(`${appPath(selected.cluster, selected.appId)}?asOf=${encodeURIComponent(requested)}`);
    result = {requested, answer};
    showMessage('as-of-message', '');
  } catch (e) {
    result = {requested, answer: null};
    showMessage('as-of-message', describe(e));
  }
  if (state.selected === selected) {
    state.asOf = result;
    changed('detail');
  }
}

function goLive() {
  state.asOf = null;
  document.getElementById('as-of').value = '';
  document.getElementById('as-of-slider').value = '0';
  setText('as-of-slider-label', 'now');
  showMessage('as-of-message', '');
  changed('detail');
}

document.querySelector('#apps tbody').addEventListener('click', event => {
  const row = event.target.closest('tr[data-key]');
  if (row) {
    select(row.dataset.key);
  }
});
document.getElementById('detail-close').addEventListener('click', () => {
  state.selected = null;
  state.asOf = null;
  changed('detail');
});
document.getElementById('as-of-form').addEventListener('submit', event => {
  event.preventDefault();
  showAsOf();
});
document.getElementById('as-of-live').addEventListener('click', goLive);
const slider = document.getElementById('as-of-slider');
slider.addEventListener('input', () => {
  const seconds = -Number(slider.value);
  document.getElementById('as-of').value = seconds === 0 ? '' : new Date(Date.now() - seconds * 1000).toISOString();
  setText('as-of-slider-label', seconds === 0 ? 'now' : `${Math.floor(seconds / 60)} min ${seconds % 60} s ago`);
});
slider.addEventListener('change', showAsOf);
filter.addEventListener('input', () => changed('apps'));

feed.start();

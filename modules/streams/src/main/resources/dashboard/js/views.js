// Renders the state into the page's tables. Each render replaces a table body; values go in as text.

import {cell, el, patchRows, setText, time} from './dom.js';

const FAILED_STATES = new Set(['TASK_FAILED', 'TASK_ERROR', 'TASK_LOST', 'TASK_DROPPED']);
const FAILURES_SHOWN = 20;

export function renderApps(state, filter) {
  const wanted = filter.trim().toLowerCase();
  const rows = [...state.apps.entries()]
    .filter(([, app]) => !wanted || app.appId.toLowerCase().includes(wanted))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, app]) => el('tr', {'data-key': key, 'data-app-id': app.appId,
        'aria-selected': state.selected?.key === key ? 'true' : 'false'},
      cell(app.appId, 'app-id'),
      cell(app.status, `app-status status-${app.status}`),
      cell(app.desiredInstances ?? '–', 'app-instances'),
      cell(app.running, 'app-running'),
      cell(app.staged),
      cell(app.healthy, app.healthy ? 'health-healthy' : ''),
      cell(app.unhealthy, app.unhealthy ? 'health-unhealthy' : ''),
      cell(app.failed, app.failed ? 'state-bad' : ''),
      cell(app.deployments.length || '')));
  patchRows(document.querySelector('#apps tbody'), rows);
  setText('app-count', `(${state.apps.size})`);
}

/** The selected app: live from the app table, or as of a past time from the history. */
export function renderDetail(state) {
  const panel = document.getElementById('app-detail');
  const selected = state.selected;
  panel.hidden = !selected;
  if (!selected) {
    return;
  }
  setText('detail-id', selected.appId);
  const mode = document.getElementById('detail-mode');
  const fields = [];
  let app;
  if (state.asOf) {
    mode.textContent = `as of ${state.asOf.requested}`;
    mode.dataset.state = 'polling';
    app = state.asOf.answer?.data;
    if (state.asOf.answer) {
      fields.push(['valid from', time(state.asOf.answer.validFrom), 'validFrom'],
        ['valid to', state.asOf.answer.validTo ? time(state.asOf.answer.validTo) : 'still current', 'validTo']);
    }
  } else {
    mode.textContent = 'live';
    mode.dataset.state = 'live';
    app = state.apps.get(selected.key);
    if (!app) {
      fields.push(['', 'This app is no longer in the app table.', 'gone']);
    }
  }
  if (app) {
    fields.unshift(
      ['status', app.status, 'status'],
      ['instances', app.desiredInstances ?? 'unknown', 'desiredInstances'],
      ['running / staged', `${app.running} / ${app.staged}`, 'running'],
      ['healthy / unhealthy', `${app.healthy} / ${app.unhealthy}`, 'healthy'],
      ['failed', app.failed, 'failed'],
      ['version', app.version ?? '–', 'version'],
      ['deployments', app.deployments.join(', ') || 'none', 'deployments'],
      ['last task failure', app.lastTaskFailure
        ? `${time(app.lastTaskFailure.timestamp)} ${app.lastTaskFailure.state}: ${app.lastTaskFailure.message ?? ''}` : 'none',
      'lastTaskFailure'],
      ['updated', time(app.updatedAt), 'updatedAt'],
      ['origin', `${app.origin}${app.frameworkId ? ` (framework ${app.frameworkId})` : ''}`, 'origin']);
  }
  document.getElementById('detail-fields').replaceChildren(...fields.flatMap(([label, value, field]) =>
    [el('dt', {}, label), el('dd', {'data-field': field}, String(value))]));
}

export function renderTasks(state) {
  setText('task-note', state.asOf ? '(now: the task list has no history)' : '');
  const rows = [...state.tasks.values()]
    .sort((a, b) => a.taskId.localeCompare(b.taskId))
    .map(task => el('tr', {'data-key': `${task.cluster}/${task.taskId}`, 'data-task-id': task.taskId},
      cell(task.taskId, 'wrap'),
      cell(task.host ?? '–'),
      cell(task.ports.length ? task.ports.join(', ') : '–'),
      cell(task.state, FAILED_STATES.has(task.state) ? 'state-bad' : ''),
      cell(health(task.healthy), `health-${health(task.healthy)}`),
      cell(time(task.updatedAt))));
  patchRows(document.querySelector('#tasks tbody'), rows);
}

export function renderDeployments(state) {
  const rows = [...state.deployments.values()]
    .sort((a, b) => (b.started || '').localeCompare(a.started || ''))
    .map(deployment => {
      const total = deployment.totalSteps ?? deployment.steps.length;
      const current = deployment.currentStep ?? 0;
      return el('tr', {'data-key': `${deployment.cluster}/${deployment.deploymentId}`, 'data-deployment-id': deployment.deploymentId},
        cell(deployment.deploymentId),
        cell([...deployment.affectedApps, ...deployment.affectedPods].join(', '), 'wrap'),
        el('td', {}, el('progress', {max: Math.max(total, 1), value: current}), ` ${current} / ${total}`),
        cell(deployment.currentActions.map(action => `${action.action} ${action.app ?? action.pod ?? ''}`).join(', '), 'wrap'),
        cell(time(deployment.started)));
    });
  patchRows(document.querySelector('#deployments tbody'), rows);
  setText('deployment-count', `(${state.deployments.size})`);
}

export function renderAgents(state) {
  const rows = [...state.agents.values()]
    .sort((a, b) => (a.hostname || a.agentId).localeCompare(b.hostname || b.agentId))
    .map(agent => el('tr', {'data-key': `${agent.cluster}/${agent.agentId}`, 'data-agent-id': agent.agentId},
      cell(agent.agentId, 'wrap'),
      cell(agent.hostname ?? '–'),
      cell(agent.active === null ? '–' : agent.active ? 'yes' : 'no', agent.active === false ? 'state-bad' : ''),
      cell(agent.tasks?.running ?? 0),
      cell(agent.tasks?.staged ?? 0),
      cell(agent.tasks?.unreachable ?? 0, agent.tasks?.unreachable ? 'state-bad' : '')));
  patchRows(document.querySelector('#agents tbody'), rows);
  setText('agent-count', `(${state.agents.size})`);
}

export function renderFailures(state) {
  const rows = [...state.failures.entries()]
    .sort(([, a], [, b]) => (b.timestamp || '').localeCompare(a.timestamp || ''))
    .slice(0, FAILURES_SHOWN)
    .map(([key, failure]) => el('tr', {'data-key': key},
      cell(time(failure.timestamp)),
      cell(failure.appId ?? '–'),
      cell(failure.taskId, 'wrap'),
      cell(failure.state, 'state-bad'),
      cell(failure.host ?? '–'),
      cell(failure.message ?? '', 'wrap')));
  patchRows(document.querySelector('#failures tbody'), rows);
}

function health(healthy) {
  return healthy === true ? 'healthy' : healthy === false ? 'unhealthy' : 'unknown';
}

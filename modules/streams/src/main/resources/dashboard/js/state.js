// What the dashboard knows of the cluster: the rows of the views it shows, keyed as the views key
// them (<cluster>/<id>), filled from the REST collections and kept current by watch events.

const FAILED_STATES = new Set(['TASK_FAILED', 'TASK_ERROR', 'TASK_LOST', 'TASK_DROPPED']);
const FAILURES_KEPT = 200;

export function appKey(cluster, appId) {
  return `${cluster}/${appId}`;
}

export class ClusterState {
  constructor(onChange) {
    this.onChange = onChange;
    this.apps = new Map();
    this.deployments = new Map();
    this.agents = new Map();
    /** Tasks of the selected app only: the task table of a whole cluster is too big for a page. */
    this.tasks = new Map();
    /** Tasks a watch event changed since the selected app's tasks were asked for. */
    this.taskKeysSeen = new Set();
    this.failures = new Map();
    /** {key, cluster, appId} of the app shown in detail, or null. */
    this.selected = null;
    /** While the detail shows a past time: {requested, answer, error}. */
    this.asOf = null;
    this.lastChange = null;
  }

  /** Replaces everything with fresh collections (the first load, a gap in the watch, or a poll). */
  replace({apps, deployments, agents}) {
    this.apps = new Map(apps.map(row => [appKey(row.cluster, row.appId), row]));
    this.deployments = new Map(deployments.filter(row => row.state === 'IN_PROGRESS')
      .map(row => [`${row.cluster}/${row.deploymentId}`, row]));
    this.agents = new Map(agents.map(row => [`${row.cluster}/${row.agentId}`, row]));
    apps.forEach(row => this.noteAppFailure(row));
    this.onChange('all');
  }

  /** Tasks of the selected app from the collection; rows a watch event already changed stay as they are. */
  mergeTasks(rows, since) {
    for (const row of rows) {
      const key = `${row.cluster}/${row.taskId}`;
      if (!since.has(key)) {
        this.tasks.set(key, row);
      }
    }
    this.onChange('tasks');
  }

  /** One watch event: {key, type, row (null for a deletion), timestamp}. */
  apply(event) {
    this.lastChange = event.timestamp;
    const row = event.row;
    switch (event.type) {
      case 'app':
        setOrDelete(this.apps, event.key, row);
        if (row) {
          this.noteAppFailure(row);
        }
        this.onChange('apps');
        break;
      case 'deployment':
        setOrDelete(this.deployments, event.key, row && row.state === 'IN_PROGRESS' ? row : null);
        this.onChange('deployments');
        break;
      case 'agent':
        setOrDelete(this.agents, event.key, row);
        this.onChange('agents');
        break;
      case 'task':
        this.applyTask(event.key, row);
        break;
      default:
        // Types this version does not show (frameworks, app health) or does not know yet.
        break;
    }
  }

  applyTask(key, row) {
    const selected = this.selected;
    if (selected && (row ? row.cluster === selected.cluster && row.appId === selected.appId : this.tasks.has(key))) {
      setOrDelete(this.tasks, key, row);
      this.taskKeysSeen.add(key);
      this.onChange('tasks');
    }
    if (row && FAILED_STATES.has(row.state)) {
      this.noteFailure(row.cluster, {
        taskId: row.taskId, appId: row.appId, state: row.state, host: row.host,
        message: row.lastStatusMessage || row.lastReason, timestamp: row.finished || row.updatedAt,
      });
    }
  }

  noteAppFailure(row) {
    if (row.lastTaskFailure) {
      this.noteFailure(row.cluster, {...row.lastTaskFailure, appId: row.appId,
        message: row.lastTaskFailure.message || row.lastTaskFailure.reason});
    }
  }

  noteFailure(cluster, failure) {
    const key = `${cluster}/${failure.taskId}`;
    const known = this.failures.get(key);
    if (known && (known.timestamp || '') >= (failure.timestamp || '')) {
      return;
    }
    this.failures.set(key, failure);
    if (this.failures.size > FAILURES_KEPT) {
      const oldest = [...this.failures.entries()].sort((a, b) => (a[1].timestamp || '').localeCompare(b[1].timestamp || ''))[0];
      this.failures.delete(oldest[0]);
    }
    this.onChange('failures');
  }

  select(key) {
    const row = this.apps.get(key);
    this.selected = row ? {key, cluster: row.cluster, appId: row.appId} : null;
    this.asOf = null;
    this.tasks = new Map();
    this.taskKeysSeen = new Set();
    this.onChange('detail');
  }
}

function setOrDelete(map, key, row) {
  if (row) {
    map.set(key, row);
  } else {
    map.delete(key);
  }
}

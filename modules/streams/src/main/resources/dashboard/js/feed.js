// Keeps the state current: a first load of the collections, then the watch stream
// (GET /api/v1/watch, server-sent events). When the watch cannot be opened (for instance with
// bearer authentication, which EventSource cannot send) it says why and polls instead.

import {ApiError, apiUrl, getAll} from './api.js';

const WATCH = 'api/v1/watch?types=app,deployment,agent,task';
const EVENT_TYPES = ['app', 'deployment', 'agent', 'task'];
const POLL_MILLIS = 5000;
const RETRY_MILLIS = 3000;

export class Feed {
  /**
   * @param state    the ClusterState to fill
   * @param onStatus called with (connection state, notice or null): starting, live, reconnecting, polling, error
   */
  constructor(state, onStatus) {
    this.state = state;
    this.onStatus = onStatus;
    this.buffer = null;
    this.source = null;
    this.loaded = false;
    this.pollTimer = null;
  }

  start() {
    if (typeof EventSource === 'undefined') {
      this.poll('This browser has no EventSource: the dashboard polls every 5 s.');
      return;
    }
    const source = new EventSource(apiUrl(WATCH));
    this.source = source;
    // The stream opens with its position alone: from then on no change is missed, so the
    // collections are read after it opened, and the events that come meanwhile are applied after them.
    source.onopen = () => {
      this.onStatus('live', null);
      if (!this.loaded) {
        this.reload();
      }
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        this.watchFailed();
      } else {
        // EventSource reconnects by itself, sending Last-Event-ID: the watch resumes where it stopped.
        this.onStatus('reconnecting', null);
      }
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, message => this.receive(message));
    }
    source.addEventListener('gap', () => {
      this.onStatus('live', 'Some changes were no longer in the log (retention); the dashboard reloaded everything.');
      this.reload();
      this.state.onChange('reload');
    });
  }

  receive(message) {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (e) {
      return;
    }
    if (this.buffer) {
      this.buffer.push(event);
    } else {
      this.state.apply(event);
    }
  }

  /** Reads every collection, then applies what the watch sent meanwhile. */
  async reload() {
    this.buffer = this.buffer || [];
    try {
      const [apps, deployments, agents] = await Promise.all([
        getAll('api/v1/apps'), getAll('api/v1/deployments?state=IN_PROGRESS'), getAll('api/v1/agents')]);
      this.state.replace({apps, deployments, agents});
      this.loaded = true;
    } catch (e) {
      this.onStatus(this.pollTimer ? 'polling' : 'error', `Reading the views failed: ${describe(e)}. Retrying.`);
      if (!this.pollTimer) {
        setTimeout(() => this.reload(), RETRY_MILLIS);
      }
      return;
    } finally {
      if (this.loaded || this.pollTimer) {
        const buffered = this.buffer || [];
        this.buffer = null;
        buffered.forEach(event => this.state.apply(event));
      }
    }
  }

  /** The stream was refused or is not an event stream: ask the same URL why, then poll. */
  async watchFailed() {
    this.source.close();
    let reason = 'the watch stream could not be opened';
    const abort = new AbortController();
    try {
      const response = await fetch(apiUrl(WATCH), {signal: abort.signal, credentials: 'same-origin'});
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        reason = `the watch answered ${response.status}${body && body.error ? `: ${body.error}` : ''}`;
        if (response.status === 401) {
          reason += ' (EventSource cannot send bearer tokens)';
        }
      }
    } catch (e) {
      reason = `the watch cannot be reached (${e.message})`;
    } finally {
      abort.abort();
    }
    this.poll(`No live updates: ${reason}. The dashboard polls every ${POLL_MILLIS / 1000} s instead.`);
  }

  poll(notice) {
    this.onStatus('polling', notice);
    this.buffer = null;
    this.reload();
    this.pollTimer = setInterval(() => {
      this.reload();
      this.state.onChange('reload');
    }, POLL_MILLIS);
  }

  get polling() {
    return this.pollTimer !== null;
  }
}

export function describe(error) {
  return error instanceof ApiError && error.status ? `${error.status}: ${error.message}` : error.message;
}

// Calls to the interactive-query API. Paths are relative to the page, so the dashboard works
// behind a reverse proxy that mounts the whole server under a prefix.

/** An answer other than 200, with the message of the API's JSON error body. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function apiUrl(path) {
  return new URL(path, document.baseURI).toString();
}

/** GETs a JSON answer; any other status throws an ApiError carrying the API's own message. */
export async function getJson(path) {
  let response;
  try {
    response = await fetch(apiUrl(path), {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  } catch (e) {
    throw new ApiError(0, `the server cannot be reached (${e.message})`);
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

/** Every row of a paged collection, following nextCursor. */
export async function getAll(path) {
  const rows = [];
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await getJson(`${path}${separator}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/**
 * The route of one app: {@code apps/<cluster>/<app id>}. The leading slash of a Marathon id is left
 * out, as the API allows, so that the path has no empty segment.
 */
export function appPath(cluster, appId) {
  const segments = appId.replace(/^\//, '').split('/').map(encodeURIComponent);
  return `api/v1/apps/${encodeURIComponent(cluster)}/${segments.join('/')}`;
}

// `?watch=true`: a stream of `{"type":"ADDED|MODIFIED|DELETED","object":{...}}` lines, as kubectl delete
// (waiting for the object to go) and kubectl wait read it. Replays the changes after `resourceVersion`,
// then follows live changes until `timeoutSeconds` or the client goes away.
import type { ServerResponse } from 'node:http'
import type { ResourceStrategy } from './resources/strategy.js'
import { parseFieldSelector, parseLabelSelector } from './selectors.js'
import type { ObjectStore, WatchEvent } from './store.js'

export interface WatchRequest {
  strategy: ResourceStrategy
  namespace?: string
  /** the old `GET .../{name}?watch=true` form */
  name?: string
  query: URLSearchParams
}

/** Validates the selectors first (a 400 must come before the 200 of the stream), then returns the streamer. */
export function prepareWatch(store: ObjectStore, request: WatchRequest): (response: ServerResponse) => void {
  const { strategy, namespace, query } = request
  const byLabels = parseLabelSelector(query.get('labelSelector') ?? undefined)
  const byFields = parseFieldSelector(query.get('fieldSelector') ?? undefined, strategy.kind)
  const relevant = (event: WatchEvent): boolean =>
    event.resource === strategy.resource &&
    (!strategy.namespaced || namespace === undefined || event.object.metadata?.namespace === namespace) &&
    (request.name === undefined || event.object.metadata?.name === request.name) &&
    byLabels(event.object) &&
    byFields(event.object)
  const since = Number(query.get('resourceVersion') ?? '')
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '1800')

  return (response) => {
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked'
    })
    const send = (event: WatchEvent): void => {
      if (relevant(event)) response.write(`${JSON.stringify({ type: event.type, object: event.object })}\n`)
    }
    // With no (or a zero) resourceVersion a watch starts with the current state as ADDED events.
    if (!since) {
      for (const object of store.list(strategy.resource, strategy.namespaced ? namespace : undefined)) {
        if (request.name !== undefined && object.metadata?.name !== request.name) continue
        send({ type: 'ADDED', resource: strategy.resource, object, revision: 0 })
      }
    } else {
      for (const event of store.changesSince(since)) send(event)
    }
    const unsubscribe = store.subscribe(send)
    const timer = setTimeout(() => response.end(), Math.max(1, timeoutSeconds) * 1000)
    timer.unref()
    response.on('close', () => {
      clearTimeout(timer)
      unsubscribe()
    })
  }
}

/** Where the collaboration sockets live: `/collab` on the page's own host, ws or wss to match. */

/** The y-websocket server URL for the current page (browser only). */
export function collabServerUrl(page: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${page.protocol === 'https:' ? 'wss' : 'ws'}://${page.host}/collab`;
}

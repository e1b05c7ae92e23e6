/**
 * The typed claim requests (http/claim-routes.ts) as a script makes them, with a bearer token:
 * tests set up a claim's review state through them, as the app does, since a client cannot
 * write a status or a review into the Y.Doc.
 */

/** What the server answered: the status and the JSON body. */
export interface ClaimAnswer {
  status: number;
  body: { claim?: unknown; error?: string };
}

async function send(url: string, method: string, token: string | null, body: unknown): Promise<ClaimAnswer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as ClaimAnswer['body']) : {} };
}

const claimUrl = (serverUrl: string, docId: string, claimId: string, rest: string) =>
  `${serverUrl}/api/documents/${encodeURIComponent(docId)}/claims/${encodeURIComponent(claimId)}/${rest}`;

/** POST …/transitions: `action` on the claim as the person with `token` (null: signed out). */
export function requestTransition(serverUrl: string, token: string | null, docId: string, claimId: string, action: string, comment?: string): Promise<ClaimAnswer> {
  return send(claimUrl(serverUrl, docId, claimId, 'transitions'), 'POST', token, comment === undefined ? { action } : { action, comment });
}

/** PUT …/thread-resolution as the person with `token`. */
export function requestThreadResolution(serverUrl: string, token: string | null, docId: string, claimId: string, resolved: boolean): Promise<ClaimAnswer> {
  return send(claimUrl(serverUrl, docId, claimId, 'thread-resolution'), 'PUT', token, { resolved });
}

/** Takes `action` and throws with the server's reason unless it answered 200. */
export async function transitionOrThrow(serverUrl: string, token: string, docId: string, claimId: string, action: string, comment?: string): Promise<void> {
  const answer = await requestTransition(serverUrl, token, docId, claimId, action, comment);
  if (answer.status !== 200) throw new Error(`The server refused to ${action} claim ${claimId}: ${answer.status} ${answer.body.error ?? ''}`);
}

/**
 * What a new version did to a claim, on its card: "Text changed since verdict" (with the
 * version it was checked against) or "Archived". Text and icon, never colour alone.
 */
import { checkedVersionOf, type Claim } from '@factdesk/shared';

export function AnchorFlag({ claim }: { claim: Claim }) {
  const state = claim.anchor?.state;
  if (state === 'changed') {
    return (
      <p className="claim-flag claim-flag--changed">
        <span aria-hidden="true">⚠ </span>Text changed since verdict (checked against version {checkedVersionOf(claim)})
      </p>
    );
  }
  if (state === 'archived') {
    return (
      <p className="claim-flag claim-flag--archived">
        <span aria-hidden="true">🗄 </span>Archived after version {claim.anchor?.version}
      </p>
    );
  }
  return null;
}

/**
 * Above the article: which version is shown ("Version": the current one or an earlier one,
 * read-only, with the claims as they were placed then), and for reviewers and admins the
 * "Upload new version" action.
 */
import { useId, useState } from 'react';
import { canUploadVersion, type Actor, type ArticleVersion } from '@factdesk/shared';
import { formatDateTime } from '../app/format.js';
import { showToast } from '../store/ui-store.js';
import { UploadVersionForm } from './UploadVersionForm.js';

export interface VersionBarProps {
  docId: string;
  user: Actor;
  versions: ArticleVersion[];
  current: number;
  /** The version on screen. */
  shown: number;
  onShow(version: number): void;
}

export function VersionBar({ docId, user, versions, current, shown, onShow }: VersionBarProps) {
  const id = useId();
  const [uploading, setUploading] = useState(false);
  const mayUpload = canUploadVersion(user);
  if (versions.length < 2 && !mayUpload) return null;

  return (
    <div className="version-bar">
      {versions.length > 1 && (
        <div className="version-switcher">
          <label htmlFor={`${id}-version`}>Version</label>{' '}
          <select id={`${id}-version`} value={shown} onChange={(e) => onShow(Number(e.target.value))}>
            {[...versions].reverse().map((v) => (
              <option key={v.version} value={v.version}>
                {v.version === current ? `Version ${v.version} (current)` : `Version ${v.version}, ${formatDateTime(v.createdAt)}`}
              </option>
            ))}
          </select>
        </div>
      )}
      {shown !== current && (
        <p className="version-notice" role="status">
          You are reading version {shown}, read-only, with the claims where they were then.{' '}
          <button type="button" onClick={() => onShow(current)}>
            Back to the current version
          </button>
        </p>
      )}
      {mayUpload && !uploading && (
        <button type="button" onClick={() => setUploading(true)}>
          Upload new version
        </button>
      )}
      {mayUpload && uploading && (
        <UploadVersionForm
          docId={docId}
          onCancel={() => setUploading(false)}
          onUploaded={(summary, message) => {
            setUploading(false);
            onShow(summary.version);
            showToast(message);
          }}
        />
      )}
    </div>
  );
}

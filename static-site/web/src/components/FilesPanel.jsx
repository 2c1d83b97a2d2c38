import { useRef, useState } from 'react';
import { Panel, Progress } from './Panel.jsx';
import { fmt, fmtBytes } from '../lib/format.js';

/** Drop zone, upload progress per file, and the session's files. */
export function FilesPanel({
  files,
  uploads,
  uploadRules,
  currentFileId,
  onFiles,
  onSelect,
  onDelete,
  onDismiss,
  words,
  touch,
}) {
  const [over, setOver] = useState(false);
  const input = useRef(null);
  const drop = (e) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  };
  return (
    <Panel title="Recordings" badge={files.length ? String(files.length) : null} testId="panel-files">
      <div
        className={'dropzone' + (over ? ' over' : '')}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="dropzone"
      >
        {!touch && (
          <>
            <p>
              <strong>{words.drop}</strong>
            </p>
            <p className="muted">or</p>
          </>
        )}
        <button type="button" className="btn" onClick={() => input.current.click()}>
          {touch ? 'Choose a file…' : 'Choose files…'}
        </button>
        <p className="muted small">Up to {Math.round(uploadRules.maxBytes / 1048576)} MB each.</p>
        <input
          ref={input}
          id="upload-input"
          type="file"
          multiple
          hidden
          accept={uploadRules.extensions.join(',')}
          aria-label="Choose recordings to upload"
          data-testid="upload-input"
          onChange={(e) => {
            onFiles([...e.target.files]);
            e.target.value = '';
          }}
        />
      </div>
      {uploads.length > 0 && (
        <ul className="uploads" aria-live="polite" data-testid="uploads">
          {uploads.map((u) => (
            <li key={u.key} className={'upload ' + u.state} data-testid="upload-status" data-state={u.state}>
              <div className="upload-line">
                <span className="name">{u.name}</span>
                <span className="muted">{u.state === 'error' ? 'failed' : u.label}</span>
                {(u.state === 'error' || u.state === 'done') && (
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={`Dismiss ${u.name}`}
                    onClick={() => onDismiss(u.key)}
                    data-testid="upload-dismiss"
                  >
                    ×
                  </button>
                )}
              </div>
              {u.state === 'error' ? (
                <p className="error" role="alert">
                  {u.error}
                </p>
              ) : u.state !== 'done' ? (
                <Progress value={u.progress} label={`Uploading ${u.name}`} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="files" aria-label="Recordings in this session">
          {files.map((f) => (
            <li key={f.fileId} className={f.fileId === currentFileId ? 'current' : ''}>
              <button
                type="button"
                className="file-pick"
                onClick={() => onSelect(f.fileId)}
                aria-pressed={f.fileId === currentFileId}
                data-testid="file-item"
              >
                <span className="name">{f.fileName}</span>
                <span className="muted">
                  {f.format} · {f.sweepCount} sweep{f.sweepCount === 1 ? '' : 's'} · {fmt(f.sampleRateHz / 1000)} kHz ·{' '}
                  {fmt(f.durationS)} s · {fmtBytes(f.sizeBytes)}
                </span>
              </button>
              <button
                type="button"
                className="icon-btn"
                aria-label={`Delete ${f.fileName}`}
                onClick={() => onDelete(f)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

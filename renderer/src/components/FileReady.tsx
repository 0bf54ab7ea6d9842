// A file the engine wrote: its name, and "show in folder" (desktop) or a download link (browser).
import type { ExportedFile } from '../../../electron/contract';
import { ApiError } from '../api/client';
import { bytes, Icon } from './Common';
import { downloadClick, downloadHref } from '../engine';
import { useI18n } from '../i18n';
import { useApp } from '../state';

export function FileReady({ file, testId = 'file-ready' }: { file: ExportedFile; testId?: string }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const href = downloadHref(file);
  return (
    <div className="file-ready" data-testid={testId}>
      <Icon name="file" />
      <span className="file-ready-name" title={file.path}>
        {file.name}
      </span>
      <span className="muted small">
        {bytes(file.bytes)}
        {file.masked ? ` · ${t.e.masked}` : ''}
      </span>
      <div className="spacer" />
      {app.client.desktop ? (
        <button
          className="btn small"
          data-testid="show-in-folder"
          onClick={() => void app.client.call('shell.showItemInFolder', { path: file.path }).catch((e: unknown) => app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e)))}
        >
          <Icon name="open" /> {t.e.openFolder}
        </button>
      ) : (
        href && (
          <a className="btn small" href={href} download={file.name} data-testid="download-link" onClick={downloadClick(app.client, file, (e) => app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e)))}>
            <Icon name="import" /> {t.e.download}
          </a>
        )
      )}
    </div>
  );
}

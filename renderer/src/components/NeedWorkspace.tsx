// The screen a feature shows before any workspace is open: its title, what it will show, and the
// two ways forward — the workspace screen, or the bundled sample in one click.
import { useActions } from '../actions';
import { useI18n } from '../i18n';
import { useApp, type Screen } from '../state';
import { Empty, type IconName } from './Common';

export function NeedWorkspace({ screen, title, icon, text }: { screen: Screen; title: string; icon: IconName; text?: string }) {
  const app = useApp();
  const actions = useActions();
  const { t } = useI18n();
  return (
    <div className="screen" data-testid={`screen-${screen}`}>
      <header className="screen-head">
        <h1>{title}</h1>
      </header>
      <Empty icon={icon} title={text ?? t.e.needWorkspace} testId={`${screen}-need-workspace`}>
        <div className="empty-actions">
          <button className="btn primary" onClick={() => app.go('workspace')} data-testid="need-workspace-go">
            {t.nav.workspace}
          </button>
          {app.info?.sampleDir && (
            <button className="btn" onClick={() => actions.run('workspace.sample')} disabled={!!app.job} data-testid="need-workspace-sample">
              {t.ws.sample}
            </button>
          )}
        </div>
      </Empty>
    </div>
  );
}

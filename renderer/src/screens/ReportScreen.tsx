// 报告: reports from the report module (county, unit(s), review pack) — pending until it lands.
import { Empty } from '../components/Common';
import { useI18n } from '../i18n';

export function ReportScreen() {
  const { t } = useI18n();
  return (
    <div className="screen" data-testid="screen-report">
      <header className="screen-head">
        <h1>{t.e.report}</h1>
      </header>
      <Empty icon="report" title={t.e.reportPending} />
    </div>
  );
}

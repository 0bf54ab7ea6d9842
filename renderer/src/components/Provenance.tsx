// What a target rests on, in words (依据：实施方案 / 法律规定 / 公开文件 / 假设值), the source on hover.
import { useI18n } from '../i18n';

export function Provenance({ source, note, testId }: { source: string; note?: string | undefined; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className={`src src-${source}`} title={note ? t.ux.provenanceTip(note) : undefined} data-testid={testId ?? 'provenance'} data-source={source}>
      {t.ux.provenance[source] ?? source}
    </span>
  );
}

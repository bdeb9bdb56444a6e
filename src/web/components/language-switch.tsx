/** 中文 | English: switches every string, antd's locale and number/date formats; remembered. */
import { Radio } from 'antd';
import { LANGUAGES, type Language } from '../i18n/catalog';
import { useI18n } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Radio.Group
      aria-label={t('lang.label')}
      optionType="button"
      buttonStyle="solid"
      size="small"
      value={lang}
      onChange={(event) => setLang(event.target.value as Language)}
      options={LANGUAGES.map((l) => ({ value: l, label: <span lang={l}>{t(`lang.${l}`)}</span> }))}
    />
  );
}

package cn.fengxing.common.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Text shown to people, zh-CN first and English second, from {@code i18n/messages*.properties}. */
public final class Messages {

    private static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");

    private Messages() {
    }

    /** The best supported locale for the caller's Accept-Language list: English if asked first, else zh-CN. */
    public static Locale pick(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            if ("zh".equals(l.getLanguage())) {
                return ZH_CN;
            }
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return ZH_CN;
    }

    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}

package com.audioextraction.extraction;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Matches ISO 639 language tags across their forms: 639-1 ({@code en}), 639-2/T ({@code deu})
 * and 639-2/B ({@code ger}). Stream metadata uses any of them.
 */
final class Languages {

    /** The 639-2 bibliographic codes that differ from the terminology ones (which Java knows). */
    private static final Map<String, String> BIBLIOGRAPHIC_TO_TERMINOLOGY = Map.ofEntries(
            Map.entry("alb", "sqi"), Map.entry("arm", "hye"), Map.entry("baq", "eus"), Map.entry("bur", "mya"),
            Map.entry("chi", "zho"), Map.entry("cze", "ces"), Map.entry("dut", "nld"), Map.entry("fre", "fra"),
            Map.entry("geo", "kat"), Map.entry("ger", "deu"), Map.entry("gre", "ell"), Map.entry("ice", "isl"),
            Map.entry("mac", "mkd"), Map.entry("mao", "mri"), Map.entry("may", "msa"), Map.entry("per", "fas"),
            Map.entry("rum", "ron"), Map.entry("slo", "slk"), Map.entry("tib", "bod"), Map.entry("wel", "cym"));

    private Languages() {
    }

    static boolean matches(String requested, String streamTag) {
        if (streamTag == null) {
            return false;
        }
        Set<String> wanted = forms(requested);
        return forms(streamTag).stream().anyMatch(wanted::contains);
    }

    private static Set<String> forms(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        if (dash > 0) {
            t = t.substring(0, dash); // en-US -> en
        }
        Set<String> forms = new HashSet<>();
        forms.add(t);
        String terminology = BIBLIOGRAPHIC_TO_TERMINOLOGY.getOrDefault(t, t);
        forms.add(terminology);
        if (t.length() == 2) {
            try {
                forms.add(Locale.forLanguageTag(t).getISO3Language());
            } catch (MissingResourceException e) {
                // unknown two-letter tag: matches only itself
            }
        }
        BIBLIOGRAPHIC_TO_TERMINOLOGY.forEach((b, term) -> {
            if (term.equals(terminology)) {
                forms.add(b);
            }
        });
        return forms;
    }
}

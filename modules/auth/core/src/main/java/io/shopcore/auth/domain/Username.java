package io.shopcore.auth.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A login name: 3..64 characters of {@code [A-Za-z0-9._-]}, compared case-insensitively (stored lower-case). */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    public Username {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidCredentialFormat(
                    "username", "must be 3 to 64 characters of letters, digits, '.', '_' or '-'");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String raw) {
        return raw != null && ALLOWED.matcher(raw).matches();
    }
}

package io.shopcore.search.domain;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transposition), on UTF-16 units of folded text. */
public final class EditDistance {

    private EditDistance() {}

    public static int between(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /**
     * Edits tolerated for a word of this folded length: none below 3 (too short to guess), one up to
     * 5 (a Korean syllable's vowel, {@code 아이페드} → {@code 아이패드}), two from 6 ({@code iphnoe}).
     */
    public static int tolerance(int foldedLength) {
        if (foldedLength < 3) {
            return 0;
        }
        return foldedLength <= 5 ? 1 : 2;
    }
}

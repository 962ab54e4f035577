package io.shopcore.bootstrap.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expand/contract rule for Flyway scripts (ADR 0010): while blue and green share one database, a release may
 * only add. A statement that drops, renames, retypes or tightens something an older release may still use is
 * allowed only as a marked contract step: a comment {@code -- contract: unused since <version> ...} right
 * above it, naming the release that stopped using the object.
 */
final class MigrationLinter {

    record Violation(String file, int line, String rule, String statement) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + rule + " — " + statement;
        }
    }

    private record Rule(String name, Pattern pattern) {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final List<Rule> RULES = List.of(
            new Rule(
                    "DROP of a table, column, view, schema, type, function or sequence",
                    Pattern.compile(
                            "\\bDROP\\s+(TABLE|COLUMN|VIEW|MATERIALIZED\\s+VIEW|SCHEMA|TYPE|FUNCTION|SEQUENCE)\\b",
                            FLAGS)),
            new Rule(
                    "ALTER TABLE ... DROP <column> (COLUMN is optional)",
                    Pattern.compile(
                            "\\bALTER\\s+TABLE\\b.*\\bDROP\\s+(?!COLUMN\\b|CONSTRAINT\\b|DEFAULT\\b|NOT\\s+NULL\\b|IDENTITY\\b|EXPRESSION\\b)(IF\\s+EXISTS\\s+)?\\w+",
                            FLAGS)),
            new Rule("RENAME", Pattern.compile("\\bRENAME\\b", FLAGS)),
            new Rule(
                    "ALTER COLUMN ... TYPE",
                    Pattern.compile("\\bALTER\\s+(COLUMN\\s+)?\\w+\\s+(SET\\s+DATA\\s+)?TYPE\\b", FLAGS)),
            new Rule("TRUNCATE", Pattern.compile("\\bTRUNCATE\\b", FLAGS)));
    private static final Pattern SET_NOT_NULL = Pattern.compile(
            "\\bALTER\\s+TABLE\\s+(ONLY\\s+)?(IF\\s+EXISTS\\s+)?([\\w.\"]+).*\\bSET\\s+NOT\\s+NULL\\b", FLAGS);
    private static final Pattern ADD_NOT_NULL_COLUMN = Pattern.compile(
            "\\bALTER\\s+TABLE\\s+(ONLY\\s+)?(IF\\s+EXISTS\\s+)?([\\w.\"]+).*\\bADD\\s+(COLUMN\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?\\w+[^,]*\\bNOT\\s+NULL\\b",
            FLAGS);
    private static final Pattern HAS_DEFAULT = Pattern.compile("\\bDEFAULT\\b", FLAGS);
    private static final Pattern CREATE_TABLE =
            Pattern.compile("\\bCREATE\\s+(UNLOGGED\\s+)?TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"]+)", FLAGS);
    private static final Pattern CONTRACT = Pattern.compile(
            "--\\s*contract:\\s*unused since\\s+v?\\d+\\.\\d+(\\.\\d+)?\\b.*", Pattern.CASE_INSENSITIVE);

    private MigrationLinter() {}

    static List<Violation> lint(String file, String sql) {
        List<Violation> violations = new ArrayList<>();
        Set<String> createdHere = new HashSet<>();
        for (Statement st : split(sql)) {
            Matcher created = CREATE_TABLE.matcher(st.code());
            if (created.find()) {
                createdHere.add(normalize(created.group(3)));
            }
            List<String> broken = new ArrayList<>();
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(st.code()).find()) {
                    broken.add(rule.name());
                }
            }
            Matcher notNull = SET_NOT_NULL.matcher(st.code());
            if (notNull.find() && !createdHere.contains(normalize(notNull.group(3)))) {
                broken.add("SET NOT NULL on a column of an existing table");
            }
            Matcher addNotNull = ADD_NOT_NULL_COLUMN.matcher(st.code());
            if (addNotNull.find()
                    && !HAS_DEFAULT.matcher(st.code()).find()
                    && !createdHere.contains(normalize(addNotNull.group(3)))) {
                broken.add("ADD COLUMN ... NOT NULL without DEFAULT (the previous release's INSERTs would fail)");
            }
            if (!broken.isEmpty() && !st.contractMarked()) {
                String oneLine = st.code().replaceAll("\\s+", " ").trim();
                violations.add(new Violation(
                        file,
                        st.line(),
                        String.join(", ", broken),
                        oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine));
            }
        }
        return violations;
    }

    private static String normalize(String table) {
        String t = table.replace("\"", "").toLowerCase(Locale.ROOT);
        return t.contains(".") ? t.substring(t.indexOf('.') + 1) : t;
    }

    /** One SQL statement without comments and string contents; marked when a contract comment precedes it. */
    record Statement(String code, int line, boolean contractMarked) {}

    /** Splits on semicolons outside strings, quoted identifiers, comments and dollar-quoted bodies. */
    static List<Statement> split(String sql) {
        List<Statement> out = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        boolean marked = false;
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                if (CONTRACT.matcher(sql.substring(i, end)).matches()) {
                    marked = true;
                }
                i = end;
                continue;
            }
            if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                line += count(sql.substring(i, end));
                i = end;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length()
                        && !(sql.charAt(end) == c && (end + 1 >= sql.length() || sql.charAt(end + 1) != c))) {
                    end += sql.charAt(end) == c ? 2 : 1;
                }
                end = Math.min(end + 1, sql.length());
                line += count(sql.substring(i, end));
                code.append(c == '"' ? sql.substring(i, end) : "''");
                i = end;
                continue;
            }
            if (c == '$') {
                Matcher tag = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(sql).region(i, sql.length());
                if (tag.lookingAt()) {
                    int end = sql.indexOf(tag.group(), tag.end());
                    end = end < 0 ? sql.length() : end + tag.group().length();
                    line += count(sql.substring(i, end));
                    code.append("$body$");
                    i = end;
                    continue;
                }
            }
            if (c == ';') {
                if (!code.toString().isBlank()) {
                    out.add(new Statement(code.toString(), startLine, marked));
                }
                code.setLength(0);
                marked = false;
                startLine = -1;
                i++;
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            code.append(c);
            i++;
        }
        if (!code.toString().isBlank()) {
            out.add(new Statement(code.toString(), startLine, marked));
        }
        return out;
    }

    private static int count(String s) {
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }
}

package io.shopcore.loadtest;

import java.time.Duration;

/**
 * Every knob of a run, as Java system properties (run.sh passes them through Maven to the Gatling JVM):
 * {@code -Dbase=http://127.0.0.1:8080 -Dusers=50 -Dduration=60 -Dramp=5}. Durations are in seconds.
 */
public record LoadParams(String base, int users, Duration duration, Duration ramp, String adminUser,
                         String adminPassword, int tokens, String verdictFile, double maxFailedPercent) {

    public static LoadParams fromSystemProperties(int defaultUsers) {
        int users = Integer.getInteger("users", defaultUsers);
        return new LoadParams(
                stripSlash(System.getProperty("base", "http://127.0.0.1:8080")),
                users,
                Duration.ofSeconds(Long.getLong("duration", 30)),
                Duration.ofSeconds(Long.getLong("ramp", 0)),
                System.getProperty("adminUser", "admin"),
                System.getProperty("adminPassword", "bench-admin-password"),
                // Pre-created users (each costs an Argon2id hash to register and one to log in): at most 50
                // by default, shared round-robin by the virtual users, like several tabs of one customer.
                Integer.getInteger("tokens", Math.max(1, Math.min(users, 50))),
                System.getProperty("verdictFile", ""),
                // 0: any failed request fails the run. run.sh compare raises it, so that a strategy's 503s
                // under overload show in its row instead of ending the comparison.
                Double.parseDouble(System.getProperty("maxFailedPercent", "0")));
    }

    public static int intProp(String name, int def) {
        return Integer.getInteger(name, def);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "base=" + base + " users=" + users + " duration=" + duration.toSeconds() + "s ramp=" + ramp.toSeconds()
                + "s tokens=" + tokens;
    }
}

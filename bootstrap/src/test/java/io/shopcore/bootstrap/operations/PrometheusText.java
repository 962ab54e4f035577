package io.shopcore.bootstrap.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A small reader of the Prometheus text format: enough to list series, their labels and the families. */
record PrometheusText(List<Sample> samples, Set<String> families) {

    record Sample(String name, Map<String, String> labels) {}

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Set<String> families = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace < 0 || brace > space) {
                samples.add(new Sample(line.substring(0, space), Map.of()));
                continue;
            }
            String name = line.substring(0, brace);
            Map<String, String> labels = new LinkedHashMap<>();
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq).trim();
                StringBuilder value = new StringBuilder();
                int j = eq + 2; // skip ="
                while (line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\') {
                        j++;
                    }
                    value.append(line.charAt(j++));
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
            samples.add(new Sample(name, labels));
        }
        return new PrometheusText(samples, families);
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** A metric name as used in PromQL is exported when a series or a family has it. */
    boolean exports(String name) {
        return names().contains(name) || families.contains(name);
    }
}

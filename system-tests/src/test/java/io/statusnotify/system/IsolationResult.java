package io.statusnotify.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What came of an {@link IsolationRun}: what each tenant got, what was sent, what the receipts say. */
record IsolationResult(PipelineEnv env, Map<String, Deliveries> byTenant, Map<String, List<Long>> sentByUser,
                       Receipts receipts) {

    Map<String, List<Long>> sentByUserOf(String tenant) {
        return sentByUser.entrySet().stream().filter(e -> e.getKey().startsWith(tenant + "/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    Set<Long> sentSequenceNums() {
        return sentByUser.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }
}

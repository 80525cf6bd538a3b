package io.statusnotify.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** A tenant command about one existing tenant: NAME, checked before Kafka is asked, and the ops options. */
abstract class OneTenantCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OpsOptions ops;

    @Parameters(index = "0", paramLabel = "NAME", description = "The tenant.")
    String tenant;

    @Override
    public final Integer call() {
        TenantRecords.requireName(tenant);
        return run(new ConfigStore(ops.clients(), ops.topics().tenantConfig()));
    }

    abstract int run(ConfigStore store);
}

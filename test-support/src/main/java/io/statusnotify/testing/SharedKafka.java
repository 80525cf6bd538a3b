package io.statusnotify.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one {@link TestKafka} broker for the whole test JVM, started on first use and stopped when
 * the run ends. Tests take it as a parameter and use a topic (or a topic prefix) of their own.
 * <pre>{@code
 * @ExtendWith(SharedKafka.class)
 * class SomethingIT {
 *     @Test void works(TestKafka kafka) { ... }
 * }
 * }</pre>
 */
public final class SharedKafka implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafka.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    /** The JVM's broker, started on first use: for other extensions (e.g. a harness that sets up each test). */
    public static TestKafka broker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new Holder(TestKafka.start()), Holder.class).kafka;
    }

    private record Holder(TestKafka kafka) implements AutoCloseable {
        @Override
        public void close() {
            kafka.close();
        }
    }
}

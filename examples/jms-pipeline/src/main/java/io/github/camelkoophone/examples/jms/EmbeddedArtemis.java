package io.github.camelkoophone.examples.jms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker inside this JVM, reachable only in-VM ({@code vm://N}), without persistence or
 * security. A message whose consumer rolls back is delivered again after a second, at most 10 times, then moved to
 * the {@code DLQ} queue. For the demo run and the test only.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    private final EmbeddedActiveMQ broker;
    private final String url;
    private final Path dir;

    private EmbeddedArtemis(EmbeddedActiveMQ broker, String url, Path dir) {
        this.broker = broker;
        this.url = url;
        this.dir = dir;
    }

    /** Starts a broker with an in-VM acceptor at {@code url}, e.g. {@code vm://0}. */
    public static EmbeddedArtemis start(String url) throws Exception {
        Path dir = Files.createTempDirectory("artemis");
        Configuration config = new ConfigurationImpl()
                .setName("koophone-example")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setJournalDirectory(dir.resolve("journal").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .addAcceptorConfiguration("in-vm", url)
                .addAddressSetting("#", new AddressSettings()
                        .setRedeliveryDelay(1000)
                        .setMaxDeliveryAttempts(10)
                        .setDeadLetterAddress(SimpleString.of("DLQ"))
                        .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                        .setAutoCreateDeadLetterResources(true)
                        .setAutoCreateExpiryResources(true));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        return new EmbeddedArtemis(broker, url, dir);
    }

    @Override
    public String toString() {
        return "embedded Artemis at " + url;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Whether the broker URL names an in-VM broker, which the example then starts itself. */
    static boolean isInVm(String url) {
        return url != null && url.startsWith("vm://");
    }
}

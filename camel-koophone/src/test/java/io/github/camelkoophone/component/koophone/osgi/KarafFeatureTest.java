package io.github.camelkoophone.component.koophone.osgi;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Karaf deployment without a Karaf carrying Camel (this machine's Maven mirror lacks
 * camel-karaf's bundles): the bundle manifest exports the packages the docs list and imports nothing from java.*,
 * the features descriptor is valid against Karaf's schema, and every import the manifest makes is provided, in a
 * matching version, by the bundles the feature installs.
 */
class KarafFeatureTest {

    private static final Path MANIFEST = Path.of("target", "classes", "META-INF", "MANIFEST.MF");
    private static final Path FEATURES = Path.of("target", "features", "features.xml");
    /** Jars whose packages Camel's camel-core feature installs (camel-karaf wraps them). */
    private static final Pattern CAMEL_CORE = Pattern.compile(
            "camel-(api|util|support|base|base-engine|core-engine|core-model|core-processor|core-reifier|management-api|util-json|cluster|health|xml-jaxp-util)-\\d.*\\.jar");
    private static final Pattern JACKSON = Pattern.compile("jackson-(core|databind|annotations)-\\d.*\\.jar");

    @Test
    void manifestExportsEveryPackageAndImportsNoJava() throws IOException {
        Map<String, String> exports = clauses(manifest().getMainAttributes().getValue("Export-Package"));
        assertThat(exports.keySet()).containsExactlyInAnyOrder(
                "io.github.camelkoophone.component.koophone",
                "io.github.camelkoophone.component.koophone.model",
                "io.github.camelkoophone.component.koophone.dsl",
                "io.github.camelkoophone.component.koophone.dsl.component",
                "io.github.camelkoophone.component.cph",
                "io.github.camelkoophone.component.cph.model",
                "io.github.camelkoophone.component.cph.dsl",
                "io.github.camelkoophone.component.cph.dsl.component",
                "io.github.camelkoophone.component.cloud",
                "io.github.camelkoophone.component.cloud.api",
                "io.github.camelkoophone.component.cloud.auth",
                "io.github.camelkoophone.component.cloud.call",
                "io.github.camelkoophone.component.cloud.consumer",
                "io.github.camelkoophone.component.cloud.http",
                "io.github.camelkoophone.component.cloud.tasks",
                "io.github.camelkoophone.component.cloud.traffic",
                "io.github.camelkoophone.component.cloud.telemetry",
                "io.github.camelkoophone.component.cloud.model");
        assertThat(clauses(manifest().getMainAttributes().getValue("Import-Package")).keySet())
                .noneMatch(pkg -> pkg.startsWith("java."));
        assertThat(manifest().getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("io.github.camelkoophone.camel-koophone");
    }

    @Test
    void featuresDescriptorIsValidAgainstKarafsSchema() throws Exception {
        try (InputStream xsd = getClass().getResourceAsStream("/org/apache/karaf/features/karaf-features-1.6.0.xsd")) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.newSchema(new StreamSource(xsd)).newValidator().validate(new StreamSource(FEATURES.toFile()));
        }
        assertThat(Files.readString(FEATURES)).doesNotContain("${").contains("camel-koophone/0.1.0-SNAPSHOT");
    }

    @Test
    void everyImportIsProvidedByTheFeaturesBundlesInAMatchingVersion() throws Exception {
        Map<String, String> provided = new HashMap<>(); // package -> version ("" when unversioned)
        for (String classpathEntry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(classpathEntry).getFileName().toString();
            if (CAMEL_CORE.matcher(name).matches()) {
                packagesOf(classpathEntry).forEach(pkg -> provided.put(pkg, ""));
            } else if (JACKSON.matcher(name).matches() || name.startsWith("slf4j-api-")) {
                // bundles with their own OSGi headers (slf4j's API is exported by Karaf's pax-logging)
                provided.putAll(clauses(manifestOf(classpathEntry).getMainAttributes().getValue("Export-Package")));
            }
        }
        for (Wrapped wrapped : wrappedBundles()) {
            String jar = classpathJar(wrapped.artifactId() + "-" + wrapped.version() + ".jar");
            for (String pkg : packagesOf(jar)) {
                if (pkg.startsWith(wrapped.exportPrefix())) {
                    provided.put(pkg, wrapped.version());
                }
            }
        }

        List<String> unresolved = new ArrayList<>();
        clauses(manifest().getMainAttributes().getValue("Import-Package")).forEach((pkg, attributes) -> {
            if (attributes.contains("resolution:=optional") || pkg.startsWith("javax.")
                || pkg.startsWith("io.github.camelkoophone.")) {
                return;
            }
            String exported = provided.get(pkg);
            if (exported == null) {
                unresolved.add(pkg + " (not exported by any bundle of the feature)");
            } else if (!inRange(exported, range(attributes))) {
                unresolved.add(pkg + " " + range(attributes) + " (feature provides " + exported + ")");
            }
        });
        assertThat(unresolved).as("imports the camel-koophone feature cannot satisfy").isEmpty();
    }

    private record Wrapped(String artifactId, String version, String exportPrefix) {
    }

    /** The feature's wrap: bundles, their jar and the packages they export. */
    private static List<Wrapped> wrappedBundles() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document features = factory.newDocumentBuilder().parse(FEATURES.toFile());
        NodeList bundles = features.getElementsByTagNameNS("*", "bundle");
        Pattern wrap = Pattern.compile("wrap:mvn:[^/]+/([^/]+)/([^$]+)\\$.*Export-Package=([a-z0-9.]+)\\.\\*.*");
        List<Wrapped> wrapped = new ArrayList<>();
        for (int i = 0; i < bundles.getLength(); i++) {
            Matcher m = wrap.matcher(bundles.item(i).getTextContent().trim());
            if (m.matches()) {
                wrapped.add(new Wrapped(m.group(1), m.group(2), m.group(3)));
            }
        }
        assertThat(wrapped).as("wrapped HttpClient bundles in the feature").hasSize(3);
        return wrapped;
    }

    private static Manifest manifest() throws IOException {
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            return new Manifest(in);
        }
    }

    private static Manifest manifestOf(String jar) throws IOException {
        try (JarFile file = new JarFile(jar)) {
            return file.getManifest();
        }
    }

    private static String classpathJar(String fileName) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(File.separator + fileName)) {
                return entry;
            }
        }
        throw new AssertionError(fileName + " is not on the test classpath");
    }

    private static List<String> packagesOf(String jar) throws IOException {
        List<String> packages = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && name.contains("/") && !name.startsWith("META-INF/")) {
                    String pkg = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
                    if (!packages.contains(pkg)) {
                        packages.add(pkg);
                    }
                }
            }
        }
        return packages;
    }

    /** Splits an OSGi header into package -> the rest of its clause, minding quoted commas. */
    static Map<String, String> clauses(String header) {
        Map<String, String> clauses = new HashMap<>();
        if (header == null) {
            return clauses;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String clause = current.toString().trim();
                int semicolon = clause.indexOf(';');
                String pkg = semicolon < 0 ? clause : clause.substring(0, semicolon);
                String attributes = semicolon < 0 ? "" : clause.substring(semicolon + 1);
                Matcher version = Pattern.compile("(?:^|;)version=\"?([^\";]+)\"?").matcher(attributes);
                String value = attributes.contains("version=") && !attributes.contains("[") && !attributes.contains("(")
                               && version.find() ? version.group(1) : attributes;
                // a package exported twice (slf4j 2 also exports its 1.7 API version) counts at its highest version
                clauses.merge(pkg.trim(), value, (a, b) -> a.matches("[0-9.]+") && b.matches("[0-9.]+") && compare(b, a) > 0 ? b : a);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return clauses;
    }

    private static String range(String attributes) {
        Matcher m = Pattern.compile("version=\"([^\"]+)\"").matcher(attributes);
        return m.find() ? m.group(1) : "";
    }

    /** Whether a version lies in an OSGi range like [2.19,3); unversioned exports or imports always match. */
    static boolean inRange(String version, String range) {
        if (range.isEmpty() || version.isEmpty()) {
            return true;
        }
        String[] bounds = range.substring(1, range.length() - 1).split(",");
        int low = compare(version, bounds[0]);
        int high = compare(version, bounds[1]);
        return (range.startsWith("[") ? low >= 0 : low > 0) && (range.endsWith("]") ? high <= 0 : high < 0);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int xi = i < x.length ? Integer.parseInt(x[i].replaceAll("\\D.*", "")) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i].replaceAll("\\D.*", "")) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }
}

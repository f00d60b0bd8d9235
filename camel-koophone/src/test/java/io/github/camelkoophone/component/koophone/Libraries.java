package io.github.camelkoophone.component.koophone;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Third-party libraries whose behaviour a test pins (a bug, a default, an exception type), named with the version on
 * the test class path, so that a test failing after an upgrade says which library changed: the change may be the
 * library's, not a regression of ours.
 */
public final class Libraries {

    public static final String HUAWEI_SDK_CORE = "com.huaweicloud.sdk:huaweicloud-sdk-core";
    public static final String HTTPCLIENT5 = "org.apache.httpcomponents.client5:httpclient5";
    public static final String HTTPCORE5 = "org.apache.httpcomponents.core5:httpcore5";

    private Libraries() {
    }

    /** The message of an assertion that pins {@code behaviour} of the library {@code coordinates} (group:artifact). */
    public static String pins(String coordinates, String behaviour) {
        return "pins " + named(coordinates) + ": " + behaviour + ". A failure after upgrading it may be the library's "
               + "change, not a regression";
    }

    /** The artifact and the version its jar's Maven metadata gives. */
    public static String named(String coordinates) {
        String[] parts = coordinates.split(":");
        String resource = "META-INF/maven/" + parts[0] + "/" + parts[1] + "/pom.properties";
        try (InputStream in = Libraries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return parts[1] + " (version unknown)";
            }
            Properties pom = new Properties();
            pom.load(in);
            return parts[1] + " " + pom.getProperty("version");
        } catch (IOException e) {
            return parts[1] + " (version unknown)";
        }
    }
}

package io.newsline.contracts.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Only address literals and /etc/hosts names: nothing here asks a DNS server or opens a connection. */
class OutboundAddressPolicyTest {

    private final OutboundAddressPolicy strict = OutboundAddressPolicy.of(true);
    private final OutboundAddressPolicy open = OutboundAddressPolicy.of(false);

    @Test
    void internalAddressesAreRefusedWithTheReasonAndTheSetting() {
        for (String url : new String[] {
                "http://127.0.0.1:8083/api/timeline", "http://localhost/", "http://[::1]/hook",
                "http://10.1.2.3/", "http://172.20.0.5/", "http://192.168.1.10/", "http://169.254.169.254/latest/",
                "http://[fe80::1]/", "http://[fd12:3456::1]/", "http://0.0.0.0/", "http://100.64.0.1/",
                "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://[2002:c0a8:101::1]/",
                "http://224.0.0.1/", "http://255.255.255.255/"}) {
            OutboundAddressPolicy.RefusedUrl e = assertThrows(OutboundAddressPolicy.RefusedUrl.class,
                    () -> strict.validate(url), url);
            assertTrue(e.getMessage().contains(OutboundAddressPolicy.SETTING), e.getMessage());
        }
        OutboundAddressPolicy.RefusedUrl e = assertThrows(OutboundAddressPolicy.RefusedUrl.class,
                () -> strict.validate("http://169.254.169.254/"));
        assertEquals("resolves to 169.254.169.254, a link-local address, which " + OutboundAddressPolicy.SETTING
                + " refuses", e.getMessage());
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertDoesNotThrow(() -> strict.validate("https://93.184.216.34/hook"));
        assertDoesNotThrow(() -> strict.validate("http://[2606:4700:4700::1111]:8080/hook"));
        assertNull(OutboundAddressPolicy.whyRefused(InetAddress.getByName("8.8.4.4")));
        assertNull(OutboundAddressPolicy.whyRefused(InetAddress.getByName("172.32.0.1")), "just outside 172.16/12");
        assertNull(OutboundAddressPolicy.whyRefused(InetAddress.getByName("100.128.0.1")), "just outside 100.64/10");
    }

    @Test
    void withTheSettingOffLocalReceiversAreAllowed() throws Exception {
        assertEquals(URI.create("http://127.0.0.1:9999/hook"), open.validate("http://127.0.0.1:9999/hook"));
        open.requireAllowed(URI.create("http://localhost:9999/hook"));
    }

    @Test
    void onlyAbsoluteHttpAndHttpsUrlsAreTakenWhateverTheSetting() {
        for (OutboundAddressPolicy p : new OutboundAddressPolicy[] {strict, open}) {
            for (String url : new String[] {"ftp://example.org/feed", "file:///etc/passwd", "javascript:alert(1)",
                    "/relative/path", "http:///no-host", "gopher://example.org/", "", "http://exa mple.org/"}) {
                assertThrows(OutboundAddressPolicy.RefusedUrl.class, () -> p.validate(url), url);
            }
            assertThrows(OutboundAddressPolicy.RefusedUrl.class,
                    () -> p.validate("https://example.org/" + "a".repeat(OutboundAddressPolicy.MAX_URL_LENGTH)));
        }
    }
}

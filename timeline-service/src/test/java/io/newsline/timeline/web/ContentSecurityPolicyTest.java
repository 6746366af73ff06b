package io.newsline.timeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void withoutTilesImagesComeOnlyFromThePageItself() {
        String policy = ContentSecurityPolicy.policy(Optional.empty());
        assertTrue(policy.contains("img-src 'self' data:;"), policy);
        assertFalse(policy.contains("unsafe"), policy);
    }

    @Test
    void aTileServerIsAllowedForImagesByItsOriginOnly() {
        String policy = ContentSecurityPolicy.policy(Optional.of("https://tiles.example.org/osm/{z}/{x}/{y}.png"));
        assertTrue(policy.contains("img-src 'self' data: https://tiles.example.org;"), policy);
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self';"), policy);
    }

    @Test
    void subdomainPlaceholdersBecomeAWildcard() {
        assertEquals(Optional.of("https://*.tile.example.org"),
                ContentSecurityPolicy.origin("https://{s}.tile.example.org/{z}/{x}/{y}.png"));
        assertEquals(Optional.of("http://localhost:8080"),
                ContentSecurityPolicy.origin("http://localhost:8080/tiles/{z}/{x}/{y}.png"));
        assertEquals(Optional.empty(), ContentSecurityPolicy.origin("/tiles/{z}/{x}/{y}.png"));
    }
}
